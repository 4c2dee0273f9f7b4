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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;

/**
 * A host directory as a volume, on {@code java.nio} directly: every
 * operation is one or two host calls after the containment check of
 * {@link Containment}. The host is the store, so there is nothing to sync and
 * nothing to hand over on a swap.
 */
final class HostVolume implements Volume {
    private final Containment paths;

    HostVolume(Containment paths) {
        this.paths = paths;
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
            return stat(VolumePaths.name(path), host, Files.readAttributes(host, BasicFileAttributes.class));
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
                    out.add(stat(name, entry, Files.readAttributes(entry, BasicFileAttributes.class)));
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
    public FileHandle open(String path, int flags) {
        Path host = paths.resolve(path);
        if (Files.isDirectory(host)) {
            throw FsErrors.isDirectory(path);
        }
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
    public void write(String path, byte[] data, boolean append) {
        Path host = paths.resolve(path);
        try {
            if (append) {
                Files.write(host, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.write(host, data);
            }
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void mkdir(String path) {
        Path host = paths.resolve(path);
        try {
            Files.createDirectory(host);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
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
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw HostErrors.map(e, to);
        }
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

    @Override
    public void sync() {
    }

    @Override
    public TreeSnapshot detach() {
        return null;
    }

    private static FileStat stat(String name, Path host, BasicFileAttributes a) throws IOException {
        if (a.isDirectory()) {
            long entries;
            try (Stream<Path> s = Files.list(host)) {
                entries = s.count();
            }
            return new FileStat(name, FileStat.DIRECTORY, entries, a.lastModifiedTime().toMillis(),
                    a.creationTime().toMillis());
        }
        return new FileStat(name, FileStat.FILE, a.size(), a.lastModifiedTime().toMillis(), a.creationTime().toMillis());
    }
}
