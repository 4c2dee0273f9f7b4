package pebbleos.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.kernel.fs.VolumeContract;

/**
 * The volume contract in mode {@code hostfs}, plus what only a host directory
 * has: files on the disk, and symbolic links that try to lead out of the root.
 */
public class HostVolumeTest extends VolumeContract {
    @Override
    protected Volume mount(Path hostRoot) {
        return new HostFileSystem().mount(new MountRequest("hostfs", hostRoot, null));
    }

    @Override
    protected Volume remount(Path hostRoot, TreeSnapshot handoff) {
        return new HostFileSystem().mount(new MountRequest("hostfs", hostRoot, handoff, true));
    }

    @Test
    public void filesAreOnTheHostAndTheRootIsCreated() throws Exception {
        volume.mkdir("/d");
        volume.write("/d/f.txt", utf8("on disk \u2713"), false);
        assertEquals("on disk \u2713", Files.readString(hostRoot.resolve("d/f.txt")));
        Path fresh = folder.getRoot().toPath().resolve("new/disk");
        Volume v = mount(fresh);
        assertTrue(Files.isDirectory(fresh));
        assertTrue(v.list("/").isEmpty());
    }

    @Test
    public void theVfsStoreIsHiddenAndReserved() throws Exception {
        Files.writeString(hostRoot.resolve(MountRequest.VFS_STORE), "store");
        Files.writeString(hostRoot.resolve("visible"), "x");
        assertEquals(List.of("visible"), names("/"));
        assertNull(volume.find("/" + MountRequest.VFS_STORE));
        assertErrno(Errno.PERM, () -> volume.read("/" + MountRequest.VFS_STORE));
        assertErrno(Errno.PERM, () -> volume.write("/" + MountRequest.VFS_STORE, utf8("x"), false));
        assertEquals("store", Files.readString(hostRoot.resolve(MountRequest.VFS_STORE)));
    }

    @Test
    public void symbolicLinksPointingOutsideAreRefused() throws Exception {
        Path outside = folder.newFolder("outside").toPath();
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createSymbolicLink(hostRoot.resolve("out"), outside);
        Files.createSymbolicLink(hostRoot.resolve("secret-link"), outside.resolve("secret"));
        Files.createSymbolicLink(hostRoot.resolve("dangling"), outside.resolve("created-through-link"));
        assertErrno(Errno.PERM, () -> volume.read("/secret-link"));
        assertErrno(Errno.PERM, () -> volume.stat("/secret-link"));
        assertErrno(Errno.PERM, () -> volume.read("/out/secret"));
        assertErrno(Errno.PERM, () -> volume.list("/out"));
        assertErrno(Errno.PERM, () -> volume.write("/out/new", utf8("x"), false));
        assertErrno(Errno.PERM, () -> volume.write("/dangling", utf8("x"), false));
        assertErrno(Errno.PERM, () -> volume.open("/dangling", Volume.WRITE | Volume.CREATE));
        assertErrno(Errno.PERM, () -> volume.mkdir("/out/dir"));
        assertErrno(Errno.PERM, () -> volume.write("/secret-link", utf8("overwrite"), false));
        assertErrno(Errno.PERM, () -> volume.setTime("/secret-link", 1L));
        assertErrno(Errno.PERM, () -> volume.rename("/out/secret", "/stolen"));
        assertFalse(Files.exists(outside.resolve("new")));
        assertFalse(Files.exists(outside.resolve("dir")));
        assertFalse(Files.exists(outside.resolve("created-through-link")));
        assertEquals("secret", Files.readString(outside.resolve("secret")));
        assertFalse(names("/").contains("out"));
        assertFalse(names("/").contains("secret-link"));
    }

    @Test
    public void symbolicLinksInsideTheRootWork() throws Exception {
        volume.mkdir("/real");
        volume.write("/real/f", utf8("via link"), false);
        Files.createSymbolicLink(hostRoot.resolve("alias"), hostRoot.resolve("real"));
        Files.createSymbolicLink(hostRoot.resolve("real/rel"), Path.of("f"));
        assertEquals("via link", text(volume.read("/alias/f")));
        assertEquals("via link", text(volume.read("/real/rel")));
        volume.write("/alias/g", utf8("made through the link"), false);
        assertTrue(Files.exists(hostRoot.resolve("real/g")));
        assertTrue(names("/").contains("alias"));
    }

    @Test
    public void aRootThatIsItselfALinkStillContains() throws Exception {
        Path link = folder.getRoot().toPath().resolve("disk-link");
        Files.createSymbolicLink(link, hostRoot);
        close(volume); // one session at a time on a disk: its owners store is locked while mounted
        Volume v = mount(link);
        volume = v;
        v.write("/f", utf8("x"), false);
        assertEquals("x", text(v.read("/f")));
        assertErrno(Errno.PERM, () -> v.read("/../disk/f"));
    }
}
