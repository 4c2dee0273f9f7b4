package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;

/**
 * A host directory as a volume. Every operation resolves its path with
 * {@link HostTree} to a handle on the parent directory and runs relative to
 * that handle with links not followed ({@code openat}, {@code fstatat},
 * {@code unlinkat}, {@code renameat}), so a host process that swaps a
 * directory for a link while Pebble works cannot make an operation land
 * outside the root. A new directory is made under a reserved name at the top
 * of the root (a path whose only component below the root is the new name,
 * which the host never follows) and renamed into place relative to the
 * parent's handle: the JDK has no {@code mkdirat}. The host is the store, so
 * there is nothing to sync and nothing to hand over on a swap.
 */
final class HostVolume implements Volume {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /** How often an operation starts again when its final entry changes under it. */
    private static final int MAX_RETRIES = 100;
    private static final AtomicLong STAGED = new AtomicLong();

    private final HostTree tree;

    HostVolume(HostTree tree) {
        this.tree = tree;
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
        VolumePaths.check(path);
        if (!VolumePaths.isRoot(path) && HostTree.reserved(path)) {
            return null;
        }
        try (HostTree.Place p = tree.locate(path, true)) {
            BasicFileAttributes a = p.attributes();
            if (a == null || a.isSymbolicLink()) {
                return null;
            }
            return stat(VolumePaths.name(path), p.directory(), p.entry(), a, p.isRoot());
        } catch (PebbleException e) {
            if (e.errno() == Errno.NOTDIR || e.errno() == Errno.NOENT) {
                return null;
            }
            throw e;
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public List<FileStat> list(String directory) {
        try (HostTree.Place p = tree.locate(directory, true)) {
            BasicFileAttributes a = p.attributes();
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
                    FileStat s = listed(entries, p.path(), name, p.isRoot());
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
            out.sort((x, y) -> x.name().compareTo(y.name()));
            return out;
        } catch (IOException e) {
            throw HostErrors.map(e, directory);
        }
    }

    /** One entry of a listing; links only when they lead somewhere inside the root. */
    private FileStat listed(SecureDirectoryStream<Path> directory, String directoryPath, String name, boolean top)
            throws IOException {
        BasicFileAttributes a;
        try {
            a = directory.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException gone) {
            return null;
        }
        if (!a.isSymbolicLink()) {
            try {
                return stat(name, directory, Path.of(name), a, false);
            } catch (FileSystemException gone) {
                return null; // removed or replaced meanwhile
            }
        }
        BasicFileAttributes target = tree.linkTarget(directoryPath, name);
        if (target == null) {
            return null;
        }
        if (!target.isDirectory()) {
            return fileStat(name, target);
        }
        FileStat viaLink = find(VolumePaths.child(directoryPath, name));
        return viaLink == null ? null : new FileStat(name, viaLink.kind(), viaLink.size(), viaLink.mtime(), viaLink.ctime());
    }

    @Override
    public FileHandle open(String path, int flags) {
        Set<OpenOption> options = new HashSet<>();
        options.add(NOFOLLOW);
        if ((flags & WRITE) != 0 || (flags & TRUNCATE) != 0) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & READ) != 0 || !options.contains(StandardOpenOption.WRITE)) {
            options.add(StandardOpenOption.READ);
        }
        if ((flags & CREATE) != 0) {
            options.add((flags & EXCLUSIVE) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((flags & TRUNCATE) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        return new HostHandle(openChannel(path, options), path);
    }

    /**
     * Open the file {@code path} relative to its directory's handle, never
     * through a link (a final link is resolved by {@link HostTree} and the
     * open made where it leads); starts again when the entry changes under it.
     */
    private FileChannel openChannel(String path, Set<OpenOption> options) {
        for (int attempt = 0; ; attempt++) {
            try (HostTree.Place p = tree.locate(path, true)) {
                BasicFileAttributes a = p.attributes();
                if (p.isRoot() || a != null && a.isDirectory()) {
                    throw FsErrors.isDirectory(path);
                }
                SeekableByteChannel channel = p.directory().newByteChannel(p.entry(), options);
                if (channel instanceof FileChannel file) {
                    return file;
                }
                channel.close();
                throw FsErrors.io("not a file channel", path);
            } catch (FileSystemException e) {
                if (attempt < MAX_RETRIES && linkAppeared(e)) {
                    continue; // the entry became a link after the walk looked at it
                }
                throw HostErrors.map(e, path);
            } catch (IOException e) {
                throw HostErrors.map(e, path);
            }
        }
    }

    /** An O_NOFOLLOW open or lookup met a link (ELOOP). */
    private static boolean linkAppeared(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && reason.contains("symbolic link");
    }

    @Override
    public byte[] read(String path) {
        try (FileChannel channel = openChannel(path, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
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
            // a file that grew meanwhile: the rest too
            ByteBuffer more = ByteBuffer.allocate(8192);
            java.io.ByteArrayOutputStream tail = null;
            while (channel.read(more) > 0) {
                if (tail == null) {
                    tail = new java.io.ByteArrayOutputStream();
                    tail.write(bytes, 0, bytes.length);
                }
                tail.write(more.array(), 0, more.position());
                more.clear();
            }
            return tail == null ? bytes : tail.toByteArray();
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void write(String path, byte[] data, boolean append) {
        Set<OpenOption> options = append
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND, NOFOLLOW)
                : Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        NOFOLLOW);
        try (FileChannel channel = openChannel(path, options)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void mkdir(String path) {
        try (HostTree.Place p = tree.locate(path, false)) {
            if (p.isRoot() || p.attributes() != null) {
                throw FsErrors.exists(path);
            }
            // made at the top of the root (no component the host could follow), then moved into place
            Path staged = Path.of(HostTree.STAGING_PREFIX + ProcessHandle.current().pid() + "_"
                    + STAGED.incrementAndGet());
            Files.createDirectory(tree.realRoot().resolve(staged));
            try {
                tree.rootHandle().move(staged, p.directory(), p.entry());
            } catch (IOException e) {
                removeStaged(staged);
                if (p.attributes() != null) {
                    throw FsErrors.exists(path);
                }
                if (e.getMessage() != null && e.getMessage().contains("cross-device")) {
                    throw FsErrors.of(Errno.XDEV, "a host mount point lies between the root and the new directory",
                            path);
                }
                throw e;
            }
        } catch (IOException e) {
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
    public void rmdir(String path) {
        if (VolumePaths.isRoot(path)) {
            VolumePaths.check(path);
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
            try {
                source.directory().move(source.entry(), target.directory(), target.entry());
            } catch (IOException e) {
                throw HostErrors.map(e, to);
            }
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

    @Override
    public void sync() {
    }

    @Override
    public TreeSnapshot detach() {
        try {
            tree.close();
        } catch (IOException e) {
            // the handle is gone either way
        }
        return null;
    }

    /** A stat of an entry under a directory handle; a directory's size is its number of entries. */
    private static FileStat stat(String name, SecureDirectoryStream<Path> directory, Path entry, BasicFileAttributes a,
            boolean root) throws IOException {
        if (!a.isDirectory()) {
            return fileStat(name, a);
        }
        long entries = 0;
        try (SecureDirectoryStream<Path> d = directory.newDirectoryStream(entry, NOFOLLOW)) {
            for (Path e : d) {
                if (!(root && HostTree.reservedName(e.getFileName().toString()))) {
                    entries++;
                }
            }
        }
        return new FileStat(name, FileStat.DIRECTORY, entries, a.lastModifiedTime().toMillis(),
                a.creationTime().toMillis());
    }

    private static FileStat fileStat(String name, BasicFileAttributes a) {
        return new FileStat(name, FileStat.FILE, a.size(), a.lastModifiedTime().toMillis(), a.creationTime().toMillis());
    }
}
