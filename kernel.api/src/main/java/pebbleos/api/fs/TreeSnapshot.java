package pebbleos.api.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A whole file tree in plain JDK types: the form in which an in-memory volume
 * hands its state to a successor from another bundle revision, in which
 * {@code mfs} writes an explicit {@code sync} snapshot, and in which the import
 * modes read the host directory. Directories come before their contents.
 */
public final class TreeSnapshot {
    /**
     * One node. {@code content} is shared, not copied: only {@code length}
     * bytes of it are the file.
     */
    public record Entry(String path, boolean directory, byte[] content, int length, long mtime, long ctime) {
    }

    private final List<Entry> entries;

    public TreeSnapshot(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Read a host directory (the import modes). Symbolic links and the VFS
     * store file are skipped, so nothing outside the root is ever read.
     */
    public static TreeSnapshot importHost(Path root) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return new TreeSnapshot(out);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String rel = "/" + root.relativize(p).toString().replace('\\', '/');
                if (a.isSymbolicLink() || rel.equals("/" + MountRequest.VFS_STORE)
                        || rel.startsWith("/" + MountRequest.VFS_STORE)) {
                    continue;
                }
                long mtime = a.lastModifiedTime().toMillis();
                long ctime = a.creationTime().toMillis();
                if (a.isDirectory()) {
                    out.add(new Entry(rel, true, null, 0, mtime, ctime));
                } else if (a.isRegularFile()) {
                    byte[] data = Files.readAllBytes(p);
                    out.add(new Entry(rel, false, data, data.length, mtime, ctime));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(out);
    }
}
