package pebbleos.api.fs.memory;

/**
 * A file or directory of an in-memory tree, with its times (milliseconds
 * since the epoch). Fields are open to the owning volume, which guards them
 * with its lock.
 */
public abstract sealed class Node permits DirectoryNode, FileNode {
    public long mtime;
    public final long ctime;

    Node(long mtime, long ctime) {
        this.mtime = mtime;
        this.ctime = ctime;
    }
}
