package pebbleos.api.fs.memory;

import java.util.Arrays;

import pebbleos.api.fs.FsErrors;

/**
 * A regular file: {@code length} bytes at the start of {@code data}. The array
 * grows by doubling, so appends and writes past the end are amortized O(1)
 * per byte. The node itself (or its array) may be handed to a successor
 * volume in a {@link pebbleos.api.fs.TreeSnapshot}; the volume that gave it
 * away is not used again.
 */
public final class FileNode extends Node {
    /** The largest file an array can hold. */
    public static final int MAX = Integer.MAX_VALUE - 8;
    private static final byte[] EMPTY = {};

    public byte[] data = EMPTY;
    public int length;

    public FileNode(long mtime, long ctime) {
        super(mtime, ctime, 0644);
    }

    public int read(long position, byte[] buffer, int offset, int len) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        System.arraycopy(data, (int) position, buffer, offset, n);
        return n;
    }

    public void write(String path, long position, byte[] buffer, int offset, int len) {
        long end = position + len;
        ensure(path, end);
        System.arraycopy(buffer, offset, data, (int) position, len);
        if (end > length) {
            length = (int) end;
        }
        mtime = System.currentTimeMillis();
    }

    /** Take {@code content} as the whole file (the caller gives up the array). */
    public void replace(byte[] content) {
        data = content;
        length = content.length;
        mtime = System.currentTimeMillis();
    }

    public void truncate(String path, long size) {
        if (size < length) {
            Arrays.fill(data, (int) size, length, (byte) 0);
        } else {
            ensure(path, size);
        }
        length = (int) size;
        mtime = System.currentTimeMillis();
    }

    public byte[] copy() {
        return Arrays.copyOf(data, length);
    }

    private void ensure(String path, long size) {
        if (size > MAX) {
            throw FsErrors.of(pebbleos.api.Errno.FBIG, path);
        }
        if (size > data.length) {
            long grown = Math.max(size, Math.min(MAX, Math.max(64, data.length * 2L)));
            data = Arrays.copyOf(data, (int) grown);
        }
    }
}
