package pebbleos.api.fs;

import java.util.ArrayList;
import java.util.List;

import pebbleos.api.Errno;

/**
 * One mounted storage backend: the root tree of the mode chosen at boot.
 * Every operation is atomic from the caller's point of view and fails with a
 * {@link pebbleos.api.PebbleException} carrying NOENT, EXIST, NOTDIR, ISDIR,
 * NOTEMPTY, PERM, INVAL or IO. Implementations must be safe for concurrent use.
 *
 * <p>Every node has an {@link Ownership} (owner, group, mode), kept by the
 * volume and shown in its {@link FileStat}s. The volume only stores it: the
 * kernel checks permissions before it calls. Operations that create a node
 * take the {@code Ownership} it is born with; a rename keeps it.
 */
public interface Volume {
    /** Open flags for {@link #open}. */
    int READ = 1;
    int WRITE = 2;
    int CREATE = 4;
    int TRUNCATE = 8;
    int EXCLUSIVE = 16;

    /** The storage mode this volume serves. */
    String mode();

    /** Facts about {@code path}; NOENT when it does not exist. */
    FileStat stat(String path);

    /** Facts about {@code path}, or {@code null} when it does not exist. */
    FileStat find(String path);

    /**
     * Facts about {@code path} as {@link #find} gives them, or {@code null},
     * except that a directory's size may be 0: what a permission check needs
     * (kind, owner, group, mode), where counting a directory's entries would
     * cost more than the check itself. The kernel asks it of every directory
     * on a path.
     */
    default FileStat node(String path) {
        return find(path);
    }

    /**
     * Facts about each directory above {@code path}, as {@link #node} gives
     * them, from the volume's root down to the parent of {@code path} (for the
     * root itself: the root): what the kernel's search-permission check reads.
     * The list ends, without an error, before the first prefix that is missing
     * or not a directory. A volume whose lookups each walk from its root
     * answers the chain in one walk instead of one per level.
     */
    default List<FileStat> directoriesAbove(String path) {
        List<FileStat> out = new ArrayList<>();
        String dir = "/";
        int start = 1;
        while (true) {
            FileStat d = node(dir);
            if (d == null || !d.isDirectory()) {
                return out;
            }
            out.add(d);
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                return out;
            }
            dir = path.substring(0, slash);
            start = slash + 1;
        }
    }

    /** The entries of a directory, sorted by name. */
    List<FileStat> list(String directory);

    /** Open a regular file; see the flag constants. A file it creates gets {@code created}. */
    FileHandle open(String path, int flags, Ownership created);

    /** {@link #open(String, int, Ownership)}; a file it creates is root's, mode 0644. */
    default FileHandle open(String path, int flags) {
        return open(path, flags, Ownership.ROOT_FILE);
    }

    /** The whole content of a regular file. */
    byte[] read(String path);

    /** Replace (or with {@code append}, extend) a regular file, creating it with {@code created} if needed. */
    void write(String path, byte[] data, boolean append, Ownership created);

    /** {@link #write(String, byte[], boolean, Ownership)}; a file it creates is root's, mode 0644. */
    default void write(String path, byte[] data, boolean append) {
        write(path, data, append, Ownership.ROOT_FILE);
    }

    /** Create a directory with {@code created}; its parent must exist. */
    void mkdir(String path, Ownership created);

    /** {@link #mkdir(String, Ownership)} of a directory of root's, mode 0755. */
    default void mkdir(String path) {
        mkdir(path, Ownership.ROOT_DIRECTORY);
    }

    /** Set the mode bits ({@link Ownership#MODE_BITS}) of a file or directory. */
    void chmod(String path, int mode);

    /** Set the owner and group of a file or directory (the mode is kept). */
    void chown(String path, int uid, int gid);

    /** Remove an empty directory. */
    void rmdir(String path);

    /** Remove a regular file. */
    void delete(String path);

    /** Rename a file or directory; the target must not be a non-empty directory. */
    void rename(String from, String to);

    /** Set the modification time (touch). */
    void setTime(String path, long mtime);

    /**
     * Make a symbolic link at {@code path} holding {@code target} (kept as
     * written, not resolved). A volume that stores no links keeps this
     * default, NOTSUP; the kernel names the storage mode in its answer.
     */
    default void symlink(String target, String path) {
        throw FsErrors.of(Errno.NOTSUP, "symbolic links are not supported", path);
    }

    /**
     * Make {@code path} a second name (hard link) of the file {@code existing}.
     * A volume that cannot keeps this default, NOTSUP.
     */
    default void link(String existing, String path) {
        throw FsErrors.of(Errno.NOTSUP, "hard links are not supported", path);
    }

    /** Counts for {@code df}-style listings. */
    Usage usage();

    /** Make everything written so far durable where this mode persists; EXPLICIT snapshot for mfs. */
    void sync();

    /**
     * Give up the volume to a successor: in-memory volumes return their whole
     * tree, persistent ones flush and return {@code null} or their
     * {@link TreeSnapshot#openStore open store}. After this call the volume is
     * not used again.
     */
    TreeSnapshot detach();

    /** Counts of a volume. */
    record Usage(long files, long directories, long bytes) {
    }
}
