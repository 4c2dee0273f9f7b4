package pebbleos.kernel.fs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.process.Channel;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.kernel.fs.dev.DevDirectory;
import pebbleos.kernel.fs.fd.OpenMode;
import pebbleos.kernel.fs.fd.VolumeFileChannel;

/**
 * The one tree programs see: {@code /} on the root volume, {@code /system}
 * on the bundle tree and {@code /dev} on the device nodes. Paths given here
 * are absolute and normalized ({@link PathResolver}); each operation goes to
 * the mount the path lies in, and failures name the path as the program
 * knows it. The mount points themselves cannot be removed, renamed or made
 * again, and nothing moves between mounts (XDEV).
 *
 * <p>{@code /} belongs to the disk user ({@code pebble}) with mode 1755 in
 * every storage mode, whatever its backend says, and its owner and mode
 * cannot be changed: a folder of files dropped onto the disk is the user's,
 * while the sticky bit keeps {@code /etc}, {@code /system} and other users'
 * entries from being renamed or removed by anyone but their owners.
 * Permission checks are not made here: {@link Access} makes them before it
 * calls.
 *
 * <p>The operations a mount runs are classes, not lambdas: a bundle's
 * lambdas are spun again at every boot (docs/performance.md, fourteenth pass).
 */
public final class Namespace {
    /** The owner, group and mode of {@code /}. */
    public static final Ownership ROOT_DIRECTORY = Ownership.diskUser(Ownership.STICKY | 0755);

    /** Which mount a path lies in. */
    enum Area { ROOT, SYSTEM, DEV }

    /** A path, its mount and the path inside that mount. */
    record Location(String path, Area area, Mount mount, String inner) {
        boolean mountPoint() {
            return area != Area.ROOT && VolumePaths.isRoot(inner);
        }
    }

    private final Mount root;
    private final Mount system;
    private final DevDirectory dev;

    public Namespace(Mount root, Mount system, DevDirectory dev) {
        this.root = root;
        this.system = system;
        this.dev = dev;
    }

    public Mount root() {
        return root;
    }

    Location locate(String path) {
        if (path.equals("/dev") || path.startsWith("/dev/")) {
            return new Location(path, Area.DEV, null, path.length() == 4 ? "/" : path.substring(4));
        }
        if (path.equals("/system") || path.startsWith("/system/")) {
            return new Location(path, Area.SYSTEM, system, path.length() == 7 ? "/" : path.substring(7));
        }
        return new Location(path, Area.ROOT, root, path);
    }

    /** Facts about {@code path}, or {@code null} when nothing is there. */
    public FileStat find(String path) {
        return find(path, true);
    }

    /** True when {@code path} lies on a read-only mount: changing it fails with ROFS whoever asks. */
    public boolean readOnly(String path) {
        Location at = locate(path);
        return at.area() == Area.SYSTEM && at.mount().readOnly();
    }

    /**
     * Facts about {@code path} for a permission check, or {@code null}: a
     * directory's size may be 0 (see {@link Volume#node}).
     */
    public FileStat node(String path) {
        return find(path, false);
    }

    /**
     * Facts about each directory above {@code path}, as {@link #node} gives
     * them, from {@code /} down to its parent; the list ends before the first
     * prefix that is missing or not a directory. Each mount answers its part
     * of the chain in one call ({@link Volume#directoriesAbove}).
     */
    public List<FileStat> directoriesAbove(String path) {
        Location at = locate(path);
        if (at.area() == Area.ROOT) {
            List<FileStat> chain = new ArrayList<>(run(at, new DirectoriesAbove(path)));
            if (!chain.isEmpty()) {
                chain.set(0, chain.get(0).withOwnership(ROOT_DIRECTORY));
            }
            return chain;
        }
        List<FileStat> chain = new ArrayList<>();
        FileStat top = node("/");
        if (top == null || !top.isDirectory()) {
            return chain;
        }
        chain.add(top);
        if (at.mountPoint()) {
            return chain;
        }
        if (at.area() == Area.DEV) {
            chain.add(dev.directoryStat());
            return chain;
        }
        List<FileStat> inner = run(at, new DirectoriesAbove(at.inner()));
        for (int i = 0; i < inner.size(); i++) {
            chain.add(i == 0 ? inner.get(i).withName("system") : inner.get(i));
        }
        return chain;
    }

