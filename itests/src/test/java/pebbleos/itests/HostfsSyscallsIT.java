package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

import pebbleos.api.Errno;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The fs family in mode {@code hostfs}: the kernel and this mode's backend alone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostfsSyscallsIT extends FsSyscallsContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(HostfsSyscallsIT.class), FsImages.kernel(),
                FsImages.backend(FsImages.moduleOf("hostfs")));
    }

    @Override
    protected String mode() {
        return "hostfs";
    }

    @Override
    protected void seed(Path root) throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        Files.write(root.resolve("binary.dat"), all);
        Path outside = root.resolveSibling(root.getFileName() + "-outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("secret-link"), outside.resolve("secret"));
    }

    @Test
    public void copyKeepsEveryByteValue() throws Exception {
        call("fs_copy", "/binary.dat", "/copy.dat");
        assertArrayEquals(Files.readAllBytes(hostRoot.resolve("binary.dat")), Files.readAllBytes(hostRoot.resolve("copy.dat")));
    }

    @Test
    public void symbolicLinksPointingOutAreRefused() {
        assertErrno(Errno.PERM, "fs_read", "/secret-link");
        assertErrno(Errno.PERM, "fs_read", "/out/secret");
        assertErrno(Errno.PERM, "fs_write", "/out/planted", "x");
        assertErrno(Errno.PERM, "fd_open", "/out/planted", "w");
        assertErrno(Errno.PERM, "fs_list", "/out");
        assertFalse(Files.exists(hostRoot.resolveSibling(hostRoot.getFileName() + "-outside").resolve("planted")));
        assertEquals(0L, call("fs_exists", "/" + pebbleos.api.fs.MountRequest.VFS_STORE));
    }
}
