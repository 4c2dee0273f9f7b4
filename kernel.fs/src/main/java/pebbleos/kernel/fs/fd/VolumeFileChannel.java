package pebbleos.kernel.fs.fd;

import java.io.ByteArrayOutputStream;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.process.Channel;
import pebbleos.kernel.fs.Mount;
import pebbleos.kernel.fs.Namespace;

/**
 * A descriptor's open regular file. It keeps the path and the position, not
 * just the backend's handle: when the volume behind the mount is replaced
 * (the backend bundle was updated), the next operation reopens the handle on
 * the successor volume and goes on at the same position, so open files
 * survive a hot swap. Thread-safe: threads of a process share descriptors.
 */
public final class VolumeFileChannel implements Channel {
    private static final Logger LOG = Logger.getLogger(VolumeFileChannel.class.getName());
    private static final int LINE_CHUNK = 512;
    /** Flags that only make sense on the first open. */
    private static final int FIRST_OPEN_ONLY = Volume.CREATE | Volume.TRUNCATE | Volume.EXCLUSIVE;

    private final Mount mount;
    private final String path;
    private final String inner;
    private final int flags;
    private final boolean append;
    private FileHandle handle;
    private long generation;
    private long position;
    private boolean closed;

    private VolumeFileChannel(Mount mount, String path, String inner, int flags, boolean append) {
        this.mount = mount;
        this.path = path;
        this.inner = inner;
        this.flags = flags;
        this.append = append;
    }

    /** Open {@code inner} of {@code mount} (shown to the user as {@code path}); a file it creates gets {@code created}. */
    public static VolumeFileChannel open(Mount mount, String path, String inner, OpenMode mode, Ownership created) {
        VolumeFileChannel c = new VolumeFileChannel(mount, path, inner, mode.volumeFlags(), mode.append());
        c.run(v -> {
            c.generation = mount.generation();
            c.handle = v.open(inner, mode.volumeFlags(), created);
            return null;
        });
        return c;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int len) {
        return run(v -> {
            int n = handle(v).read(position, buffer, offset, len);
            if (n > 0) {
                position += n;
            }
            return n;
        });
    }

    /** The rest of the file from the position. */
    public synchronized byte[] readAll() {
        return run(v -> {
            FileHandle h = handle(v);
            long left = Math.max(0, h.size() - position);
            if (left > Integer.MAX_VALUE - 8) {
                throw new PebbleException(Errno.FBIG, "file too large to read at once: " + path);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) left);
            byte[] chunk = new byte[(int) Math.max(1, Math.min(left, 1 << 20))];
            int n;
            while ((n = h.read(position, chunk, 0, chunk.length)) > 0) {
                out.write(chunk, 0, n);
                position += n;
            }
            return out.toByteArray();
        });
    }

    /** Bytes up to and including the next newline; empty at end of file. */
    public synchronized byte[] readLine() {
        return run(v -> {
            FileHandle h = handle(v);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[LINE_CHUNK];
            while (true) {
                int n = h.read(position, chunk, 0, chunk.length);
                if (n <= 0) {
                    return out.toByteArray();
                }
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        out.write(chunk, 0, i + 1);
                        position += i + 1;
                        return out.toByteArray();
                    }
                }
                out.write(chunk, 0, n);
                position += n;
            }
        });
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int len) {
        run(v -> {
            FileHandle h = handle(v);
            if (append) {
                position = h.size();
            }
            h.write(position, buffer, offset, len);
            position += len;
            mount.changed();
            return null;
        });
    }

    @Override
    public synchronized long seek(long offset, int whence) {
        return run(v -> {
            long base = switch (whence) {
                case SEEK_SET -> 0;
                case SEEK_CUR -> position;
                case SEEK_END -> handle(v).size();
                default -> throw new PebbleException(Errno.INVAL, "bad whence " + whence + " (0, 1 or 2): " + path);
            };
            long target = base + offset;
            if (target < 0) {
                throw new PebbleException(Errno.INVAL, "seek before the start of the file: " + path);
            }
            position = target;
            return position;
        });
    }

    @Override
    public synchronized void truncate(long size) {
        run(v -> {
            handle(v).truncate(size);
            mount.changed();
            return null;
        });
    }

    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized FileStat stat() {
        return run(v -> {
            long size = handle(v).size();
            FileStat s = v.find(inner);
            long now = System.currentTimeMillis();
            return s == null ? new FileStat(VolumePaths.name(inner), FileStat.FILE, size, now, now)
                    : new FileStat(s.name(), FileStat.FILE, size, s.mtime(), s.ctime(), s.ownership());
        });
    }

    @Override
    public void flush() {
        FileHandle h;
        synchronized (this) {
            h = handle;
        }
        if (h != null && (flags & Volume.WRITE) != 0) {
            run(v -> {
                handle(v).force();
                return null;
            });
        }
    }

    @Override
    public String describe() {
        return path;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(handle);
            handle = null;
        }
    }

    /** The handle on the current volume, reopened when the volume changed since it was opened. */
    private FileHandle handle(Volume v) {
        if (closed) {
            throw new PebbleException(Errno.BADF, "file is closed: " + path);
        }
        long current = mount.generation();
        if (current != generation) {
            closeQuietly(handle);
            handle = v.open(inner, flags & ~FIRST_OPEN_ONLY);
            generation = current;
        }
        return handle;
    }

    private <T> T run(Function<Volume, T> operation) {
        try {
            return mount.call(operation);
        } catch (PebbleException e) {
            throw Namespace.outer(e, mount, inner, path);
        }
    }

    private static void closeQuietly(FileHandle h) {
        if (h != null) {
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a handle of a detached volume failed", e);
            }
        }
    }
}
