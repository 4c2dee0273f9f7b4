package pebbleos.api.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import pebbleos.api.fs.memory.DirectoryNode;
import pebbleos.api.fs.memory.FileNode;
import pebbleos.api.fs.memory.Node;

/**
 * A whole file tree in plain JDK types: the form in which an in-memory volume
 * hands its state to a successor from another bundle revision, in which
 * {@code mfs} writes an explicit {@code sync} snapshot, and in which the import
 * modes read the host directory. Directories come before their contents.
 *
 * <p>A snapshot made {@link #live} carries an in-memory tree itself, so that a
 * successor of the same kind adopts it in O(1); its entries are listed on
 * demand for anyone else. Such a snapshot belongs to the one volume that
 * adopts it: the tree is not copied and changes under it afterwards.
 * Likewise a persistent volume may hand over its {@link #openStore open
 * store}, sparing its successor a close and a reopen.
 */
public final class TreeSnapshot {
    /**
     * One node. {@code content} is shared, not copied: only {@code length}
     * bytes of it are the file. {@code owner} is its owner, group and mode.
     */
    public record Entry(String path, boolean directory, byte[] content, int length, long mtime, long ctime,
            Ownership owner) {
        /** A node of the disk user's, mode 0755 for a directory and 0644 for a file. */
        public Entry(String path, boolean directory, byte[] content, int length, long mtime, long ctime) {
            this(path, directory, content, length, mtime, ctime, Ownership.diskUser(directory ? 0755 : 0644));
        }
    }

    private final List<Entry> entries;
    private final DirectoryNode live;
    private final AutoCloseable store;

    public TreeSnapshot(List<Entry> entries) {
        this(Collections.unmodifiableList(new ArrayList<>(entries)), null, null);
    }

    private TreeSnapshot(List<Entry> entries, DirectoryNode live, AutoCloseable store) {
        this.entries = entries;
        this.live = live;
        this.store = store;
    }

    /** A snapshot that hands over {@code root} itself, not a copy of it. */
    public static TreeSnapshot live(DirectoryNode root) {
        return new TreeSnapshot(null, root, null);
    }

    /**
     * A snapshot that hands over an open store, of a type from a bundle both
     * revisions of the backend share (MVStore, say). It lists no entries: the
     * tree is in the store. Whoever drops it unadopted must {@link #discard} it.
     */
    public static TreeSnapshot openStore(AutoCloseable store) {
        return new TreeSnapshot(List.of(), null, store);
    }

    /** The open store handed over, if it is a {@code type}; else {@code null}. */
    public <T> T openStore(Class<T> type) {
        return type.isInstance(store) ? type.cast(store) : null;
    }

    /** Give up a snapshot no volume adopted: an open store in it is closed (failures are ignored). */
    public void discard() {
        if (store != null) {
            try {
                store.close();
            } catch (Exception | AssertionError e) {
                // its committed state is on disk; nothing more can be done here
            }
        }
    }

    /** The in-memory tree handed over as it is, or {@code null} for a list of entries. */
    public DirectoryNode liveTree() {
        return live;
    }

    /** Every node, directories before their contents (listed now for a live tree). */
    public List<Entry> entries() {
        if (live == null) {
            return entries;
        }
        List<Entry> out = new ArrayList<>();
        list(live, "", out);
        return Collections.unmodifiableList(out);
    }

    private static void list(DirectoryNode directory, String prefix, List<Entry> out) {
        for (Map.Entry<String, Node> e : directory.children.entrySet()) {
            String path = prefix + "/" + e.getKey();
            Node n = e.getValue();
            if (n instanceof FileNode f) {
                out.add(new Entry(path, false, f.data, f.length, f.mtime, f.ctime, f.ownership()));
            } else {
                out.add(new Entry(path, true, null, 0, n.mtime, n.ctime, n.ownership()));
                list((DirectoryNode) n, path, out);
            }
        }
    }

    /**
     * Read a host directory (the import modes). Symbolic links and the VFS
     * store file are skipped, so nothing outside the root is ever read.
     * Every node belongs to the disk user, with the host's permission bits
     * where the host has them (as an unrecorded file of hostfs does).
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
                BasicFileAttributes a = hostAttributes(p);
                String rel = "/" + root.relativize(p).toString().replace('\\', '/');
                if (a.isSymbolicLink() || rel.equals("/" + MountRequest.VFS_STORE)
                        || rel.startsWith("/" + MountRequest.VFS_STORE)) {
                    continue;
                }
                long mtime = a.lastModifiedTime().toMillis();
                long ctime = a.creationTime().toMillis();
                Ownership owner = Ownership.diskUser(hostMode(a));
                if (a.isDirectory()) {
                    out.add(new Entry(rel, true, null, 0, mtime, ctime, owner));
                } else if (a.isRegularFile()) {
                    byte[] data = Files.readAllBytes(p);
                    out.add(new Entry(rel, false, data, data.length, mtime, ctime, owner));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(out);
    }

    /** The attributes of a host path, not following links: POSIX ones (with permission bits) where the host has them. */
    public static BasicFileAttributes hostAttributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException notPosix) {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The host's permission bits of a node ({@code rwxrwxrwx}), or 0755/0644 where the host has none. */
    public static int hostMode(BasicFileAttributes a) {
        if (!(a instanceof PosixFileAttributes posix)) {
            return a.isDirectory() ? 0755 : 0644;
        }
        int mode = 0;
        for (PosixFilePermission p : posix.permissions()) {
            mode |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }
}
