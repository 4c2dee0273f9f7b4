package pebbleos.fs.mfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.SnapshotStore;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.kernel.fs.VolumeContract;

/** The volume contract in mode {@code mfs}, plus what is particular to memory: sync and the handoff. */
public class MfsVolumeTest extends VolumeContract {
    /** A store that keeps what it is given, to watch {@code sync}. */
    static final class RecordingStore implements SnapshotStore {
        final List<TreeSnapshot> saved = new ArrayList<>();

        @Override
        public void save(Path hostRoot, String mode, TreeSnapshot tree) {
            saved.add(tree);
        }

        @Override
        public TreeSnapshot load(Path hostRoot) {
            return saved.isEmpty() ? new TreeSnapshot(List.of()) : saved.get(saved.size() - 1);
        }
    }

    final RecordingStore store = new RecordingStore();

    @Override
    protected Volume mount(Path hostRoot) {
        return new MemoryFileSystem(store).mount(new MountRequest("mfs", hostRoot, null));
    }

    @Override
    protected Volume remount(Path hostRoot, TreeSnapshot handoff) {
        return new MemoryFileSystem(store).mount(new MountRequest("mfs", hostRoot, handoff));
    }

    @Test
    public void startsEmptyAndTouchesNoDisk() throws Exception {
        Files.writeString(hostRoot.resolve("host.txt"), "on the host");
        Volume fresh = mount(hostRoot);
        assertTrue(fresh.list("/").isEmpty());
        fresh.write("/f", utf8("memory only"), false);
        try (var files = Files.list(hostRoot)) {
            assertEquals(List.of(hostRoot.resolve("host.txt")), files.toList());
        }
    }

    @Test
    public void handoffSharesContentsWithoutCopying() {
        byte[] big = new byte[1 << 20];
        volume.write("/big", big, false);
        TreeSnapshot tree = volume.detach();
        TreeSnapshot.Entry entry = tree.entries().get(0);
        Volume next = remount(hostRoot, tree);
        TreeSnapshot again = next.detach();
        assertSame(entry.content(), again.entries().get(0).content());
        volume = null;
    }

    @Test
    public void detachedVolumeRefusesWork() {
        TreeSnapshot tree = volume.detach();
        assertErrno(Errno.IO, () -> volume.read("/x"));
        volume = remount(hostRoot, tree);
    }

    @Test
    public void syncSavesTheWholeTreeThroughTheStore() {
        volume.mkdir("/d");
        volume.write("/d/f", utf8("synced"), false);
        volume.sync();
        assertEquals(1, store.saved.size());
        List<TreeSnapshot.Entry> entries = store.saved.get(0).entries();
        assertEquals("/d", entries.get(0).path());
        assertTrue(entries.get(0).directory());
        assertEquals("/d/f", entries.get(1).path());
        assertEquals("synced", new String(entries.get(1).content(), 0, entries.get(1).length(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    public void syncWithoutAStoreFailsWithNosys() {
        Volume alone = new MemoryFileSystem().mount(new MountRequest("mfs", hostRoot, null));
        assertErrno(Errno.NOSYS, alone::sync);
        assertFalse(alone.list("/").iterator().hasNext());
    }
}
