package pebbleos.api.fs;

/**
 * Facts about one file, directory or device node.
 *
 * @param name  the last path component ("" for the root)
 * @param kind  {@link #FILE}, {@link #DIRECTORY}, {@link #DEVICE}, {@link #PIPE} or {@link #SOCKET}
 * @param size  bytes for a file, entries for a directory, 0 otherwise
 * @param mtime modification time, milliseconds since the epoch
 * @param ctime creation (or change) time, milliseconds since the epoch
 */
public record FileStat(String name, String kind, long size, long mtime, long ctime) {
    public static final String FILE = "file";
    public static final String DIRECTORY = "dir";
    public static final String DEVICE = "dev";
    public static final String PIPE = "pipe";
    /** A network socket (kernel.net): reads and writes may block, like a pipe's. */
    public static final String SOCKET = "socket";

    public boolean isDirectory() {
        return DIRECTORY.equals(kind);
    }

    public boolean isFile() {
        return FILE.equals(kind);
    }

    public FileStat withName(String newName) {
        return new FileStat(newName, kind, size, mtime, ctime);
    }
}
