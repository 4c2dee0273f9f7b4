package pebbleos.kernel.fs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
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
 */
public final class Namespace {
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
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            if (at.mountPoint()) {
                return dev.directoryStat();
            }
            String name = at.inner().substring(1);
            return dev.isNode(name) ? dev.stat(name) : null;
        }
        FileStat s = run(at, v -> v.find(at.inner()));
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
        List<FileStat> entries = run(at, v -> v.list(at.inner()));
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
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The whole content of a file; a device is read to its end. */
    public byte[] read(TaskContext caller, String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            OpenFile file = open(caller, path, OpenMode.parse("r"));
            try {
                return drain(caller, file.channel());
            } finally {
                file.release();
            }
        }
        return run(at, v -> v.read(at.inner()));
    }

    /** Replace or extend a file, creating it; a device gets the bytes written to it. */
    public void write(TaskContext caller, String path, byte[] data, boolean append) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            if (find(path) == null) {
                throw FsErrors.of(Errno.PERM, "/dev holds device nodes only", path);
            }
            OpenFile file = open(caller, path, OpenMode.parse(append ? "a" : "w"));
            try {
                file.channel().write(data, 0, data.length);
                file.channel().flush();
            } finally {
                file.release();
            }
            return;
        }
        mutate(at, v -> {
            v.write(at.inner(), data, append);
            return null;
        });
    }

    public void mkdir(String path) {
        Location at = mutable(path, Errno.EXIST);
        mutate(at, v -> {
            v.mkdir(at.inner());
            return null;
        });
    }

    /** Make {@code path} and the directories above it that are missing, like {@code mkdir -p}. */
    public void mkdirs(String path) {
        if (VolumePaths.isRoot(path)) {
            return;
        }
        String parent = VolumePaths.parent(path);
        FileStat up = find(parent);
        if (up == null) {
            mkdirs(parent);
        } else if (!up.isDirectory()) {
            throw FsErrors.notDirectory(parent);
        }
        FileStat here = find(path);
        if (here == null) {
            try {
                mkdir(path);
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
        mutate(ok, v -> {
            v.rmdir(ok.inner());
            return null;
        });
    }

    public void delete(String path) {
        Location at = locate(path);
        if (at.area() == Area.DEV && !at.mountPoint()) {
            throw FsErrors.of(Errno.PERM, "device nodes cannot be removed", path);
        }
        Location ok = mutable(path, Errno.ISDIR);
        mutate(ok, v -> {
            v.delete(ok.inner());
            return null;
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
        mutate(a, v -> {
            v.rename(a.inner(), b.inner());
            return null;
        });
    }

    /** Set the modification time; device nodes and {@code /dev} ignore it. */
    public void setTime(String path, long mtime) {
        Location at = locate(path);
        if (at.area() == Area.DEV) {
            stat(path);
            return;
        }
        mutate(at, v -> {
            v.setTime(at.inner(), mtime);
            return null;
        });
    }

    /** Create {@code path} empty if it is missing, then set its time. */
    public void touch(TaskContext caller, String path, long mtime) {
        if (find(path) == null) {
            write(caller, path, new byte[0], true);
        }
        setTime(path, mtime);
    }

    /** Copy a file's bytes; when {@code to} is a directory the copy goes inside it. Returns the target path. */
    public String copy(TaskContext caller, String from, String to) {
        FileStat source = stat(from);
        if (source.isDirectory()) {
            throw FsErrors.isDirectory(from);
        }
        FileStat target = find(to);
        String dest = target != null && target.isDirectory() ? VolumePaths.child(to, source.name()) : to;
        if (dest.equals(from)) {
            throw FsErrors.of(Errno.INVAL, "source and target are the same file", from);
        }
        write(caller, dest, read(caller, from), false);
        return dest;
    }

    /** Open {@code path} for a descriptor. */
    public OpenFile open(TaskContext caller, String path, OpenMode mode) {
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
        VolumeFileChannel channel = VolumeFileChannel.open(at.mount(), path, at.inner(), mode);
        if (mode.writes()) {
            at.mount().changed();
        }
        return new OpenFile(channel, mode.fileMode());
    }

    /** Counts of the root volume. */
    public Volume.Usage usage() {
        return root.call(Volume::usage);
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
        return caller.blocking("blocked-input", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = channel.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        });
    }
}
