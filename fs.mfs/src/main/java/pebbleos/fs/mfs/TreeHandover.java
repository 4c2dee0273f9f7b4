package pebbleos.fs.mfs;

import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.fs.memory.DirectoryNode;
import pebbleos.api.fs.memory.FileNode;
import pebbleos.api.fs.memory.Node;

/**
 * Between the in-memory tree and {@link TreeSnapshot}, the form that crosses
 * bundle revisions. A hot swap hands the tree itself over (its node classes
 * are in the API bundle, shared by both revisions); a sync copies the
 * structure. File contents are shared, never copied.
 */
final class TreeHandover {
    private TreeHandover() {
    }

    /** A copy of the whole tree as it is now, directories before their contents (call it under the lock). */
    static TreeSnapshot capture(DirectoryNode root) {
        return new TreeSnapshot(TreeSnapshot.live(root).entries());
    }

    /**
     * The tree of a snapshot: a live one's own tree as it is (the O(1) hot
     * swap), else one built from its entries, skipping paths that are not in
     * normal form.
     */
    static DirectoryNode adopt(TreeSnapshot snapshot) {
        if (snapshot != null && snapshot.liveTree() != null) {
            return snapshot.liveTree();
        }
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
                    d.own(e.owner());
                } else {
                    DirectoryNode d = new DirectoryNode(e.mtime(), e.ctime());
                    d.own(e.owner());
                    parent.children.put(name, d);
                }
            } else {
                FileNode f = new FileNode(e.mtime(), e.ctime());
                f.own(e.owner());
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
