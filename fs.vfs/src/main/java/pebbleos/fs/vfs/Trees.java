package pebbleos.fs.vfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.VolumePaths;

/**
 * Whole trees in and out of a {@link Store}: the import of the host directory
 * ({@code vfs-import}) and the {@code SnapshotStore} service's save and load.
 * Callers hold the store's write lock and commit.
 */
final class Trees {
    private Trees() {
    }

    /** Replace everything in the store with {@code tree}. */
    static void replace(Store s, TreeSnapshot tree) {
        long now = System.currentTimeMillis();
        s.nodes.clear();
        s.chunks.clear();
        s.nodes.put("", Record.directory(now, Ownership.diskUser(0755)).encode());
        for (TreeSnapshot.Entry e : tree.entries()) {
            String path = e.path();
            try {
                VolumePaths.check(path);
            } catch (RuntimeException bad) {
                continue;
            }
            if (VolumePaths.isRoot(path)) {
                continue;
            }
            directories(s, VolumePaths.parent(path), e.mtime());
            Ownership o = e.owner();
            if (e.directory()) {
                s.put(path, new Record(true, 0, e.mtime(), e.ctime(), 0, o.uid(), o.gid(), o.mode()));
            } else {
                Record r = new Record(false, 0, e.mtime(), e.ctime(), s.nextId(), o.uid(), o.gid(), o.mode());
                int length = e.content() == null ? 0 : Math.min(e.length(), e.content().length);
                long size = Chunks.write(s, r, 0, e.content() == null ? new byte[0] : e.content(), 0, length);
                s.put(path, r.withSize(size, e.mtime()));
            }
        }
    }

    /** The whole store as a snapshot, directories before their contents. */
    static TreeSnapshot export(Store s) {
        List<TreeSnapshot.Entry> out = new ArrayList<>();
        export(s, "/", out);
        return new TreeSnapshot(out);
    }

    private static void export(Store s, String directory, List<TreeSnapshot.Entry> out) {
        for (Map.Entry<String, Record> e : s.children(directory)) {
            String path = VolumePaths.child(directory, e.getKey());
            Record r = e.getValue();
            if (r.directory()) {
                out.add(new TreeSnapshot.Entry(path, true, null, 0, r.mtime(), r.ctime(), r.ownership()));
                export(s, path, out);
            } else {
                byte[] data = Chunks.readAll(s, r);
                out.add(new TreeSnapshot.Entry(path, false, data, data.length, r.mtime(), r.ctime(), r.ownership()));
            }
        }
    }

    private static void directories(Store s, String path, long time) {
        if (VolumePaths.isRoot(path) || s.get(path) != null) {
            return;
        }
        directories(s, VolumePaths.parent(path), time);
        s.put(path, Record.directory(time, Ownership.diskUser(0755)));
    }
}
