package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The fs family in mode {@code mfs}: the kernel and this mode's backend alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MfsSyscallsIT extends FsSyscallsContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(MfsSyscallsIT.class), FsImages.kernel(),
                FsImages.backend(FsImages.moduleOf("mfs")));
    }

    @Override
    protected String mode() {
        return "mfs";
    }

    @Test
    public void syncWithoutTheVfsStoreFailsWithNosys() {
        assertEquals(0L, call("fs_sync"));
        call("fs_write", "/f", "x");
        PebbleException e = failure("fs_sync");
        assertEquals(Errno.NOSYS, e.errno());
        assertEquals("fs_sync: no VFS store in this image", e.getMessage());
    }
}
