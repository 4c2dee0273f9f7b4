package pebbleos.kernel.fs.system;

import java.util.Arrays;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;

/**
 * A file held in memory: a bundle file opened for reading (read-only, over
 * the bundle's bytes) or a file of the writable {@code /system} overlay.
 * It is its own {@link FileHandle}; handles have no state of their own since
 * the fd layer keeps the position.
 */
final class MemoryFile implements FileHandle {
    private final String path;
    private final boolean readOnly;
    private byte[] data;
    private int length;
    private long mtime;
    private final long ctime;

    MemoryFile(String path, byte[] data, boolean readOnly, long mtime, long ctime) {
        this.path = path;
        this.data = data;
        this.length = data.length;
        this.readOnly = readOnly;
        this.mtime = mtime;
        this.ctime = ctime;
    }

    synchronized long mtime() {
        return mtime;
    }

    long ctime() {
        return ctime;
    }

    synchronized void setMtime(long time) {
        mtime = time;
    }

    /** A copy of the content. */
    synchronized byte[] bytes() {
        return Arrays.copyOf(data, length);
    }

    synchronized void replace(byte[] content, boolean append) {
        checkWritable();
        if (append) {
            write(length, content, 0, content.length);
        } else {
            data = content.clone();
            length = content.length;
            mtime = System.currentTimeMillis();
        }
    }

    @Override
    public synchronized int read(long position, byte[] buffer, int offset, int len) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        System.arraycopy(data, (int) position, buffer, offset, n);
        return n;
    }

    @Override
    public synchronized void write(long position, byte[] buffer, int offset, int len) {
        checkWritable();
        long end = position + len;
        if (end > Integer.MAX_VALUE - 8) {
            throw new PebbleException(Errno.FBIG, "file too large: " + path);
        }
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, data.length * 2L)));
        }
        System.arraycopy(buffer, offset, data, (int) position, len);
        length = (int) Math.max(length, end);
        mtime = System.currentTimeMillis();
    }

    @Override
    public synchronized long size() {
        return length;
    }

    @Override
    public synchronized void truncate(long size) {
        checkWritable();
        if (size < length) {
            Arrays.fill(data, (int) size, length, (byte) 0);
            length = (int) size;
        } else if (size > length) {
            write(size - 1, new byte[1], 0, 1);
        }
        mtime = System.currentTimeMillis();
    }

    @Override
    public void close() {
    }

    private void checkWritable() {
        if (readOnly) {
            throw new PebbleException(Errno.ROFS, "read-only file system: " + path);
        }
    }
}
