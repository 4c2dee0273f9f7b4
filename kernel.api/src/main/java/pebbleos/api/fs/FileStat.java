package pebbleos.api.fs;

import java.util.Comparator;

/**
 * Facts about one file, directory or device node.
 *
 * @param name  the last path component ("" for the root)
 * @param kind  {@link #FILE}, {@link #DIRECTORY}, {@link #DEVICE}, {@link #PIPE} or {@link #SOCKET}
 * @param size  bytes for a file, entries for a directory, 0 otherwise
 * @param mtime modification time, milliseconds since the epoch
 * @param ctime creation (or change) time, milliseconds since the epoch
 * @param uid   the owner
 * @param gid   the group
 * @param mode  the permission bits ({@link Ownership#MODE_BITS})
 */
public record FileStat(String name, String kind, long size, long mtime, long ctime, int uid, int gid, int mode) {
    public static final String FILE = "file";
    public static final String DIRECTORY = "dir";
    public static final String DEVICE = "dev";
    public static final String PIPE = "pipe";
    /** A network socket (kernel.net): reads and writes may block, like a pipe's. */
    public static final String SOCKET = "socket";
    /** A listing's order: by name. */
    public static final Comparator<FileStat> BY_NAME = new ByName();

    /** Facts about a node that belongs to root, with the usual mode of its kind (devices, pipes, kernel nodes). */
    public FileStat(String name, String kind, long size, long mtime, long ctime) {
        this(name, kind, size, mtime, ctime, Ownership.ROOT, Ownership.ROOT, Ownership.defaultMode(kind));
    }

    /** Facts about a node with {@code owner}'s uid, gid and mode. */
    public FileStat(String name, String kind, long size, long mtime, long ctime, Ownership owner) {
        this(name, kind, size, mtime, ctime, owner.uid(), owner.gid(), owner.mode());
    }

    public boolean isDirectory() {
        return DIRECTORY.equals(kind);
    }

    public boolean isFile() {
        return FILE.equals(kind);
    }

    /** Owner, group and mode together. */
    public Ownership ownership() {
        return new Ownership(uid, gid, mode);
    }

    public FileStat withName(String newName) {
        return new FileStat(newName, kind, size, mtime, ctime, uid, gid, mode);
    }

    public FileStat withOwnership(Ownership o) {
        return new FileStat(name, kind, size, mtime, ctime, o.uid(), o.gid(), o.mode());
    }

    /** By name (a class, not a lambda: a bundle's lambdas are spun at every boot, docs/performance.md). */
    private static final class ByName implements Comparator<FileStat> {
        @Override
        public int compare(FileStat a, FileStat b) {
            return a.name().compareTo(b.name());
        }
    }
}
