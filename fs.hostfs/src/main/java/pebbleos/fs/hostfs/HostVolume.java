package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;

/**
 * A host directory as a volume, on {@code java.nio} directly: every
 * operation is one or two host calls after the containment check of
 * {@link Containment}. The host holds the contents; owners, groups and modes
 * are in the {@link OwnerStore} beside them, which a hot swap hands over
 * open.
 *
 * <p>A node the store has no record of (a file the host user put into the
 * folder) belongs to the disk user with the host's permission bits. So a
 * node of the disk user's whose mode the host's bits can hold (no
 * set-user-id, set-group-id or sticky bit, and read and write for the owner,
 * plus search for a directory, so that the JVM keeps its own way in) is not
 * recorded: its mode goes to the host's bits. Everything else is recorded.
 * Host operations and records are ordered so that a crash between them never
 * leaves a node without the owner it was made with: a node's record is
 * written before the node is made (under one lock, so two creators cannot
 * cross), a rename copies the records before the host renames and drops the
 * old ones after, a removal drops the record after the host removed the node.
 */
final class HostVolume implements Volume {
    private final Containment paths;
    private final OwnerStore owners;
    /** Whether the host has POSIX permission bits (else every owner is recorded). */
    private final boolean posix;
    /** Held while a node is made: the existence check, its record and the host's creation are one step. */
    private final Object creating = new Object();

