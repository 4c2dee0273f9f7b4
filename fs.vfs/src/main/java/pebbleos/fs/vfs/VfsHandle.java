package pebbleos.fs.vfs;

import java.util.concurrent.locks.Lock;

import pebbleos.api.fs.FileHandle;

/**
 * An open file of a {@link VfsVolume}, by path: each call looks the record up
 * and works on the chunks it covers, committing writes before returning.
 */
final class VfsHandle implements FileHandle {
    private final VfsVolume volume;
    private final String path;

    VfsHandle(VfsVolume volume, String path) {
        this.volume = volume;
        this.path = path;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) {
        Lock l = volume.read();
        try {
            return Chunks.read(volume.store(), volume.file(path), position, buffer, offset, len);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int len) {
        Lock l = volume.write();
        try {
            Store s = volume.store();
            Record r = volume.file(path);
            long size = Chunks.write(s, r, position, buffer, offset, len);
            s.put(path, r.withSize(size, System.currentTimeMillis()));
            s.commit();
        } finally {
            l.unlock();
        }
    }

    @Override
    public long size() {
        Lock l = volume.read();
        try {
            return volume.file(path).size();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void truncate(long size) {
        Lock l = volume.write();
        try {
            Store s = volume.store();
            Record r = volume.file(path);
            if (size < r.size()) {
                Chunks.truncate(s, r, size);
            }
            s.put(path, r.withSize(size, System.currentTimeMillis()));
            s.commit();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void force() {
        volume.sync();
    }

    @Override
    public void close() {
    }
}
