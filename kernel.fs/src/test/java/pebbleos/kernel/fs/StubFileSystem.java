package pebbleos.kernel.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;

/** A minimal in-memory backend (flat files only) for the mount table's own tests. */
final class StubFileSystem implements FileSystem {
    final AtomicInteger mounts = new AtomicInteger();
    volatile long operationMillis;
    /** Released when a slow operation (operationMillis > 0) has begun. */
    final Semaphore slowStarted = new Semaphore(0);
    volatile StubVolume last;

    @Override
    public List<String> modes() {
        return List.of("stub");
    }

    @Override
    public Volume mount(MountRequest request) {
        mounts.incrementAndGet();
        StubVolume v = new StubVolume(this);
        if (request.handoff() != null) {
            for (TreeSnapshot.Entry e : request.handoff().entries()) {
                v.files.put(e.path(), Arrays.copyOf(e.content(), e.length()));
            }
        }
        last = v;
        return v;
    }

    static final class StubVolume implements Volume {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final StubFileSystem owner;
        volatile boolean detached;
        volatile int inFlight;
        volatile int inFlightAtDetach = -1;

        StubVolume(StubFileSystem owner) {
            this.owner = owner;
        }

        private void work() {
            if (detached) {
                throw new IllegalStateException("used after detach");
            }
            inFlight++;
            try {
                if (owner.operationMillis > 0) {
                    owner.slowStarted.release();
                    Thread.sleep(owner.operationMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight--;
            }
        }

        @Override
        public String mode() {
            return "stub";
        }

        @Override
        public FileStat stat(String path) {
            FileStat s = find(path);
            if (s == null) {
                throw FsErrors.notFound(path);
            }
            return s;
        }

        @Override
        public FileStat find(String path) {
            if (path.equals("/")) {
                return new FileStat("", FileStat.DIRECTORY, files.size(), 0, 0);
            }
            byte[] b = files.get(path);
            return b == null ? null : new FileStat(path.substring(1), FileStat.FILE, b.length, 0, 0);
        }

        @Override
        public List<FileStat> list(String directory) {
            List<FileStat> out = new ArrayList<>();
            files.keySet().stream().sorted().forEach(p -> out.add(find(p)));
            return out;
        }

        @Override
        public FileHandle open(String path, int flags, Ownership created) {
            work();
            if (!files.containsKey(path)) {
                if ((flags & CREATE) == 0) {
                    throw FsErrors.notFound(path);
                }
                files.put(path, new byte[0]);
            }
            if ((flags & TRUNCATE) != 0) {
                files.put(path, new byte[0]);
            }
            return new FileHandle() {
                @Override
                public int read(long position, byte[] buffer, int offset, int len) {
                    work();
                    byte[] b = files.get(path);
                    if (position >= b.length) {
                        return -1;
                    }
                    int n = (int) Math.min(len, b.length - position);
                    System.arraycopy(b, (int) position, buffer, offset, n);
                    return n;
                }

                @Override
                public void write(long position, byte[] buffer, int offset, int len) {
                    work();
                    byte[] b = files.get(path);
                    byte[] grown = Arrays.copyOf(b, (int) Math.max(b.length, position + len));
                    System.arraycopy(buffer, offset, grown, (int) position, len);
                    files.put(path, grown);
                }

                @Override
                public long size() {
                    return files.get(path).length;
                }

                @Override
                public void truncate(long size) {
                    files.put(path, Arrays.copyOf(files.get(path), (int) size));
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public byte[] read(String path) {
            work();
            byte[] b = files.get(path);
            if (b == null) {
                throw FsErrors.notFound(path);
            }
            return b.clone();
        }

        @Override
        public void write(String path, byte[] data, boolean append, Ownership created) {
            work();
            byte[] old = append ? files.getOrDefault(path, new byte[0]) : new byte[0];
            byte[] b = Arrays.copyOf(old, old.length + data.length);
            System.arraycopy(data, 0, b, old.length, data.length);
            files.put(path, b);
        }

        @Override
        public void mkdir(String path, Ownership created) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void chmod(String path, int mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void chown(String path, int uid, int gid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rmdir(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String path) {
            files.remove(path);
        }

        @Override
        public void rename(String from, String to) {
            files.put(to, files.remove(from));
        }

        @Override
        public void setTime(String path, long mtime) {
        }

        @Override
        public Usage usage() {
            return new Usage(files.size(), 0, 0);
        }

        @Override
        public void sync() {
        }

        @Override
        public TreeSnapshot detach() {
            inFlightAtDetach = inFlight;
            detached = true;
            List<TreeSnapshot.Entry> out = new ArrayList<>();
            files.forEach((p, b) -> out.add(new TreeSnapshot.Entry(p, false, b, b.length, 0, 0)));
            return new TreeSnapshot(out);
        }
    }
}