    HostVolume(Containment paths, OwnerStore owners) {
        this.paths = paths;
        this.owners = owners;
        this.posix = paths.root().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String mode() {
        return "hostfs";
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
        if (!VolumePaths.isRoot(path) && Containment.reserved(path)) {
            return null;
        }
        Path host;
        try {
            host = paths.resolve(path);
        } catch (PebbleException e) {
            if (e.errno() == Errno.NOTDIR) {
                return null;
            }
            throw e;
        }
        try {
            return stat(path, VolumePaths.name(path), host, attributes(host), count);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Not a directory")) {
                return null;
            }
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public List<FileStat> list(String directory) {
        Path host = paths.resolve(directory);
        if (!Files.isDirectory(host)) {
            throw Files.exists(host) ? FsErrors.notDirectory(directory) : FsErrors.notFound(directory);
        }
        boolean top = VolumePaths.isRoot(directory);
        List<FileStat> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(host)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((top && name.startsWith(MountRequest.VFS_STORE)) || !paths.visible(entry)) {
                    continue;
                }
                try {
                    out.add(stat(VolumePaths.child(directory, name), name, entry, attributes(entry), true));
                } catch (NoSuchFileException gone) {
                    // removed meanwhile
                }
            }
        } catch (IOException e) {
            throw HostErrors.map(e, directory);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public FileHandle open(String path, int flags, Ownership created) {
        Path host = paths.resolve(path);
        if (Files.isDirectory(host)) {
            throw FsErrors.isDirectory(path);
        }
        if ((flags & CREATE) != 0 && !exists(host)) {
            return creating(path, host, false, created, () -> openHost(host, path, flags | EXCLUSIVE));
        }
        return openHost(host, path, flags);
    }

    private FileHandle openHost(Path host, String path, int flags) {
        Set<StandardOpenOption> options = EnumSet.noneOf(StandardOpenOption.class);
        if ((flags & WRITE) != 0 || (flags & TRUNCATE) != 0) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & READ) != 0 || options.isEmpty()) {
            options.add(StandardOpenOption.READ);
        }
        if ((flags & CREATE) != 0) {
            options.add((flags & EXCLUSIVE) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((flags & TRUNCATE) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        try {
            return new HostHandle(FileChannel.open(host, options), path);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public byte[] read(String path) {
        Path host = paths.resolve(path);
        try {
            return Files.readAllBytes(host);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void write(String path, byte[] data, boolean append, Ownership created) {
        Path host = paths.resolve(path);
        try {
            // an existing file: one host call, and nothing is created behind the owners store's back
            Files.write(host, data, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            return;
        } catch (NoSuchFileException missing) {
            // a new file (or a missing directory, which the creation reports)
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
        creating(path, host, false, created, () -> {
            try {
                Files.write(host, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw HostErrors.map(e, path);
            }
            return null;
        });
    }

    @Override
    public void mkdir(String path, Ownership created) {
        Path host = paths.resolve(path);
        if (exists(host)) {
            throw FsErrors.exists(path);
        }
        creating(path, host, true, created, () -> {
            try {
                Files.createDirectory(host);
            } catch (IOException e) {
                throw HostErrors.map(e, path);
            }
            return null;
        });
    }

    @Override
    public void chmod(String path, int mode) {
        FileStat s = existing(path);
        own(path, paths.resolve(path), s.isDirectory(), s.ownership().withMode(mode));
    }

    @Override
    public void chown(String path, int uid, int gid) {
        FileStat s = existing(path);
        own(path, paths.resolve(path), s.isDirectory(), s.ownership().withOwner(uid, gid));
    }

    private FileStat existing(String path) {
        FileStat s = node(path);
        if (s == null) {
            throw FsErrors.notFound(path);
        }
        return s;
    }

    /** Give an existing node {@code o}: in the host's bits when they carry it, else in a record. */
    private void own(String path, Path host, boolean directory, Ownership o) {
        if (carried(o, directory) && hostMode(host, o.mode())) {
            owners.forget(path, false);
        } else {
            owners.record(path, o, false);
        }
    }

    /**
     * True when the host's permission bits can carry {@code o} by themselves:
     * the disk user's, no special bits, and the owner's read and write (and
     * search, for a directory) that the JVM needs to go on using the node.
     */
    private boolean carried(Ownership o, boolean directory) {
        int needed = directory ? 0700 : 0600;
        return posix && o.uid() == Ownership.DISK_USER && o.gid() == Ownership.DISK_GROUP
                && (o.mode() & ~Ownership.PERMISSION_BITS) == 0 && (o.mode() & needed) == needed;
    }

    /** Set the host's permission bits of {@code host} to {@code mode}; false when the host refuses. */
    private static boolean hostMode(Path host, int mode) {
        try {
            Files.setPosixFilePermissions(host, permissions(mode));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                out.add(order[i]);
            }
        }
        return out;
    }

    @Override
    public void rmdir(String path) {
        Path host = paths.resolve(path);
        if (VolumePaths.isRoot(path)) {
            throw FsErrors.of(Errno.BUSY, path);
        }
        try {
            if (!Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                throw FsErrors.notDirectory(path);
            }
            Files.delete(host);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
        owners.forget(path, true);
    }

    @Override
    public void delete(String path) {
        Path host = paths.resolve(path);
        try {
            if (Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                throw FsErrors.isDirectory(path);
            }
            Files.delete(host);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
        owners.forget(path, true);
    }

    @Override
    public void rename(String from, String to) {
        Path source = paths.resolve(from);
        Path target = paths.resolve(to);
        if (VolumePaths.isRoot(from) || VolumePaths.isRoot(to)) {
            throw FsErrors.of(Errno.BUSY, from);
        }
        try {
            Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw HostErrors.map(e, from);
        }
        if (from.equals(to)) {
            return;
        }
        Map<String, byte[]> replaced = owners.copy(from, to);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            owners.restore(to, replaced);
            throw HostErrors.map(e, to);
        } catch (RuntimeException e) {
            owners.restore(to, replaced);
            throw e;
        }
        owners.forget(from, true);
    }

    @Override
    public void setTime(String path, long mtime) {
        Path host = paths.resolve(path);
        try {
            Files.setLastModifiedTime(host, FileTime.fromMillis(mtime));
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public Usage usage() {
        long[] counts = new long[3];
        Path root = paths.root();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        counts[1]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !(file.getParent().equals(root)
                            && file.getFileName().toString().startsWith(MountRequest.VFS_STORE))) {
                        counts[0]++;
                        counts[2] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw HostErrors.map(e, "/");
        }
        return new Usage(counts[0], counts[1], counts[2]);
    }

    /** The host writes contents itself; make the owners store durable on the device. */
    @Override
    public void sync() {
        owners.sync();
    }

    /** Hand the owners store over open (a hot-swap successor adopts it). */
    @Override
    public TreeSnapshot detach() {
        owners.sync();
        return TreeSnapshot.openStore(owners.mvStore());
    }

    /**
     * Make node {@code path} with {@code make}, under the creation lock. When
     * the host's bits carry {@code created}, any stale record goes and the
     * node is made with those bits; else the record comes first, then the
     * node, and the record goes again if the node could not be made.
     */
    private <T> T creating(String path, Path host, boolean directory, Ownership created, Supplier<T> make) {
        synchronized (creating) {
            if (carried(created, directory)) {
                owners.forget(path, true);
                T made = make.get();
                if (!hostMode(host, created.mode())) {
                    owners.record(path, created, false);
                }
                return made;
            }
            owners.record(path, created, true);
            try {
                return make.get();
            } catch (RuntimeException e) {
                if (!exists(host)) {
                    owners.forget(path, true);
                }
                throw e;
            }
        }
    }

    private static boolean exists(Path host) {
        return Files.exists(host, LinkOption.NOFOLLOW_LINKS);
    }

    /** A host node's attributes, links followed: POSIX ones (with permission bits) where the host has them. */
    private static BasicFileAttributes attributes(Path host) throws IOException {
        try {
            return Files.readAttributes(host, PosixFileAttributes.class);
        } catch (UnsupportedOperationException notPosix) {
            return Files.readAttributes(host, BasicFileAttributes.class);
        }
    }

    private FileStat stat(String path, String name, Path host, BasicFileAttributes a, boolean count)
            throws IOException {
        Ownership owner = owners.get(path);
        if (owner == null) {
            owner = Ownership.diskUser(TreeSnapshot.hostMode(a));
        }
        if (a.isDirectory()) {
            long entries = 0;
            if (count) {
                try (Stream<Path> s = Files.list(host)) {
                    entries = s.count();
                }
            }
            return new FileStat(name, FileStat.DIRECTORY, entries, a.lastModifiedTime().toMillis(),
                    a.creationTime().toMillis(), owner);
        }
        return new FileStat(name, FileStat.FILE, a.size(), a.lastModifiedTime().toMillis(), a.creationTime().toMillis(),
                owner);
    }
}
