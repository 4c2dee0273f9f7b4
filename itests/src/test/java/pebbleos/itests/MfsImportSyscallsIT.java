package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The fs family in mode {@code mfs-import}: the kernel and this mode's backend alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MfsImportSyscallsIT extends FsSyscallsContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(MfsImportSyscallsIT.class), FsImages.kernel(),
                FsImages.backend(FsImages.moduleOf("mfs-import")));
    }

    @Override
    protected String mode() {
        return "mfs-import";
    }

    @Override
    protected void seed(Path root) throws Exception {
        Files.createDirectories(root.resolve("imported/empty"));
        Files.writeString(root.resolve("imported/hello.txt"), "from the host");
    }

    @Test
    public void theHostDirectoryIsImportedOnceThenMemoryOnly() throws Exception {
        assertEquals("from the host", call("fs_read", "/imported/hello.txt"));
        assertEquals("dir", call("fs_kind", "/imported/empty"));
        call("fs_write", "/imported/hello.txt", "changed");
        assertEquals("from the host", Files.readString(hostRoot.resolve("imported/hello.txt")));
    }
}