    private FileStat find(String path, boolean full) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            if (at.mountPoint()) {
                return dev.directoryStat();
            }
            String name = at.inner().substring(1);
            return dev.isNode(name) ? dev.stat(name) : null;
        }
        FileStat s = run(at, new Find(at.inner(), full));
        if (s != null && at.area() == Area.ROOT && VolumePaths.isRoot(path)) {
            return s.withOwnership(ROOT_DIRECTORY);
        }
        return s != null && at.mountPoint() ? s.withName("system") : s;
    }

    public FileStat stat(String path) {
        FileStat s = find(path);
        if (s == null) {
            throw FsErrors.notFound(path);
        }
        return s;
    }

    /** The entries of a directory, sorted by name; {@code /} shows the mount points too. */
    public List<FileStat> list(String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            if (!at.mountPoint()) {
                throw find(path) == null ? FsErrors.notFound(path) : FsErrors.notDirectory(path);
            }
            return dev.list();
        }
        List<FileStat> entries = run(at, new ListDirectory(at.inner()));
        if (at.area() != Area.ROOT || !VolumePaths.isRoot(path)) {
            return entries;
        }
        List<FileStat> out = new ArrayList<>(entries.size() + 2);
        for (FileStat s : entries) {
            if (!s.name().equals("dev") && !s.name().equals("system")) {
                out.add(s);
            }
        }
        out.add(dev.directoryStat());
        out.add(find("/system"));
        out.sort(FileStat.BY_NAME);
        return out;
    }

    /** The whole content of a file; a device is read to its end. */
    public byte[] read(TaskContext caller, String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            OpenFile file = open(caller, path, OpenMode.parse("r"), Ownership.ROOT_FILE);
            try {
                return drain(caller, file.channel());
            } finally {
                file.release();
            }
        }
        return run(at, new ReadFile(at.inner()));
    }

    /** Replace or extend a file, creating it with {@code created}; a device gets the bytes written to it. */
    public void write(TaskContext caller, String path, byte[] data, boolean append, Ownership created) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            if (find(path) == null) {
                throw FsErrors.of(Errno.PERM, "/dev holds device nodes only", path);
            }
            OpenFile file = open(caller, path, OpenMode.parse(append ? "a" : "w"), Ownership.ROOT_FILE);
            try {
                file.channel().write(data, 0, data.length);
                file.channel().flush();
            } finally {
                file.release();
            }
            return;
        }
        mutate(at, new Change() {
            @Override
            void on(Volume v) {
                v.write(at.inner(), data, append, created);
            }
        });
    }

    /** Make a directory with {@code created}. */
    public void mkdir(String path, Ownership created) {
        Location at = mutable(path, Errno.EXIST);
        mutate(at, new Change() {
            @Override
            void on(Volume v) {
                v.mkdir(at.inner(), created);
            }
        });
    }

    /**
     * Make {@code path} and the directories above it that are missing, like
     * {@code mkdir -p}; each gets what {@code created} gives for its path.
     */
    public void mkdirs(String path, Function<String, Ownership> created) {
        if (VolumePaths.isRoot(path)) {
            return;
        }
        String parent = VolumePaths.parent(path);
        FileStat up = node(parent);
        if (up == null) {
            mkdirs(parent, created);
        } else if (!up.isDirectory()) {
            throw FsErrors.notDirectory(parent);
        }
        FileStat here = node(path);
        if (here == null) {
            try {
                mkdir(path, created.apply(path));
            } catch (PebbleException e) {
                if (e.errno() != Errno.EXIST) {
                    throw e;
                }
            }
        } else if (!here.isDirectory()) {
            throw FsErrors.exists(path);
        }
    }

    public void rmdir(String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV && !at.mountPoint()) {
            throw FsErrors.notDirectory(path);
        }
        Location ok = mutable(path, Errno.BUSY);
        if (at.area() == Area.ROOT && VolumePaths.isRoot(path)) {
            throw FsErrors.of(Errno.BUSY, path);
        }
        mutate(ok, new Change() {
            @Override
            void on(Volume v) {
                v.rmdir(ok.inner());
            }
        });
    }

    public void delete(String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV && !at.mountPoint()) {
            throw FsErrors.of(Errno.PERM, "device nodes cannot be removed", path);
        }
        Location ok = mutable(path, Errno.ISDIR);
        mutate(ok, new Change() {
            @Override
            void on(Volume v) {
                v.delete(ok.inner());
            }
        });
    }

    public void rename(String from, String to) {
        Location a = locate(from);
        Location b = locate(to);
        if (a.area() == Area.DEV || b.area() == Area.DEV || a.area() != b.area()) {
            throw FsErrors.of(Errno.XDEV, "cannot move between mounts", from + " -> " + to);
        }
        if (a.mountPoint() || b.mountPoint() || VolumePaths.isRoot(from) || VolumePaths.isRoot(to)) {
            throw FsErrors.of(Errno.BUSY, "mount points cannot be renamed", from + " -> " + to);
        }
        if (from.equals(to)) {
            stat(from);
            return;
        }
        if (VolumePaths.within(to, from)) {
            throw FsErrors.of(Errno.INVAL, "cannot move a directory into itself", from + " -> " + to);
        }
        mutate(a, new Change() {
            @Override
            void on(Volume v) {
                v.rename(a.inner(), b.inner());
            }
        });
    }

    /** Set the modification time; device nodes and {@code /dev} ignore it. */
    public void setTime(String path, long mtime) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            stat(path);
            return;
        }
        mutate(at, new Change() {
            @Override
            void on(Volume v) {
                v.setTime(at.inner(), mtime);
            }
        });
    }

    /** Set the mode bits of {@code path}; those of {@code /} and of device nodes are fixed (PERM). */
    public void chmod(String path, int mode) {
        Location at = owned(path);
        mutate(at, new Change() {
            @Override
            void on(Volume v) {
                v.chmod(at.inner(), mode);
            }
        });
    }

    /** Set the owner and group of {@code path}; those of {@code /} and of device nodes are fixed (PERM). */
    public void chown(String path, int uid, int gid) {
        Location at = owned(path);
        mutate(at, new Change() {
            @Override
            void on(Volume v) {
                v.chown(at.inner(), uid, gid);
            }
        });
    }

    private Location owned(String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV || VolumePaths.isRoot(path)) {
            stat(path);
            throw FsErrors.of(Errno.PERM, "the owner and mode of " + (at.area() == Area.DEV ? "device nodes" : "/")
                    + " are fixed", path);
        }
        return at;
    }

    /** Create {@code path} empty (with {@code created}) if it is missing, then set its time. */
    public void touch(TaskContext caller, String path, long mtime, Ownership created) {
        if (find(path) == null) {
            write(caller, path, new byte[0], true, created);
        }
        setTime(path, mtime);
    }

    /** Where a copy of {@code from} to {@code to} goes: into {@code to} when it is a directory. */
    public String copyTarget(String from, String to) {
        FileStat source = stat(from);
        if (source.isDirectory()) {
            throw FsErrors.isDirectory(from);
        }
        FileStat target = node(to);
        String dest = target != null && target.isDirectory() ? VolumePaths.child(to, source.name()) : to;
        if (dest.equals(from)) {
            throw FsErrors.of(Errno.INVAL, "source and target are the same file", from);
        }
        return dest;
    }

    /** Open {@code path} for a descriptor; a file it creates gets {@code created}. */
    public OpenFile open(TaskContext caller, String path, OpenMode mode, Ownership created) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            if (at.mountPoint()) {
                throw FsErrors.isDirectory(path);
            }
            String name = at.inner().substring(1);
            if (!dev.isNode(name)) {
                throw FsErrors.notFound(path);
            }
            return dev.open(caller, name, mode.fileMode(), mode.text());
        }
        VolumeFileChannel channel = VolumeFileChannel.open(at.mount(), path, at.inner(), mode, created);
        if (mode.writes()) {
            at.mount().changed();
        }
        return new OpenFile(channel, mode.fileMode());
    }

    /**
     * Make a symbolic link at {@code path} holding {@code target}. The name
     * must be free and its directory exist; a volume that stores no links
     * answers NOTSUP, said here with the storage mode that refuses.
     */
    public void symlink(String target, String path) {
        Location at = newName(path);
        linking(at, new Change() {
            @Override
            void on(Volume v) {
                v.symlink(target, at.inner());
            }
        }, "symbolic links");
    }

    /** Make {@code path} another name of the file {@code existing} (a hard link), on the same mount. */
    public void link(String existing, String path) {
        FileStat source = stat(existing);
        if (source.isDirectory()) {
            throw FsErrors.of(Errno.PERM, "hard link not allowed for directory", existing);
        }
        Location from = locate(existing);
        Location at = newName(path);
        if (from.area() != at.area()) {
            throw FsErrors.of(Errno.XDEV, "cannot link between mounts", existing + " -> " + path);
        }
        linking(at, new Change() {
            @Override
            void on(Volume v) {
                v.link(from.inner(), at.inner());
            }
        }, "hard links");
    }

    /** The location of a name to create: free, on a writable mount, in an existing directory. */
    private Location newName(String path) {
        Location at = mutable(path, Errno.EXIST);
        if (find(path) != null) {
            throw FsErrors.exists(path);
        }
        FileStat dir = find(VolumePaths.parent(path));
        if (dir == null) {
            throw FsErrors.notFound(path);
        }
        if (!dir.isDirectory()) {
            throw FsErrors.notDirectory(path);
        }
        if (readOnly(path)) {
            throw FsErrors.readOnly(path);
        }
        return at;
    }

    private void linking(Location at, Function<Volume, Void> operation, String what) {
        try {
            mutate(at, operation);
        } catch (PebbleException e) {
            if (e.errno() == Errno.NOTSUP) {
                throw FsErrors.of(Errno.NOTSUP, Errno.NOTSUP.description() + ": storage mode '" + at.mount().mode()
                        + "' has no " + what, at.path());
            }
            throw e;
        }
    }

    /** Counts of the root volume. */
    public Volume.Usage usage() {
        return root.call(new Function<Volume, Volume.Usage>() {
            @Override
            public Volume.Usage apply(Volume v) {
                return v.usage();
            }
        });
    }

    /** The failure {@code e} of {@code inner} on {@code mount}, naming {@code path} as the program knows it. */
    public static PebbleException outer(PebbleException e, Mount mount, String inner, String path) {
        String message = e.getMessage();
        if (inner.equals(path) || message == null || !message.endsWith(": " + inner)) {
            return e;
        }
        return new PebbleException(e.errno(), message.substring(0, message.length() - inner.length()) + path);
    }

    private Location mutable(String path, Errno atMountPoint) {
        Location at = locate(path);
        if (at.mountPoint()) {
            throw FsErrors.of(atMountPoint, path);
        }
        if (at.area() == Area.DEV) {
            throw FsErrors.of(Errno.PERM, "/dev holds device nodes only", path);
        }
        return at;
    }

    private <T> T mutate(Location at, Function<Volume, T> operation) {
        T result = run(at, operation);
        at.mount().changed();
        return result;
    }

    private static <T> T run(Location at, Function<Volume, T> operation) {
        try {
            return at.mount().call(operation);
        } catch (PebbleException e) {
            throw outer(e, at.mount(), at.inner(), at.path());
        }
    }

    private static byte[] drain(TaskContext caller, Channel channel) {
        return caller.blocking("blocked-input", new Supplier<byte[]>() {
            @Override
            public byte[] get() {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = channel.read(buffer, 0, buffer.length)) >= 0) {
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        });
    }

    /** A change to a mount's volume, which answers nothing. */
    private abstract static class Change implements Function<Volume, Void> {
        abstract void on(Volume v);

        @Override
        public final Void apply(Volume v) {
            on(v);
            return null;
        }
    }

    /** {@link Volume#directoriesAbove} of a path inside the mount. */
    private static final class DirectoriesAbove implements Function<Volume, List<FileStat>> {
        private final String inner;

        DirectoriesAbove(String inner) {
            this.inner = inner;
        }

        @Override
        public List<FileStat> apply(Volume v) {
            return v.directoriesAbove(inner);
        }
    }

    /** {@link Volume#find} of a path inside the mount, or with {@code full} false {@link Volume#node}. */
    private static final class Find implements Function<Volume, FileStat> {
        private final String inner;
        private final boolean full;

        Find(String inner, boolean full) {
            this.inner = inner;
            this.full = full;
        }

        @Override
        public FileStat apply(Volume v) {
            return full ? v.find(inner) : v.node(inner);
        }
    }

    /** {@link Volume#list} of a directory inside the mount. */
    private static final class ListDirectory implements Function<Volume, List<FileStat>> {
        private final String inner;

        ListDirectory(String inner) {
            this.inner = inner;
        }

        @Override
        public List<FileStat> apply(Volume v) {
            return v.list(inner);
        }
    }

    /** {@link Volume#read} of a file inside the mount. */
    private static final class ReadFile implements Function<Volume, byte[]> {
        private final String inner;

        ReadFile(String inner) {
            this.inner = inner;
        }

        @Override
        public byte[] apply(Volume v) {
            return v.read(inner);
        }
    }
}
