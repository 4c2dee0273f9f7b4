package pebbleos.kernel.fs.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;

/**
 * {@code /system} as a volume: the merged bundle tree of {@link SystemTree},
 * read-only (ROFS) unless the boot allowed system writes, in which case
 * changes go to an in-memory {@link SystemOverlay} above it. Renaming
 * directories is not supported there. Everything belongs to root: files
 * 0644 unless their bundle's {@code Pebble-System-Modes} says otherwise,
 * directories 0755; owners and modes cannot be changed (PERM).
 */
public final class SystemVolume implements Volume {
    private final SystemTree tree;
    private final SystemOverlay overlay = new SystemOverlay();
    private final Object lock = new Object();
    private volatile boolean writable;

    public SystemVolume(SystemTree tree) {
        this.tree = tree;
    }

    /** Allow writes (into a fresh, empty overlay) or refuse them with ROFS. */
    public void reset(boolean allowWrites) {
        synchronized (lock) {
            overlay.files.clear();
            overlay.directories.clear();
            overlay.whiteouts.clear();
            writable = allowWrites;
        }
    }

    public boolean writable() {
        return writable;
    }

    @Override
    public String mode() {
        return "system";
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
        return find(path, true);
    }

    /** Without counting a directory's entries (its size is 0). */
    @Override
    public FileStat node(String path) {
        return find(path, false);
    }

    private FileStat find(String path, boolean count) {
        VolumePaths.check(path);
        if (overlay.whiteouts.contains(path)) {
            return null;
        }
        String name = VolumePaths.name(path);
        MemoryFile f = overlay.files.get(path);
        if (f != null) {
            return new FileStat(name, FileStat.FILE, f.size(), f.mtime(), f.ctime());
        }
        Long made = overlay.directories.get(path);
        if (made != null) {
            return new FileStat(name, FileStat.DIRECTORY, count ? names(path).size() : 0, made, made);
        }
        Contribution c = tree.fileOwner(path);
        if (c != null) {
            return new FileStat(name, FileStat.FILE, c.content(path).length, c.modified(), c.modified(),
                    Ownership.ROOT_FILE.withMode(c.mode(path)));
        }
        c = tree.directoryOwner(path);
        if (c != null) {
            return new FileStat(name, FileStat.DIRECTORY, count ? names(path).size() : 0, c.modified(), c.modified());
        }
        if (VolumePaths.isRoot(path)) {
            return new FileStat("", FileStat.DIRECTORY, 0, 0, 0);
        }
        return null;
    }

    @Override
    public List<FileStat> list(String directory) {
        FileStat s = stat(directory);
        if (!s.isDirectory()) {
            throw FsErrors.notDirectory(directory);
        }
        List<FileStat> out = new ArrayList<>();
        for (String name : names(directory).keySet()) {
            FileStat child = find(VolumePaths.child(directory, name));
            if (child != null) {
                out.add(child);
            }
        }
        return out;
    }

    @Override
    public FileHandle open(String path, int flags, Ownership created) {
        if ((flags & (WRITE | CREATE | TRUNCATE)) == 0) {
            FileStat s = stat(path);
            if (s.isDirectory()) {
                throw FsErrors.isDirectory(path);
            }
            MemoryFile f = overlay.files.get(path);
            return f != null ? f : new MemoryFile(path, content(path), true, s.mtime(), s.ctime());
        }
        requireWritable(path);
        synchronized (lock) {
            FileStat s = find(path);
            MemoryFile f;
            if (s == null) {
                if ((flags & CREATE) == 0) {
                    throw FsErrors.notFound(path);
                }
                f = create(path);
            } else if (s.isDirectory()) {
                throw FsErrors.isDirectory(path);
            } else if ((flags & EXCLUSIVE) != 0) {
                throw FsErrors.exists(path);
            } else {
                f = copyUp(path);
            }
            if ((flags & TRUNCATE) != 0) {
                f.truncate(0);
            }
            return f;
        }
    }

    @Override
    public byte[] read(String path) {
        FileStat s = stat(path);
        if (s.isDirectory()) {
            throw FsErrors.isDirectory(path);
        }
        MemoryFile f = overlay.files.get(path);
        return f != null ? f.bytes() : content(path).clone();
    }

    @Override
    public void write(String path, byte[] data, boolean append, Ownership created) {
        requireWritable(path);
        synchronized (lock) {
            FileStat s = find(path);
            if (s != null && s.isDirectory()) {
                throw FsErrors.isDirectory(path);
            }
            MemoryFile f = s == null ? create(path) : copyUp(path);
            f.replace(data, append);
        }
    }

    @Override
    public void mkdir(String path, Ownership created) {
        requireWritable(path);
        synchronized (lock) {
            if (find(path) != null) {
                throw FsErrors.exists(path);
            }
            requireParentDirectory(path);
            overlay.whiteouts.remove(path);
            overlay.directories.put(path, System.currentTimeMillis());
        }
    }

