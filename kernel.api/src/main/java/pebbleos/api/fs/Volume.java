package pebbleos.api.fs;

import java.util.List;

/**
 * One mounted storage backend: the root tree of the mode chosen at boot.
 * Every operation is atomic from the caller's point of view and fails with a
 * {@link pebbleos.api.PebbleException} carrying NOENT, EXIST, NOTDIR, ISDIR,
 * NOTEMPTY, PERM, INVAL or IO. Implementations must be safe for concurrent use.
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

    /** The entries of a directory, sorted by name. */
    List<FileStat> list(String directory);

    /** Open a regular file; see the flag constants. */
    FileHandle open(String path, int flags);

    /** The whole content of a regular file. */
    byte[] read(String path);

    /** Replace (or with {@code append}, extend) a regular file, creating it if needed. */
    void write(String path, byte[] data, boolean append);

    /** Create a directory; its parent must exist. */
    void mkdir(String path);

    /** Remove an empty directory. */
    void rmdir(String path);

    /** Remove a regular file. */
    void delete(String path);

    /** Rename a file or directory; the target must not be a non-empty directory. */
    void rename(String from, String to);

    /** Set the modification time (touch). */
    void setTime(String path, long mtime);

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
