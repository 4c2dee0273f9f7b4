package pebbleos.fs.mfs;

import java.util.concurrent.locks.Lock;

import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.memory.FileNode;

/**
 * An open file of a {@link MemoryVolume}: the file node itself, used under
 * the volume's lock. A file removed while open stays readable through its
 * handles, as on POSIX systems.
 */
final class MemoryHandle implements FileHandle {
    private final MemoryVolume volume;
    private final String path;
    private final FileNode file;

    MemoryHandle(MemoryVolume volume, String path, FileNode file) {
        this.volume = volume;
        this.path = path;
        this.file = file;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) {
        Lock l = volume.read();
        try {
            return file.read(position, buffer, offset, len);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int len) {
        Lock l = volume.write();
        try {
            file.write(path, position, buffer, offset, len);
        } finally {
            l.unlock();
        }
    }

    @Override
    public long size() {
        Lock l = volume.read();
        try {
            return file.length;
        } finally {
            l.unlock();
        }
    }

    @Override
    public void truncate(long size) {
        Lock l = volume.write();
        try {
            file.truncate(path, size);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void close() {
    }
}
