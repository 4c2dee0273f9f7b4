package pebbleos.fs.mfs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.SnapshotStore;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.fs.memory.DirectoryNode;
import pebbleos.api.fs.memory.FileNode;
import pebbleos.api.fs.memory.Node;

/**
 * A volume held entirely in memory: a tree of {@link Node}s under one
 * read/write lock (reads in parallel, changes one at a time). Nothing touches
 * the disk except an explicit {@link #sync}, which saves a snapshot through
 * the VFS store service. {@link #detach} hands the tree itself to a successor,
 * copying nothing.
 */
final class MemoryVolume implements Volume {
    private final String mode;
    private final Path hostRoot;
    private final Supplier<SnapshotStore> store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final DirectoryNode root;
    private boolean detached;

    MemoryVolume(String mode, Path hostRoot, DirectoryNode root, Supplier<SnapshotStore> store) {
        this.mode = mode;
        this.hostRoot = hostRoot;
        this.root = root;
        this.store = store;
    }

    @Override
    public String mode() {
        return mode;
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
        VolumePaths.check(path);
        Lock l = read();
        try {
            Node n = lookup(path);
            return n == null ? null : stat(VolumePaths.name(path), n);
        } finally {
            l.unlock();
        }
    }

    @Override
    public List<FileStat> list(String directory) {
        VolumePaths.check(directory);
        Lock l = read();
        try {
            DirectoryNode d = directory(directory);
            List<FileStat> out = new ArrayList<>(d.children.size());
            for (Map.Entry<String, Node> e : d.children.entrySet()) {
                out.add(stat(e.getKey(), e.getValue()));
            }
            return out;
        } finally {
            l.unlock();
        }
    }

