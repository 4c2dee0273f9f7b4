package pebbleos.fs.vfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.kernel.fs.VolumeContract;

/** The volume contract in mode {@code vfs-persistent}, plus persistence across boots and the snapshot service. */
public class VfsPersistentVolumeTest extends VolumeContract {
    final VfsStores stores = new VfsStores();

    @Override
    protected Volume mount(Path hostRoot) {
        return new VfsFileSystem(stores).mount(new MountRequest("vfs-persistent", hostRoot, null));
    }

    @Override
    protected Volume remount(Path hostRoot, TreeSnapshot handoff) {
        return new VfsFileSystem(stores).mount(new MountRequest("vfs-persistent", hostRoot, handoff, true));
    }

    @Test
    public void theStoreIsTheTruthAcrossBoots() {
        volume.mkdir("/empty");
        volume.mkdir("/docs");
        volume.write("/docs/a.txt", utf8("kept \u2713"), false);
        volume.setTime("/docs/a.txt", 1_111_111_111_000L);
        assertTrue(Files.exists(hostRoot.resolve(MountRequest.VFS_STORE)));
        close(volume);
        // a new boot: a new bundle instance, a new store object
        volume = new VfsFileSystem(new VfsStores()).mount(new MountRequest("vfs-persistent", hostRoot, null));
        assertEquals(List.of("docs", "empty"), names("/"));
        assertEquals("kept \u2713", text(volume.read("/docs/a.txt")));
        assertEquals(1_111_111_111_000L, volume.stat("/docs/a.txt").mtime());
        assertTrue(volume.stat("/empty").isDirectory());
    }

    @Test
    public void theOriginalsTextStoreIsRefusedAndLeftAsItIs() throws Exception {
        close(volume);
        volume = null;
        Path store = hostRoot.resolve(MountRequest.VFS_STORE);
        Files.deleteIfExists(store);
        String text = "notes.txt\t2026-03-01, 16:04:04\thello\\n\n";
        Files.writeString(store, text);
        for (String mode : List.of("vfs-persistent", "vfs-import")) {
            PebbleException refused = assertThrows(PebbleException.class,
                    () -> new VfsFileSystem(new VfsStores()).mount(new MountRequest(mode, hostRoot, null)));
            assertEquals(Errno.INVAL, refused.errno());
            assertTrue(refused.getMessage(), refused.getMessage().contains("the original PebbleOS kept its virtual disk there"));
            assertEquals(text, Files.readString(store));
        }
    }

    @Test
    public void aStoreInUseCannotBeImportedOver() {
        assertErrno(Errno.BUSY, () -> new VfsFileSystem(stores).mount(new MountRequest("vfs-import", hostRoot, null)));
    }

    @Test
    public void snapshotServiceSavesAndLoadsWholeTrees() {
        close(volume);
        volume = null;
        VfsSnapshotStore service = new VfsSnapshotStore(stores);
        byte[] binary = new byte[200_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        service.save(hostRoot, "mfs", new TreeSnapshot(List.of(
                new TreeSnapshot.Entry("/d", true, null, 0, 1000L, 1000L),
                new TreeSnapshot.Entry("/d/bin", false, binary, binary.length, 2000L, 2000L),
                new TreeSnapshot.Entry("/e/deep/f", false, utf8("x"), 1, 3000L, 3000L))));
        TreeSnapshot back = service.load(hostRoot);
        assertEquals(5, back.entries().size());
        volume = mount(hostRoot);
        assertEquals(List.of("d", "e"), names("/"));
        assertEquals(binary.length, volume.stat("/d/bin").size());
        assertTrue(java.util.Arrays.equals(binary, volume.read("/d/bin")));
        assertEquals(2000L, volume.stat("/d/bin").mtime());
        assertEquals("x", text(volume.read("/e/deep/f")));
    }

    @Test
    public void aSnapshotOrAnImportNeverReplacesAPersistentStore() {
        volume.mkdir("/docs");
        volume.write("/docs/a.txt", utf8("kept"), false);
        close(volume);
        volume = null;
        VfsSnapshotStore service = new VfsSnapshotStore(stores);
        TreeSnapshot snapshot = new TreeSnapshot(List.of(new TreeSnapshot.Entry("/b", false, utf8("b"), 1, 1L, 1L)));
        PebbleException refused = assertThrows(PebbleException.class, () -> service.save(hostRoot, "mfs", snapshot));
        assertEquals(Errno.EXIST, refused.errno());
        assertTrue(refused.getMessage(), refused.getMessage().startsWith(
                "the folder holds a vfs-persistent store (.__pebble_vfs__.db) that mfs sync does not replace: "));
        refused = assertThrows(PebbleException.class,
                () -> new VfsFileSystem(stores).mount(new MountRequest("vfs-import", hostRoot, null)));
        assertEquals(Errno.EXIST, refused.errno());
        assertTrue(refused.getMessage(), refused.getMessage().contains("that vfs-import does not replace"));
        volume = mount(hostRoot);
        assertEquals(List.of("docs"), names("/"));
        assertEquals("kept", text(volume.read("/docs/a.txt")));
    }

    @Test
    public void snapshotsReplaceSnapshotsAndAPersistentBootAdoptsOne() {
        close(volume);
        volume = null;
        VfsSnapshotStore service = new VfsSnapshotStore(stores);
        service.save(hostRoot, "mfs", new TreeSnapshot(List.of(new TreeSnapshot.Entry("/s", false, utf8("1"), 1, 1L, 1L))));
        service.save(hostRoot, "mfs-import",
                new TreeSnapshot(List.of(new TreeSnapshot.Entry("/t", false, utf8("2"), 1, 1L, 1L))));
        volume = mount(hostRoot);
        assertEquals(List.of("t"), names("/"));
        close(volume);
        volume = null;
        // adopted: from now on it is a vfs-persistent store
        assertThrows(PebbleException.class, () -> service.save(hostRoot, "mfs", new TreeSnapshot(List.of())));
        volume = mount(hostRoot);
        assertEquals(List.of("t"), names("/"));
    }

    @Test
    public void sparseWritesReadAsZeros() {
        var h = volume.open("/sparse", Volume.READ | Volume.WRITE | Volume.CREATE);
        h.write(200_000, utf8("end"), 0, 3);
        assertEquals(200_003, h.size());
        byte[] all = volume.read("/sparse");
        for (int i = 0; i < 200_000; i++) {
            assertEquals(0, all[i]);
        }
        assertEquals("end", new String(all, 200_000, 3, java.nio.charset.StandardCharsets.UTF_8));
        h.truncate(70_000);
        h.write(100_000, utf8("z"), 0, 1);
        byte[] again = volume.read("/sparse");
        assertEquals(100_001, again.length);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(0, again[i]);
        }
        h.close();
    }
}
