package pebbleos.fs.vfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.UnaryOperator;

import org.h2.mvstore.MVStore;

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
 * A volume whose truth is the VFS store: every change is one store
 * transaction, committed before the call returns (see {@link Store}).
 * Directories, empty ones too, and file times are kept; contents are chunked.
 */
final class VfsVolume implements Volume {
    private final String mode;
    private final Store store;
    private final VfsStores stores;
    private volatile boolean detached;

    VfsVolume(String mode, Store store, VfsStores stores) {
        this.mode = mode;
        this.store = store;
        this.stores = stores;
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
            Record r = lookup(path);
            return r == null ? null : stat(path, VolumePaths.name(path), r);
        } finally {
            l.unlock();
        }
    }

    /** Without counting a directory's entries (its size is 0). */
    @Override
    public FileStat node(String path) {
        VolumePaths.check(path);
        Lock l = read();
        try {
            Record r = lookup(path);
            return r == null ? null
                    : new FileStat(VolumePaths.name(path), r.directory() ? FileStat.DIRECTORY : FileStat.FILE,
                            r.directory() ? 0 : r.size(), r.mtime(), r.ctime(), r.ownership());
        } finally {
            l.unlock();
        }
    }

    @Override
    public List<FileStat> list(String directory) {
        VolumePaths.check(directory);
        Lock l = read();
        try {
            directory(directory);
            List<FileStat> out = new ArrayList<>();
            for (Map.Entry<String, Record> e : store.children(directory)) {
                out.add(stat(VolumePaths.child(directory, e.getKey()), e.getKey(), e.getValue()));
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
            Record r = lookup(path);
            if (r == null) {
                if ((flags & CREATE) == 0) {
                    throw FsErrors.notFound(path);
                }
                create(path, created);
            } else if (r.directory()) {
                throw FsErrors.isDirectory(path);
            } else if ((flags & (CREATE | EXCLUSIVE)) == (CREATE | EXCLUSIVE)) {
                throw FsErrors.exists(path);
            } else if ((flags & TRUNCATE) != 0 && r.size() > 0) {
                Chunks.truncate(store, r, 0);
                store.put(path, r.withSize(0, System.currentTimeMillis()));
            }
            store.commit();
            return new VfsHandle(this, path);
        } finally {
            l.unlock();
        }
    }

    @Override
    public byte[] read(String path) {
        VolumePaths.check(path);
        Lock l = read();
        try {
            return Chunks.readAll(store, file(path));
        } finally {
            l.unlock();
        }
    }

    @Override
    public void write(String path, byte[] data, boolean append, Ownership created) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            Record r = lookup(path);
            if (r != null && r.directory()) {
                throw FsErrors.isDirectory(path);
            }
            if (r == null) {
                r = create(path, created);
            } else if (!append) {
                Chunks.truncate(store, r, 0);
                r = r.withSize(0, r.mtime());
            }
            long size = Chunks.write(store, r, append ? r.size() : 0, data, 0, data.length);
            store.put(path, r.withSize(size, System.currentTimeMillis()));
            store.commit();
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
            long now = System.currentTimeMillis();
            touchParent(path, now);
            store.put(path, Record.directory(now, created));
            store.commit();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void chmod(String path, int mode) {
        update(path, r -> r.withOwnership(r.uid(), r.gid(), mode));
    }

    @Override
    public void chown(String path, int uid, int gid) {
        update(path, r -> r.withOwnership(uid, gid, r.mode()));
    }

    /** Replace the record of an existing node with {@code change} of it, in one transaction. */
    private void update(String path, UnaryOperator<Record> change) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            store.put(path, change.apply(existing(path)));
            store.commit();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void rmdir(String path) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            directory(path);
            if (VolumePaths.isRoot(path)) {
                throw FsErrors.of(Errno.BUSY, path);
            }
            if (store.hasChildren(path)) {
                throw FsErrors.notEmpty(path);
            }
            store.nodes.remove(Store.key(path));
            touchParent(path, System.currentTimeMillis());
            store.commit();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void delete(String path) {
        VolumePaths.check(path);
        Lock l = write();
        try {
            Record r = file(path);
            Chunks.delete(store, r);
            store.nodes.remove(Store.key(path));
            touchParent(path, System.currentTimeMillis());
            store.commit();
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
            Record source = lookup(from);
            if (source == null) {
                throw FsErrors.notFound(from);
            }
            if (VolumePaths.isRoot(from) || VolumePaths.isRoot(to)) {
                throw FsErrors.of(Errno.BUSY, from);
            }
            if (from.equals(to)) {
                return;
            }
            if (VolumePaths.within(to, from)) {
                throw FsErrors.of(Errno.INVAL, "cannot move a directory into itself", to);
            }
            long now = System.currentTimeMillis();
            touchParent(to, now);
            Record existing = lookup(to);
            if (existing != null) {
                if (existing.directory()) {
                    if (!source.directory()) {
                        throw FsErrors.isDirectory(to);
                    }
                    if (store.hasChildren(to)) {
                        throw FsErrors.notEmpty(to);
                    }
                } else if (source.directory()) {
                    throw FsErrors.notDirectory(to);
                } else {
                    Chunks.delete(store, existing);
                }
            }
            if (source.directory()) {
                for (String key : store.descendantKeys(from)) {
                    byte[] value = store.nodes.remove(key);
                    store.nodes.put(to + key.substring(from.length()), value);
                }
            }
            store.nodes.remove(Store.key(from));
            store.put(to, source);
            touchParent(from, now);
            store.commit();
        } finally {
            l.unlock();
        }
    }

    @Override
    public void setTime(String path, long mtime) {
        update(path, r -> r.withMtime(mtime));
    }

    @Override
    public Usage usage() {
        Lock l = read();
        try {
            long files = 0;
            long directories = 0;
            long bytes = 0;
            for (Map.Entry<String, byte[]> e : store.nodes.entrySet()) {
                if (e.getKey().isEmpty()) {
                    continue;
                }
                Record r = Record.decode(e.getValue());
                if (r.directory()) {
                    directories++;
                } else {
                    files++;
                    bytes += r.size();
                }
            }
            return new Usage(files, directories, bytes);
        } finally {
            l.unlock();
        }
    }

    /** Force the store to the device (every operation is already committed to the file). */
    @Override
    public void sync() {
        Lock l = write();
        try {
            store.sync();
        } finally {
            l.unlock();
        }
    }

    /** Commit and hand the open store over (the successor adopts it), or close it if others still use it. */
    @Override
    public TreeSnapshot detach() {
        Lock l = write();
        try {
            detached = true;
            MVStore open = stores.handOver(store);
            return open == null ? null : TreeSnapshot.openStore(open);
        } finally {
            l.unlock();
        }
    }

    // ----- for handles

    Store store() {
        return store;
    }

    Lock read() {
        Lock l = store.lock.readLock();
        l.lock();
        return checked(l);
    }

    Lock write() {
        Lock l = store.lock.writeLock();
        l.lock();
        return checked(l);
    }

    Record file(String path) {
        Record r = lookup(path);
        if (r == null) {
            throw FsErrors.notFound(path);
        }
        if (r.directory()) {
            throw FsErrors.isDirectory(path);
        }
        return r;
    }

    // ----- the tree

    private Lock checked(Lock l) {
        if (detached) {
            l.unlock();
            throw new PebbleException(Errno.IO, "this VFS volume was closed for its successor");
        }
        return l;
    }

    /** The record at {@code path}, or {@code null} (also when a file is in the way). */
    private Record lookup(String path) {
        return store.get(path);
    }

    private Record existing(String path) {
        Record r = lookup(path);
        if (r == null) {
            throw FsErrors.notFound(path);
        }
        return r;
    }

    private void directory(String path) {
        Record r = lookup(path);
        if (r == null) {
            throw FsErrors.notFound(path);
        }
        if (!r.directory()) {
            throw FsErrors.notDirectory(path);
        }
    }

    /** Check that the parent of {@code path} is a directory and give it time {@code now}. */
    private void touchParent(String path, long now) {
        String parent = VolumePaths.parent(path);
        Record p = lookup(parent);
        if (p == null) {
            throw parentMissing(path, parent);
        }
        if (!p.directory()) {
            throw FsErrors.notDirectory(path);
        }
        store.put(parent, p.withMtime(now));
    }

    /** NOENT, or NOTDIR when a file stands where a directory above {@code path} should be. */
    private PebbleException parentMissing(String path, String parent) {
        for (String p = VolumePaths.parent(parent); p != null; p = VolumePaths.parent(p)) {
            Record r = lookup(p);
            if (r != null) {
                return r.directory() ? FsErrors.notFound(path) : FsErrors.notDirectory(path);
            }
        }
        return FsErrors.notFound(path);
    }

    private Record create(String path, Ownership created) {
        long now = System.currentTimeMillis();
        touchParent(path, now);
        Record r = Record.file(store.nextId(), now, created);
        store.put(path, r);
        return r;
    }

    private FileStat stat(String path, String name, Record r) {
        if (r.directory()) {
            return new FileStat(name, FileStat.DIRECTORY, store.childCount(path), r.mtime(), r.ctime(), r.ownership());
        }
        return new FileStat(name, FileStat.FILE, r.size(), r.mtime(), r.ctime(), r.ownership());
    }
}
