package pebbleos.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.Ownership;
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

    /** The chain of one walk follows links as a lookup of each prefix does, and stops at one that leads nowhere. */
    @Test
    public void directoriesAboveFollowLinksInsideAsEachLookupDoes() throws Exception {
        volume.mkdir("/a", new Ownership(1001, 1002, 0751));
        volume.mkdir("/a/b", new Ownership(1003, 1004, 0710));
        volume.mkdir("/a/b/c", new Ownership(1005, 1006, 0700));
        Files.createSymbolicLink(hostRoot.resolve("rel"), Path.of("a/b"));
        Files.createSymbolicLink(hostRoot.resolve("a/up"), Path.of("../a/b/c/.."));
        Files.createSymbolicLink(hostRoot.resolve("abs"), hostRoot.resolve("a"));
        Files.createSymbolicLink(hostRoot.resolve("nowhere"), Path.of("missing"));
        for (String path : List.of("/rel/c/x", "/a/up/c/x", "/abs/b/c/x", "/abs/up/c/x", "/nowhere/x/y", "/rel/c")) {
            List<Ownership> each = new java.util.ArrayList<>();
            String prefix = "";
            String[] parts = path.substring(1).split("/");
            each.add(volume.node("/").ownership());
            for (int i = 0; i < parts.length - 1; i++) {
                prefix += "/" + parts[i];
                if (volume.node(prefix) == null) {
                    break;
                }
                each.add(volume.node(prefix).ownership());
            }
            List<Ownership> chain = volume.directoriesAbove(path).stream().map(n -> n.ownership()).toList();
            assertEquals(path, each, chain);
        }
        assertEquals(new Ownership(1005, 1006, 0700), volume.directoriesAbove("/a/up/c/x").get(3).ownership());
        assertEquals(1, volume.directoriesAbove("/nowhere/x/y").size());
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

    /**
     * A host thread swaps {@code /d} for a link to a folder outside and back,
     * in a tight loop, while this thread reads, writes, makes and removes
     * directories, renames, changes modes and touches under it: nothing
     * outside may change and no read may return what lies outside.
     */
    @Test
    public void aDirectorySwappedForAnOutsideLinkLetsNothingOut() throws Exception {
        Path outside = folder.newFolder("outside-race").toPath();
        Files.writeString(outside.resolve("f"), "OUTSIDE");
        Files.createDirectories(outside.resolve("sub"));
        for (int k = 0; k < 5; k++) {
            Files.writeString(outside.resolve("new" + k), "outside " + k);
        }
        Path d = Files.createDirectories(hostRoot.resolve("d"));
        Files.writeString(d.resolve("f"), "inside");
        Files.createDirectories(d.resolve("sub"));
        Path link = Files.createSymbolicLink(hostRoot.resolve("d-link"), outside);
        Path parked = hostRoot.resolve("d-dir");
        Map<String, String> before = snapshot(outside);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong swaps = new AtomicLong();
        AtomicReference<IOException> swapFailed = new AtomicReference<>();
        Thread swapper = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.move(d, parked, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, d, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(d, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(parked, d, StandardCopyOption.ATOMIC_MOVE);
                    swaps.incrementAndGet();
                } catch (IOException e) {
                    swapFailed.set(e);
                    return;
                }
            }
        }, "host-swapper");
        swapper.start();
        long end = System.currentTimeMillis() + 2000;
        long ops = 0;
        long refused = 0;
        long leaked = 0;
        for (int i = 0; System.currentTimeMillis() < end; i++) {
            for (int step = 0; step < 8; step++) {
                try {
                    switch (step) {
                        case 0 -> leaked += "inside".equals(text(volume.read("/d/f"))) ? 0 : 1;
                        case 1 -> volume.write("/d/new" + (i % 5), utf8("x"), false);
                        case 2 -> volume.mkdir("/d/sub/dir" + (i % 7), new Ownership(1001, 1001, 0700));
                        case 3 -> volume.rmdir("/d/sub/dir" + ((i + 3) % 7));
                        case 4 -> volume.rename("/d/new" + (i % 5), "/d/sub/moved");
                        case 5 -> volume.chmod("/d/sub", i % 2 == 0 ? 0700 : 0755);
                        case 6 -> volume.open("/d/new" + ((i + 2) % 5), Volume.WRITE | Volume.CREATE).close();
                        default -> volume.setTime("/d/sub", 1000L * i);
                    }
                    ops++;
                } catch (PebbleException e) {
                    refused++;
                }
            }
        }
        stop.set(true);
        swapper.join();
        if (swapFailed.get() != null) {
            throw new AssertionError("the host's swap failed", swapFailed.get());
        }
        System.out.printf("hostfs volume race: %d swaps, %d done, %d refused, %d leaked%n", swaps.get(), ops, refused,
                leaked);
        assertEquals(0, leaked);
        assertEquals(before, snapshot(outside));
        assertTrue("the swaps raced the operations: " + swaps.get(), swaps.get() > 10 && ops > 10);
    }

    /** Every entry under {@code dir}: kind, size, permissions, modification time and (files) content. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                out.put(dir.relativize(p).toString(), a.isDirectory() + " " + a.size() + " "
                        + PosixFilePermissions.toString(a.permissions()) + " " + a.lastModifiedTime().toMillis()
                        + (a.isRegularFile() ? " " + Files.readString(p) : ""));
            }
        }
        return out;
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
