package pebbleos.fs.hostfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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
 * A host directory as a volume. Every operation resolves its path with
 * {@link HostTree} to a handle on the parent directory and runs relative to
 * that handle with links not followed ({@code openat}, {@code fstatat},
 * {@code unlinkat}, {@code renameat}, {@code fchmodat}), so a host process
 * that swaps a directory for a link while Pebble works cannot make an
 * operation land outside the root: there is no gap between a check and a use
 * of a path string. A new directory is made under a reserved name at the top
 * of the root (a path whose only component below the root is the new name,
 * which the host never follows) and renamed into place relative to the
 * parent's handle: the JDK has no {@code mkdirat}.
 *
 * <p>The host holds the contents; owners, groups and modes are in the
 * {@link OwnerStore} beside them, which a hot swap hands over open. Records
 * are kept under the path the walk reached (links inside the root resolved),
 * so a node has one record whichever link it is reached through.
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
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /** How often an operation starts again when its final entry turns into a link under it. */
    private static final int MAX_RETRIES = 100;
    /** Numbers the staging names of new directories. */
    private static final AtomicLong STAGED = new AtomicLong();

    private final HostTree tree;
    private final OwnerStore owners;
    /** Whether the host has POSIX permission bits (else every owner is recorded). */
    private final boolean posix;
    /** Held while a node is made: the existence check, its record and the host's creation are one step. */
    private final Object creating = new Object();

    HostVolume(HostTree tree, OwnerStore owners) {
        this.tree = tree;
        this.owners = owners;
        this.posix = tree.root().getFileSystem().supportedFileAttributeViews().contains("posix");
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

    /** The chain of directories above {@code path} in one walk (see {@link HostTree#directoriesAbove}). */
    @Override
    public List<FileStat> directoriesAbove(String path) {
        // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
        DirectoryChain chain = new DirectoryChain();
        tree.directoriesAbove(path, chain);
        return chain.stats;
    }

    /** Collects what {@link HostTree#directoriesAbove} visits, as {@link #node} gives each directory. */
    private final class DirectoryChain implements HostTree.DirectoryVisitor {
        final List<FileStat> stats = new ArrayList<>();

        @Override
        public void visit(String resolved, BasicFileAttributes a) {
            stats.add(directory(VolumePaths.name(resolved), 0, a, ownership(resolved, a)));
        }
    }

    private FileStat find(String path, boolean count) {
        VolumePaths.check(path);
        if (!VolumePaths.isRoot(path) && HostTree.reserved(path)) {
            return null;
        }
        try (HostTree.Place p = tree.locate(path, true)) {
            BasicFileAttributes a = attributes(p.directory(), p.entry());
            if (a == null || a.isSymbolicLink()) {
                return null;
            }
            return stat(p.path(), VolumePaths.name(path), p.directory(), p.entry(), a, count);
        } catch (PebbleException e) {
            if (e.errno() == Errno.NOTDIR || e.errno() == Errno.NOENT) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            if (gone(e)) {
                return null;
            }
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public List<FileStat> list(String directory) {
        try (HostTree.Place p = tree.locate(directory, true)) {
            BasicFileAttributes a = attributes(p.directory(), p.entry());
            if (a == null) {
                throw FsErrors.notFound(directory);
            }
            if (!a.isDirectory()) {
                throw FsErrors.notDirectory(directory);
            }
            List<FileStat> out = new ArrayList<>();
            try (SecureDirectoryStream<Path> entries = p.openDirectory()) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (p.isRoot() && HostTree.reservedName(name)) {
                        continue;
                    }
                    FileStat s = listed(entries, p.path(), name);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
            out.sort(FileStat.BY_NAME);
            return out;
        } catch (IOException e) {
            throw HostErrors.map(e, directory);
        }
    }

    /** One entry of a listing; a link only when it leads somewhere inside the root. */
    private FileStat listed(SecureDirectoryStream<Path> directory, String directoryPath, String name)
            throws IOException {
        Path entry = Path.of(name);
        BasicFileAttributes a = attributes(directory, entry);
        if (a == null) {
            return null; // removed meanwhile
        }
        String path = VolumePaths.child(directoryPath, name);
        if (!a.isSymbolicLink()) {
            try {
                return stat(path, name, directory, entry, a, true);
            } catch (IOException e) {
                if (gone(e)) {
                    return null; // removed or replaced meanwhile
                }
                throw e;
            }
        }
        try {
            return find(path);
        } catch (PebbleException outsideOrLoop) {
            return null;
        }
    }

    @Override
    public FileHandle open(String path, int flags, Ownership created) {
        Set<OpenOption> options = new HashSet<>();
        options.add(NOFOLLOW);
        if ((flags & WRITE) != 0 || (flags & TRUNCATE) != 0) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & READ) != 0 || !options.contains(StandardOpenOption.WRITE)) {
            options.add(StandardOpenOption.READ);
        }
        if ((flags & TRUNCATE) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        boolean create = (flags & CREATE) != 0;
        boolean exclusive = (flags & EXCLUSIVE) != 0;
        for (int attempt = 0; ; attempt++) {
            try (HostTree.Place p = tree.locate(path, true)) {
                BasicFileAttributes a = file(p, path);
                if (a == null && !create) {
                    throw FsErrors.notFound(path);
                }
                if (a != null && create && exclusive) {
                    throw FsErrors.exists(path);
                }
                if (a == null) {
                    Set<OpenOption> creation = new HashSet<>(options);
                    creation.add(StandardOpenOption.CREATE_NEW);
                    return creating(p, false, created, new Supplier<HostHandle>() {
                        @Override
                        public HostHandle get() {
                            try {
                                return new HostHandle(channel(p, creation), path);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
                }
                return new HostHandle(channel(p, options), path);
            } catch (IOException | UncheckedIOException failure) {
                IOException e = failure instanceof UncheckedIOException u ? u.getCause() : (IOException) failure;
                if (again(e, create && !exclusive, attempt)) {
                    continue;
                }
                throw HostErrors.map(e, path);
            }
        }
    }

    @Override
    public byte[] read(String path) {
        for (int attempt = 0; ; attempt++) {
            try (HostTree.Place p = tree.locate(path, true)) {
                if (file(p, path) == null) {
                    throw FsErrors.notFound(path);
                }
                try (FileChannel channel = channel(p, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
                    return readAll(channel, path);
                }
            } catch (IOException e) {
                if (again(e, false, attempt)) {
                    continue;
                }
                throw HostErrors.map(e, path);
            }
        }
    }

    /** Everything in {@code channel}, also when the file shrinks or grows while it is read. */
    private static byte[] readAll(FileChannel channel, String path) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw FsErrors.of(Errno.FBIG, path);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // a file that shrank meanwhile ends early
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        ByteBuffer more = ByteBuffer.allocate(8192);
        ByteArrayOutputStream tail = null;
        while (channel.read(more) > 0) {
            if (tail == null) {
                tail = new ByteArrayOutputStream();
                tail.write(bytes, 0, bytes.length);
            }
            tail.write(more.array(), 0, more.position());
            more.clear();
        }
        return tail == null ? bytes : tail.toByteArray();
    }

    @Override
    public void write(String path, byte[] data, boolean append, Ownership created) {
        for (int attempt = 0; ; attempt++) {
            try (HostTree.Place p = tree.locate(path, true)) {
                if (file(p, path) != null) {
                    // an existing file: nothing is created behind the owners store's back
                    try (FileChannel channel = channel(p, Set.of(StandardOpenOption.WRITE, NOFOLLOW,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING))) {
                        writeAll(channel, data);
                    }
                    return;
                }
                creating(p, false, created, new Supplier<Void>() {
                    @Override
                    public Void get() {
                        try (FileChannel channel = channel(p,
                                Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, NOFOLLOW))) {
                            writeAll(channel, data);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return null;
                    }
                });
                return;
            } catch (IOException | UncheckedIOException failure) {
                IOException e = failure instanceof UncheckedIOException u ? u.getCause() : (IOException) failure;
                if (again(e, true, attempt)) {
                    continue;
                }
                throw HostErrors.map(e, path);
            }
        }
    }

    private static void writeAll(FileChannel channel, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /**
     * The attributes of the regular file (or nothing yet) at {@code p}, links
     * followed by the walk: ISDIR for a directory.
     */
    private static BasicFileAttributes file(HostTree.Place p, String path) {
        BasicFileAttributes a;
        try {
            a = p.attributes();
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
        if (p.isRoot() || a != null && a.isDirectory()) {
            throw FsErrors.isDirectory(path);
        }
        return a;
    }

    /** Open the entry of {@code p} relative to its directory's handle, never through a link. */
    private static FileChannel channel(HostTree.Place p, Set<OpenOption> options) throws IOException {
        SeekableByteChannel channel = p.directory().newByteChannel(p.entry(), options);
        if (channel instanceof FileChannel file) {
            return file;
        }
        channel.close();
        throw FsErrors.io("not a file channel", p.path());
    }

    /**
     * True when an operation on an entry should start again from the walk:
     * the entry became a link after the walk looked at it, or (with
     * {@code created}) someone made it between the look and the creation.
     */
    private static boolean again(IOException e, boolean created, int attempt) {
        return attempt < MAX_RETRIES && (linkAppeared(e) || created && e instanceof FileAlreadyExistsException);
    }

    @Override
    public void mkdir(String path, Ownership created) {
        try (HostTree.Place p = tree.locate(path, false)) {
            if (p.isRoot() || p.attributes() != null) {
                throw FsErrors.exists(path);
            }
            creating(p, true, created, new Supplier<Void>() {
                @Override
                public Void get() {
                    makeDirectory(p, path);
                    return null;
                }
            });
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    /** Make the directory at {@code p}: at the top of the root first, then moved into place. */
    private void makeDirectory(HostTree.Place p, String path) {
        Path staged = Path.of(HostTree.STAGING_PREFIX + ProcessHandle.current().pid() + "_" + STAGED.incrementAndGet());
        try {
            Files.createDirectory(tree.realRoot().resolve(staged));
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
        try {
            tree.rootHandle().move(staged, p.directory(), p.entry());
        } catch (IOException e) {
            removeStaged(staged);
            try {
                if (p.attributes() != null) {
                    throw FsErrors.exists(path);
                }
            } catch (IOException again) {
                throw HostErrors.map(again, path);
            }
            if (e.getMessage() != null && e.getMessage().contains("cross-device")) {
                throw FsErrors.of(Errno.XDEV, "a host mount point lies between the root and the new directory", path);
            }
            throw HostErrors.map(e, path);
        }
    }

    private void removeStaged(Path staged) {
        try {
            tree.rootHandle().deleteDirectory(staged);
        } catch (IOException e) {
            // left for the next mount to remove
        }
    }

    @Override
    public void chmod(String path, int mode) {
        try (HostTree.Place p = tree.locate(path, true)) {
            BasicFileAttributes a = existing(p, path);
            own(p, a.isDirectory(), ownership(p.path(), a).withMode(mode));
        }
    }

    @Override
    public void chown(String path, int uid, int gid) {
        try (HostTree.Place p = tree.locate(path, true)) {
            BasicFileAttributes a = existing(p, path);
            own(p, a.isDirectory(), ownership(p.path(), a).withOwner(uid, gid));
        }
    }

    /** The attributes of the node at {@code p} (links followed by the walk); NOENT when there is none. */
    private static BasicFileAttributes existing(HostTree.Place p, String path) {
        try {
            BasicFileAttributes a = attributes(p.directory(), p.entry());
            if (a == null || a.isSymbolicLink()) {
                throw FsErrors.notFound(path);
            }
            return a;
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    /** Give the existing node at {@code p} {@code o}: in the host's bits when they carry it, else in a record. */
    private void own(HostTree.Place p, boolean directory, Ownership o) {
        if (carried(o, directory) && hostMode(p, o.mode())) {
            owners.forget(p.path(), false);
        } else {
            owners.record(p.path(), o, false);
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

    /** Set the host's permission bits of the entry at {@code p} (never through a link); false when the host refuses. */
    private static boolean hostMode(HostTree.Place p, int mode) {
        try {
            PosixFileAttributeView view = p.directory().getFileAttributeView(p.entry(), PosixFileAttributeView.class,
                    NOFOLLOW);
            if (view == null) {
                return false;
            }
            view.setPermissions(permissions(mode));
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
        VolumePaths.check(path);
        if (VolumePaths.isRoot(path)) {
            throw FsErrors.of(Errno.BUSY, path);
        }
        try (HostTree.Place p = tree.locate(path, false)) {
            BasicFileAttributes a = p.attributes();
            if (a == null) {
                throw FsErrors.notFound(path);
            }
            if (!a.isDirectory()) {
                throw FsErrors.notDirectory(path);
            }
            p.directory().deleteDirectory(p.entry());
            owners.forget(p.path(), true);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void delete(String path) {
        try (HostTree.Place p = tree.locate(path, false)) {
            BasicFileAttributes a = p.attributes();
            if (a == null) {
                throw FsErrors.notFound(path);
            }
            if (a.isDirectory() || p.isRoot()) {
                throw FsErrors.isDirectory(path);
            }
            p.directory().deleteFile(p.entry());
            owners.forget(p.path(), true);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void rename(String from, String to) {
        VolumePaths.check(from);
        VolumePaths.check(to);
        if (VolumePaths.isRoot(from) || VolumePaths.isRoot(to)) {
            throw FsErrors.of(Errno.BUSY, from);
        }
        try (HostTree.Place source = tree.locate(from, false); HostTree.Place target = tree.locate(to, false)) {
            if (source.attributes() == null) {
                throw FsErrors.notFound(from);
            }
            if (source.path().equals(target.path())) {
                return;
            }
            Map<String, byte[]> replaced = owners.copy(source.path(), target.path());
            try {
                source.directory().move(source.entry(), target.directory(), target.entry());
            } catch (IOException e) {
                owners.restore(target.path(), replaced);
                throw HostErrors.map(e, to);
            } catch (RuntimeException e) {
                owners.restore(target.path(), replaced);
                throw e;
            }
            owners.forget(source.path(), true);
        } catch (IOException e) {
            throw HostErrors.map(e, from);
        }
    }

    @Override
    public void setTime(String path, long mtime) {
        try (HostTree.Place p = tree.locate(path, true)) {
            if (p.attributes() == null) {
                throw FsErrors.notFound(path);
            }
            p.directory().getFileAttributeView(p.entry(), BasicFileAttributeView.class, NOFOLLOW)
                    .setTimes(FileTime.fromMillis(mtime), null, null);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public Usage usage() {
        long[] counts = new long[3];
        try (SecureDirectoryStream<Path> top = tree.rootHandle().newDirectoryStream(Path.of("."), NOFOLLOW)) {
            count(top, true, counts, 0);
        } catch (IOException e) {
            throw HostErrors.map(e, "/");
        }
        return new Usage(counts[0], counts[1], counts[2]);
    }

    /** Files, directories and bytes under a directory handle (links not followed). */
    private static void count(SecureDirectoryStream<Path> directory, boolean top, long[] counts, int depth) {
        for (Path entry : directory) {
            Path name = entry.getFileName();
            if (top && HostTree.reservedName(name.toString())) {
                continue;
            }
            try {
                BasicFileAttributes a = directory.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
                        .readAttributes();
                if (a.isDirectory()) {
                    counts[1]++;
                    if (depth < 4096) {
                        try (SecureDirectoryStream<Path> sub = directory.newDirectoryStream(name, NOFOLLOW)) {
                            count(sub, false, counts, depth + 1);
                        }
                    }
                } else if (a.isRegularFile()) {
                    counts[0]++;
                    counts[2] += a.size();
                }
            } catch (IOException e) {
                // removed or unreadable meanwhile: not counted
            }
        }
    }

    /** The host writes contents itself; make the owners store durable on the device. */
    @Override
    public void sync() {
        owners.sync();
    }

    /** Hand the owners store over open (a hot-swap successor adopts it) and let the root's handle go. */
    @Override
    public TreeSnapshot detach() {
        owners.sync();
        try {
            tree.close();
        } catch (IOException e) {
            // the handle is gone either way
        }
        return TreeSnapshot.openStore(owners.mvStore());
    }

    /**
     * Make the node at {@code p} with {@code make}, under the creation lock.
     * When the host's bits carry {@code created}, any stale record goes and
     * the node is made with those bits; else the record comes first, then the
     * node, and the record goes again if the node could not be made.
     */
    private <T> T creating(HostTree.Place p, boolean directory, Ownership created, Supplier<T> make) {
        synchronized (creating) {
            if (carried(created, directory)) {
                owners.forget(p.path(), true);
                T made = make.get();
                if (!hostMode(p, created.mode())) {
                    owners.record(p.path(), created, false);
                }
                return made;
            }
            owners.record(p.path(), created, true);
            try {
                return make.get();
            } catch (RuntimeException e) {
                if (!present(p)) {
                    owners.forget(p.path(), true);
                }
                throw e;
            }
        }
    }

    private static boolean present(HostTree.Place p) {
        try {
            return p.attributes() != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The recorded owner of {@code path}, else the disk user's with the host's bits of {@code a}. */
    private Ownership ownership(String path, BasicFileAttributes a) {
        Ownership owner = owners.get(path);
        return owner != null ? owner : Ownership.diskUser(TreeSnapshot.hostMode(a));
    }

    /**
     * An entry's attributes under a directory handle, the link itself when it
     * is one: POSIX ones (with permission bits) where the host has them;
     * {@code null} when there is no such entry.
     */
    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> directory, Path entry)
            throws IOException {
        try {
            PosixFileAttributeView posix = directory.getFileAttributeView(entry, PosixFileAttributeView.class,
                    NOFOLLOW);
            if (posix != null) {
                return posix.readAttributes();
            }
            return directory.getFileAttributeView(entry, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private FileStat stat(String path, String name, SecureDirectoryStream<Path> directory, Path entry,
            BasicFileAttributes a, boolean count) throws IOException {
        Ownership owner = ownership(path, a);
        if (a.isDirectory()) {
            long entries = 0;
            if (count) {
                boolean top = VolumePaths.isRoot(path);
                try (SecureDirectoryStream<Path> d = directory.newDirectoryStream(entry, NOFOLLOW)) {
                    for (Path e : d) {
                        if (!(top && HostTree.reservedName(e.getFileName().toString()))) {
                            entries++;
                        }
                    }
                }
            }
            return directory(name, entries, a, owner);
        }
        return new FileStat(name, FileStat.FILE, a.size(), a.lastModifiedTime().toMillis(), a.creationTime().toMillis(),
                owner);
    }

    private static FileStat directory(String name, long entries, BasicFileAttributes a, Ownership owner) {
        return new FileStat(name, FileStat.DIRECTORY, entries, a.lastModifiedTime().toMillis(), a.creationTime().toMillis(),
                owner);
    }

    /** A lookup or open that failed because the entry went away or stopped being a directory meanwhile. */
    private static boolean gone(IOException e) {
        return e instanceof NoSuchFileException
                || e.getMessage() != null && e.getMessage().contains("Not a directory");
    }

    /** An {@code O_NOFOLLOW} open or lookup met a link (ELOOP): the entry became one after the walk. */
    private static boolean linkAppeared(IOException e) {
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return reason != null && reason.contains("symbolic link");
    }
}
