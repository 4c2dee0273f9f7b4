package pebbleos.fs.vfs;

import java.nio.ByteBuffer;

import pebbleos.api.fs.Ownership;

/**
 * The value stored for one file or directory: kind, size, times, owner,
 * group and mode and, for a file, the id under which its chunks are kept (so
 * a rename moves the record, never the content). Encoded as 45 bytes; a
 * 33-byte record of a store written before owners were kept decodes as the
 * disk user's, mode 0755 for a directory and 0644 for a file.
 */
record Record(boolean directory, long size, long mtime, long ctime, long id, int uid, int gid, int mode) {
    static final int BYTES = 45;

    static Record file(long id, long now, Ownership owner) {
        return new Record(false, 0, now, now, id, owner.uid(), owner.gid(), owner.mode());
    }

    static Record directory(long now, Ownership owner) {
        return new Record(true, 0, now, now, 0, owner.uid(), owner.gid(), owner.mode());
    }

    Ownership ownership() {
        return new Ownership(uid, gid, mode);
    }

    Record withSize(long newSize, long now) {
        return new Record(directory, newSize, now, ctime, id, uid, gid, mode);
    }

    Record withMtime(long time) {
        return new Record(directory, size, time, ctime, id, uid, gid, mode);
    }

    Record withOwnership(int newUid, int newGid, int newMode) {
        return new Record(directory, size, mtime, ctime, id, newUid, newGid, newMode & Ownership.MODE_BITS);
    }

    byte[] encode() {
        return ByteBuffer.allocate(BYTES).put((byte) (directory ? 1 : 0)).putLong(size).putLong(mtime)
                .putLong(ctime).putLong(id).putInt(uid).putInt(gid).putInt(mode).array();
    }

    static Record decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        boolean directory = b.get() == 1;
        long size = b.getLong();
        long mtime = b.getLong();
        long ctime = b.getLong();
        long id = b.getLong();
        if (bytes.length < BYTES) {
            return new Record(directory, size, mtime, ctime, id, Ownership.DISK_USER, Ownership.DISK_GROUP,
                    directory ? 0755 : 0644);
        }
        return new Record(directory, size, mtime, ctime, id, b.getInt(), b.getInt(), b.getInt());
    }
}