    @Override
    public FileHandle open(String path, int flags, Ownership created) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            Node n = lookup(path);
            if (n == null) {
                if ((flags & CREATE) == 0) {
                    throw FsErrors.notFound(path);
                }
                n = create(path, created);
            } else if (n instanceof DirectoryNode) {
                throw FsErrors.isDirectory(path);
            } else if ((flags & (CREATE | EXCLUSIVE)) == (CREATE | EXCLUSIVE)) {
                throw FsErrors.exists(path);
            }
            FileNode f = (FileNode) n;
            if ((flags & TRUNCATE) != 0) {
                f.truncate(path, 0);
            }
            return new MemoryHandle(this, path, f);
        } finally {
            l.unlock();
        }
    }

    @Override
    public byte[] read(String path) {
        VolumePaths.check(path);
        Lock l = read();
        try {
            return file(path).copy();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void write(String path, byte[] data, boolean append, Ownership created) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            Node n = lookup(path);
            if (n instanceof DirectoryNode) {
                throw FsErrors.isDirectory(path);
            }
            FileNode f = n == null ? create(path, created) : (FileNode) n;
            if (append) {
                f.write(path, f.length, data, 0, data.length);
            } else {
                f.replace(data.clone());
            }
        } finally {
            l.unlock();
        }
    }

    @Override
    public void mkdir(String path, Ownership created) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            if (lookup(path) != null) {
                throw FsErrors.exists(path);
            }
            DirectoryNode parent = parentOf(path);
            long now = System.currentTimeMillis();
            DirectoryNode d = new DirectoryNode(now, now);
            d.own(created);
            parent.children.put(VolumePaths.name(path), d);
            parent.mtime = now;
        } finally {
            l.unlock();
        }
    }

    @Override
    public void chmod(String path, int mode) {
        update(path, n -> n.mode = mode & Ownership.MODE_BITS);
    }

    @Override
    public void chown(String path, int uid, int gid) {
        update(path, n -> {
            n.uid = uid;
            n.gid = gid;
        });
    }

    /** Apply {@code change} to an existing node under the write lock. */
    private void update(String path, Consumer<Node> change) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            change.accept(existing(path));
        } finally {
            l.unlock();
        }
    }

    @Override
    public void rmdir(String path) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            DirectoryNode d = directory(path);
            if (d == root) {
                throw FsErrors.of(Errno.BUSY, path);
            }
            if (!d.children.isEmpty()) {
                throw FsErrors.notEmpty(path);
            }
            unlink(path);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void delete(String path) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            file(path);
            unlink(path);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void rename(String from, String to) {
        VolumePaths.check(from);
        VolumePaths.check(to);
        Lock l = write();
        try {
            Node source = lookup(from);
            if (source == null) {
                throw FsErrors.notFound(from);
            }
            if (source == root || VolumePaths.isRoot(to)) {
                throw FsErrors.of(Errno.BUSY, from);
            }
            if (from.equals(to)) {
                return;
            }
            if (VolumePaths.within(to, from)) {
                throw FsErrors.of(Errno.INVAL, "cannot move a directory into itself", to);
            }
            DirectoryNode target = parentOf(to);
            Node existing = target.children.get(VolumePaths.name(to));
            if (existing != null) {
                if (existing instanceof DirectoryNode d) {
                    if (!(source instanceof DirectoryNode)) {
                        throw FsErrors.isDirectory(to);
                    }
                    if (!d.children.isEmpty()) {
                        throw FsErrors.notEmpty(to);
                    }
                } else if (source instanceof DirectoryNode) {
                    throw FsErrors.notDirectory(to);
                }
            }
            unlink(from);
            target.children.put(VolumePaths.name(to), source);
            target.mtime = System.currentTimeMillis();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void setTime(String path, long mtime) {
        update(path, n -> n.mtime = mtime);
    }

    @Override
    public Usage usage() {
        Lock l = read();
        try {
            long[] counts = new long[3];
            count(root, counts);
            return new Usage(counts[0], counts[1], counts[2]);
        } finally {
            l.unlock();
        }
    }

    /** Save the whole tree into the VFS store (held under the read lock, so it is one consistent moment). */
    @Override
    public void sync() {
        SnapshotStore target = store.get();
        if (target == null) {
            throw new PebbleException(Errno.NOSYS, "no VFS store in this image");
        }
        Lock l = read();
        try {
            target.save(hostRoot, mode, TreeHandover.capture(root));
        } finally {
            l.unlock();
        }
    }

    @Override
    public TreeSnapshot detach() {
        Lock l = write();
        try {
            detached = true;
            // the tree itself, not a copy: the successor adopts it in O(1) and this volume is not used again
            return TreeSnapshot.live(root);
        } finally {
            l.unlock();
        }
    }

    // ----- for handles

    Lock read() {
        Lock l = lock.readLock();
        l.lock();
        return checked(l);
    }

    Lock write() {
        Lock l = lock.writeLock();
        l.lock();
        return checked(l);
    }

    // ----- the tree

    private Lock checked(Lock l) {
        if (detached) {
            l.unlock();
            throw new PebbleException(Errno.IO, "this in-memory volume was handed to its successor");
        }
        return l;
    }

    /** The node at a checked path, or {@code null}. */
    private Node lookup(String path) {
        Node n = root;
        int n0 = path.length();
        int start = 1;
        while (start < n0) {
            if (!(n instanceof DirectoryNode d)) {
                return null;
            }
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? n0 : slash;
            n = d.children.get(path.substring(start, end));
            if (n == null) {
                return null;
            }
            start = end + 1;
        }
        return n;
    }

    private Node existing(String path) {
        Node n = lookup(path);
        if (n == null) {
            throw FsErrors.notFound(path);
        }
        return n;
    }

    private DirectoryNode directory(String path) {
        Node n = lookup(path);
        if (n == null) {
            throw FsErrors.notFound(path);
        }
        if (!(n instanceof DirectoryNode d)) {
            throw FsErrors.notDirectory(path);
        }
        return d;
    }

    private FileNode file(String path) {
        Node n = lookup(path);
        if (n == null) {
            throw FsErrors.notFound(path);
        }
        if (!(n instanceof FileNode f)) {
            throw FsErrors.isDirectory(path);
        }
        return f;
    }

    /** The directory that will hold {@code path}: NOENT when missing, NOTDIR when a file is in the way. */
    private DirectoryNode parentOf(String path) {
        String parent = VolumePaths.parent(path);
        if (parent == null) {
            throw FsErrors.of(Errno.BUSY, path);
        }
        Node n = lookup(parent);
        if (n == null) {
            throw FsErrors.notFound(path);
        }
        if (!(n instanceof DirectoryNode d)) {
            throw FsErrors.notDirectory(path);
        }
        return d;
    }

    private FileNode create(String path, Ownership created) {
        DirectoryNode parent = parentOf(path);
        long now = System.currentTimeMillis();
        FileNode f = new FileNode(now, now);
        f.own(created);
        parent.children.put(VolumePaths.name(path), f);
        parent.mtime = now;
        return f;
    }

    private void unlink(String path) {
        DirectoryNode parent = (DirectoryNode) lookup(VolumePaths.parent(path));
        parent.children.remove(VolumePaths.name(path));
        parent.mtime = System.currentTimeMillis();
    }

    private static FileStat stat(String name, Node n) {
        if (n instanceof FileNode f) {
            return new FileStat(name, FileStat.FILE, f.length, f.mtime, f.ctime, f.uid, f.gid, f.mode);
        }
        return new FileStat(name, FileStat.DIRECTORY, ((DirectoryNode) n).children.size(), n.mtime, n.ctime,
                n.uid, n.gid, n.mode);
    }

    private static void count(DirectoryNode d, long[] counts) {
        for (Node n : d.children.values()) {
            if (n instanceof FileNode f) {
                counts[0]++;
                counts[2] += f.length;
            } else {
                counts[1]++;
                count((DirectoryNode) n, counts);
            }
        }
    }
}
