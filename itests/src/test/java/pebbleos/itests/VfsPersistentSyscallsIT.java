package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The fs family in mode {@code vfs-persistent}: the kernel and this mode's backend alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VfsPersistentSyscallsIT extends FsSyscallsContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(VfsPersistentSyscallsIT.class), FsImages.kernel(),
                FsImages.backend(FsImages.moduleOf("vfs-persistent")));
    }

    @Override
    protected String mode() {
        return "vfs-persistent";
    }

    @Test
    public void writesSurviveARemountAndSyncForcesThem() {
        call("fs_mkdir", "/kept");
        call("fs_write", "/kept/f", "durable");
        assertEquals(1L, call("fs_sync"));
        assertEquals(0L, call("fs_sync"));
        mounts.mountRoot(mode(), hostRoot, false, 10_000);
        assertEquals("durable", call("fs_read", "/kept/f"));
    }
}
