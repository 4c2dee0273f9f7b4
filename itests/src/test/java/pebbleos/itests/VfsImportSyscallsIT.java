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

/** The fs family in mode {@code vfs-import}: the kernel and this mode's backend alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VfsImportSyscallsIT extends FsSyscallsContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(VfsImportSyscallsIT.class), FsImages.kernel(),
                FsImages.backend(FsImages.moduleOf("vfs-import")));
    }

    @Override
    protected String mode() {
        return "vfs-import";
    }

    @Override
    protected void seed(Path root) throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/main.peb"), "print 1");
    }

    @Test
    public void theHostIsImportedIntoTheStore() throws Exception {
        assertEquals("print 1", call("fs_read", "/src/main.peb"));
        call("fs_write", "/src/main.peb", "print 2");
        assertEquals("print 1", Files.readString(hostRoot.resolve("src/main.peb")));
        assertEquals(1L, call("fs_exists", "/src/main.peb"));
    }
}
