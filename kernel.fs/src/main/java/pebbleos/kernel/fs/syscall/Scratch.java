package pebbleos.kernel.fs.syscall;

/**
 * A 64 KiB buffer per thread for the reads of streams and for
 * {@code fd_copy}: allocating (and zeroing) one for every call cost a
 * server more than the copy itself. A plain {@link ThreadLocal} (no
 * initializer from this bundle), so a thread keeps no class of a bundle
 * revision alive, only a byte array.
 */
final class Scratch {
    static final int SIZE = 64 * 1024;
    private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();

    private Scratch() {
    }

    static byte[] buffer() {
        byte[] b = BUFFERS.get();
        if (b == null) {
            b = new byte[SIZE];
            BUFFERS.set(b);
        }
        return b;
    }
}
