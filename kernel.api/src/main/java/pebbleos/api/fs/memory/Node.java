package pebbleos.api.fs.memory;

import pebbleos.api.fs.Ownership;

/**
 * A file or directory of an in-memory tree, with its times (milliseconds
 * since the epoch), owner, group and mode. Fields are open to the owning
 * volume, which guards them with its lock. A node made without an owner
 * belongs to the disk user ({@link Ownership#DISK_USER}), as files imported
 * from the host do.
 */
public abstract sealed class Node permits DirectoryNode, FileNode {
    public long mtime;
    public final long ctime;
    public int uid = Ownership.DISK_USER;
    public int gid = Ownership.DISK_GROUP;
    public int mode;

    Node(long mtime, long ctime, int mode) {
        this.mtime = mtime;
        this.ctime = ctime;
        this.mode = mode;
    }

    /** Owner, group and mode together. */
    public Ownership ownership() {
        return new Ownership(uid, gid, mode);
    }

    /** Take owner, group and mode from {@code o}. */
    public void own(Ownership o) {
        uid = o.uid();
        gid = o.gid();
        mode = o.mode();
    }
}
