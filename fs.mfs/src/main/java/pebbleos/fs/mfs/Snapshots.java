package pebbleos.fs.mfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.VolumePaths;

/**
 * Between the in-memory tree and {@link TreeSnapshot}, the form that crosses
 * bundle revisions. File contents are shared, never copied: handing a 50 MB
 * file to a successor costs nothing.
 */
final class Snapshots {
    private Snapshots() {
    }

    /** The whole tree, directories before their contents. */
    static TreeSnapshot capture(DirectoryNode root) {
        List<TreeSnapshot.Entry> out = new ArrayList<>();
        capture(root, "", out);
        return new TreeSnapshot(out);
    }

    private static void capture(DirectoryNode directory, String prefix, List<TreeSnapshot.Entry> out) {
        for (Map.Entry<String, Node> e : directory.children.entrySet()) {
            String path = prefix + "/" + e.getKey();
            Node n = e.getValue();
            if (n instanceof FileNode f) {
                out.add(new TreeSnapshot.Entry(path, false, f.data, f.length, f.mtime, f.ctime));
            } else {
                out.add(new TreeSnapshot.Entry(path, true, null, 0, n.mtime, n.ctime));
                capture((DirectoryNode) n, path, out);
            }
        }
    }

    /** A tree built from a snapshot; entries with paths that are not in normal form are skipped. */
    static DirectoryNode adopt(TreeSnapshot snapshot) {
        long now = System.currentTimeMillis();
        DirectoryNode root = new DirectoryNode(now, now);
        if (snapshot == null) {
            return root;
        }
        for (TreeSnapshot.Entry e : snapshot.entries()) {
            String path = e.path();
            try {
                VolumePaths.check(path);
            } catch (RuntimeException bad) {
                continue;
            }
            if (VolumePaths.isRoot(path)) {
                continue;
            }
            DirectoryNode parent = directories(root, VolumePaths.parent(path), e.mtime());
            String name = VolumePaths.name(path);
            if (e.directory()) {
                Node existing = parent.children.get(name);
                if (existing instanceof DirectoryNode d) {
                    d.mtime = e.mtime();
                } else {
                    parent.children.put(name, new DirectoryNode(e.mtime(), e.ctime()));
                }
            } else {
                FileNode f = new FileNode(e.mtime(), e.ctime());
                if (e.content() != null) {
                    f.data = e.content();
                    f.length = Math.min(e.length(), e.content().length);
                }
                parent.children.put(name, f);
            }
        }
        return root;
    }

    /** The directory at {@code path}, made (with {@code time}) where missing. */
    private static DirectoryNode directories(DirectoryNode root, String path, long time) {
        DirectoryNode d = root;
        if (VolumePaths.isRoot(path)) {
            return d;
        }
        for (String segment : path.substring(1).split("/")) {
            Node n = d.children.get(segment);
            if (n instanceof DirectoryNode next) {
                d = next;
            } else {
                DirectoryNode made = new DirectoryNode(time, time);
                d.children.put(segment, made);
                d = made;
            }
        }
        return d;
    }
}