    @Override
    public void chmod(String path, int mode) {
        fixedOwnership(path);
    }

    @Override
    public void chown(String path, int uid, int gid) {
        fixedOwnership(path);
    }

    private void fixedOwnership(String path) {
        requireWritable(path);
        stat(path);
        throw FsErrors.of(Errno.PERM, "owners and modes in /system are fixed", path);
    }

    @Override
    public void rmdir(String path) {
        requireWritable(path);
        synchronized (lock) {
            FileStat s = stat(path);
            if (!s.isDirectory()) {
                throw FsErrors.notDirectory(path);
            }
            if (VolumePaths.isRoot(path)) {
                throw FsErrors.of(Errno.BUSY, path);
            }
            if (!list(path).isEmpty()) {
                throw FsErrors.notEmpty(path);
            }
            overlay.directories.remove(path);
            if (tree.directoryOwner(path) != null) {
                overlay.whiteouts.add(path);
            }
        }
    }

    @Override
    public void delete(String path) {
        requireWritable(path);
        synchronized (lock) {
            FileStat s = stat(path);
            if (s.isDirectory()) {
                throw FsErrors.isDirectory(path);
            }
            overlay.files.remove(path);
            if (tree.fileOwner(path) != null) {
                overlay.whiteouts.add(path);
            }
        }
    }

    @Override
    public void rename(String from, String to) {
        requireWritable(from);
        synchronized (lock) {
            FileStat s = stat(from);
            if (s.isDirectory()) {
                throw FsErrors.of(Errno.PERM, "renaming directories in /system is not supported", from);
            }
            FileStat target = find(to);
            if (target != null && target.isDirectory()) {
                throw FsErrors.isDirectory(to);
            }
            byte[] data = read(from);
            write(to, data, false);
            overlay.files.get(to).setMtime(s.mtime());
            delete(from);
        }
    }

    @Override
    public void setTime(String path, long mtime) {
        requireWritable(path);
        synchronized (lock) {
            FileStat s = stat(path);
            if (s.isDirectory()) {
                overlay.directories.put(path, mtime);
            } else {
                copyUp(path).setMtime(mtime);
            }
        }
    }

    @Override
    public Usage usage() {
        long[] counts = new long[3];
        count("/", counts);
        return new Usage(counts[0], counts[1], counts[2]);
    }

    @Override
    public void sync() {
    }

    @Override
    public TreeSnapshot detach() {
        return null;
    }

    private void count(String directory, long[] counts) {
        for (FileStat s : list(directory)) {
            if (s.isDirectory()) {
                counts[1]++;
                count(VolumePaths.child(directory, s.name()), counts);
            } else {
                counts[0]++;
                counts[2] += s.size();
            }
        }
    }

    /** The names in a directory of the merged view (whiteouts removed). */
    private Map<String, Boolean> names(String directory) {
        Map<String, Boolean> out = new TreeMap<>(tree.children(directory));
        String prefix = VolumePaths.isRoot(directory) ? "/" : directory + "/";
        for (String p : overlay.files.keySet()) {
            addChild(out, p, prefix, false);
        }
        for (String p : overlay.directories.keySet()) {
            addChild(out, p, prefix, true);
        }
        out.keySet().removeIf(name -> overlay.whiteouts.contains(prefix + name));
        return out;
    }

    private static void addChild(Map<String, Boolean> out, String path, String prefix, boolean directory) {
        if (path.length() > prefix.length() && path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
            out.put(path.substring(prefix.length()), directory);
        }
    }

    private byte[] content(String path) {
        Contribution c = tree.fileOwner(path);
        if (c == null) {
            throw FsErrors.notFound(path);
        }
        return c.content(path);
    }

    private MemoryFile create(String path) {
        requireParentDirectory(path);
        long now = System.currentTimeMillis();
        MemoryFile f = new MemoryFile(path, new byte[0], false, now, now);
        overlay.files.put(path, f);
        overlay.whiteouts.remove(path);
        return f;
    }

    /** The overlay file of {@code path}, copied up from its bundle on first write. */
    private MemoryFile copyUp(String path) {
        MemoryFile f = overlay.files.get(path);
        if (f == null) {
            Contribution c = tree.fileOwner(path);
            f = new MemoryFile(path, c.content(path).clone(), false, c.modified(), c.modified());
            overlay.files.put(path, f);
        }
        return f;
    }

    private void requireParentDirectory(String path) {
        String parent = VolumePaths.parent(path);
        FileStat p = parent == null ? null : find(parent);
        if (p == null) {
            throw FsErrors.notFound(path);
        }
        if (!p.isDirectory()) {
            throw FsErrors.notDirectory(path);
        }
    }

    private void requireWritable(String path) {
        VolumePaths.check(path);
        if (!writable) {
            throw new PebbleException(Errno.ROFS, "read-only file system: " + path);
        }
    }
}
