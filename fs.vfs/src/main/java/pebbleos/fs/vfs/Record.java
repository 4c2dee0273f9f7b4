package pebbleos.fs.vfs;

import java.nio.ByteBuffer;

/**
 * The value stored for one file or directory: kind, size, times and, for a
 * file, the id under which its chunks are kept (so a rename moves the record,
 * never the content). Encoded as 33 bytes.
 */
record Record(boolean directory, long size, long mtime, long ctime, long id) {
    static final int BYTES = 33;

    static Record file(long id, long now) {
        return new Record(false, 0, now, now, id);
    }

    static Record directory(long now) {
        return new Record(true, 0, now, now, 0);
    }

    Record withSize(long newSize, long now) {
        return new Record(directory, newSize, now, ctime, id);
    }

    Record withMtime(long time) {
        return new Record(directory, size, time, ctime, id);
    }

    byte[] encode() {
        return ByteBuffer.allocate(BYTES).put((byte) (directory ? 1 : 0)).putLong(size).putLong(mtime)
                .putLong(ctime).putLong(id).array();
    }

    static Record decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Record(b.get() == 1, b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}
