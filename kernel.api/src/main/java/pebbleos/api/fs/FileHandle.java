package pebbleos.api.fs;

/**
 * An open regular file of a {@link Volume}. Positions are explicit: the kernel's
 * fd layer keeps the offset, so a handle can be dropped and reopened on the
 * successor volume when the backend bundle is replaced.
 */
public interface FileHandle {
    /** Read up to {@code len} bytes at {@code position}; -1 at end of file. */
    int read(long position, byte[] buffer, int offset, int len);

    /** Write {@code len} bytes at {@code position}, growing the file as needed. */
    void write(long position, byte[] buffer, int offset, int len);

    /** The current size in bytes. */
    long size();

    /** Cut or extend the file to {@code size} bytes. */
    void truncate(long size);

    /** Make written data durable where the backend has durability. */
    default void force() {
    }

    void close();
}
