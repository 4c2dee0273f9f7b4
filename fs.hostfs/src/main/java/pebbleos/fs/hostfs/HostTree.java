package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.VolumePaths;

/**
 * The host root as a directory handle, and the resolution of volume paths
 * from it without a race. The root is opened once, at mount; every path is
 * then walked one component at a time, each directory opened relative to its
 * parent's handle with {@code O_NOFOLLOW} ({@link SecureDirectoryStream}, which
 * is {@code openat} on Linux and macOS), and the operation itself runs
 * relative to the last handle, never on a path string the host resolves
 * again. A host process that swaps a directory of the tree for a link to the
 * outside between two steps makes the step fail (the open refuses to follow
 * the link) and the walk look at the entry again: a link is only ever
 * followed by this class, which reads its target and resolves it inside the
 * volume. Links inside the root therefore work; one whose target leaves the
 * root (an absolute host path outside it, or {@code ..} above the top) is
 * refused with PERM, as is a loop (more than 40 links in one resolution).
 *
 * <p>Reading a link's target is the one step done on a host path (the JDK has
 * no {@code readlinkat}); whatever it reads is resolved here, inside the
 * root, so a swap can at worst make a link lead somewhere else inside.
 *
 * <p>The names at the top of the root that start with
 * {@link #RESERVED_PREFIX} belong to the system (the VFS and mfs stores,
 * the staging of new directories): they are not listed and cannot be
 * reached through the volume.
 */
final class HostTree implements AutoCloseable {
    /** Names at the top of the root that the volume hides and refuses (the stores, mkdir's staging). */
    static final String RESERVED_PREFIX = ".__pebble_";
    /** The names under which {@link HostVolume#mkdir} makes a directory before moving it into place. */
    static final String STAGING_PREFIX = RESERVED_PREFIX + "mkdir_";
    /** More link hops than any sane tree has: treat as a loop. */
    private static final int MAX_HOPS = 40;
    /** How often one component is looked at again when it changes under the walk. */
    private static final int MAX_RETRIES = 100;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final Path realRoot;
    private final SecureDirectoryStream<Path> rootHandle;

    HostTree(Path root) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        DirectoryStream<Path> stream = Files.newDirectoryStream(realRoot);
        if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
            stream.close();
            throw new PebbleException(Errno.NOSYS,
                    "hostfs needs directory handles (openat) that this host does not offer; use --fs-mode mfs-import");
        }
        this.rootHandle = secure;
        removeStaging();
    }

    /** New directories left at the top by a crash between their making and their move. */
    private void removeStaging() throws IOException {
        try (SecureDirectoryStream<Path> top = rootHandle.newDirectoryStream(Path.of("."), NOFOLLOW)) {
            for (Path entry : top) {
                if (entry.getFileName().toString().startsWith(STAGING_PREFIX)) {
                    try {
                        rootHandle.deleteDirectory(entry.getFileName());
                    } catch (IOException e) {
                        // not empty (someone else's), or gone: leave it
                    }
                }
            }
        }
    }

    /** The root with links resolved, as at mount. */
    Path realRoot() {
        return realRoot;
    }

    /** The host path of the root, as given at mount. */
    Path root() {
        return root;
    }

    /** The root's own handle (never closed by callers). */
    SecureDirectoryStream<Path> rootHandle() {
        return rootHandle;
    }

    /** True for a top-level name the volume keeps for itself. */
    static boolean reservedName(String name) {
        return name.startsWith(RESERVED_PREFIX) || name.startsWith(MountRequest.VFS_STORE);
    }

    /** True for volume paths whose first component is reserved. */
    static boolean reserved(String path) {
        int slash = path.indexOf('/', 1);
        return reservedName(slash < 0 ? path.substring(1) : path.substring(1, slash));
    }

    @Override
    public void close() throws IOException {
        rootHandle.close();
    }

    // ------------------------------------------------------------------ resolution

    /**
     * Where a volume path ends: an open handle on its parent directory and the
     * final name (links in the parent chain followed inside the root; the final
     * name itself followed too when the walk was asked to). For the root,
     * {@code name} is {@code "."}. The caller closes it (the root's handle
     * itself stays open).
     *
     * @param directory the parent's handle
     * @param name      the final component, to use relative to {@code directory}
     * @param path      the volume path the walk reached (links resolved), for errors and link targets
     */
    record Place(HostTree tree, SecureDirectoryStream<Path> directory, String name, String path) implements AutoCloseable {
        /** The final name as a relative path for the handle's calls. */
        Path entry() {
            return Path.of(name);
        }

        boolean isRoot() {
            return VolumePaths.isRoot(path);
        }

        /** The entry's own attributes (a link is not followed), or {@code null} when there is none. */
        BasicFileAttributes attributes() throws IOException {
            try {
                return directory.getFileAttributeView(entry(), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        /** Open the entry as a directory handle, refusing to follow a link. */
        SecureDirectoryStream<Path> openDirectory() throws IOException {
            return directory.newDirectoryStream(entry(), NOFOLLOW);
        }

        @Override
        public void close() {
            tree.release(directory);
        }
    }

    /**
     * Resolve {@code path} (a checked volume path) to the handle of its parent
     * and its final name. {@code followLast}: a final link is followed too
     * (stat, open, read, write); otherwise the final name is the link itself
     * (delete, rename, rmdir). A missing final name is fine (the caller may be
     * about to create it); a missing directory on the way is NOENT.
     */
    Place locate(String path, boolean followLast) {
        VolumePaths.check(path);
        if (!VolumePaths.isRoot(path) && reserved(path)) {
            throw FsErrors.of(Errno.PERM, "reserved for the system", path);
        }
        Walk walk = new Walk(path);
        try {
            walk.pending.addAll(components(path));
            while (true) {
                if (walk.pending.isEmpty()) {
                    return walk.place(); // the root, "a/.", or a link to a directory's "."
                }
                String name = walk.pending.pollLast();
                walk.enterAll();
                if (name.equals(".") || name.isEmpty()) {
                    return walk.place();
                }
                if (name.equals("..")) {
                    walk.up();
                    return walk.place();
                }
                walk.refuseReserved(name);
                if (!followLast) {
                    return walk.handOver(name);
                }
                BasicFileAttributes a = lstat(walk.directory, name);
                if (a == null || !a.isSymbolicLink()) {
                    return walk.handOver(name); // missing (about to be made), a file or a directory
                }
                if (!walk.expandLink(name)) {
                    walk.pending.addLast(name); // it changed under us: look again
                }
            }
        } catch (IOException e) {
            walk.close();
            throw HostErrors.map(e, path);
        } catch (RuntimeException e) {
            walk.close();
            throw e;
        }
    }

    /**
     * Visit every directory above {@code path}, from the root down to its
     * parent, each as a lookup of that prefix would find it (links followed
     * inside the root), with its resolved volume path and its own attributes
     * (read from its handle, so they are the attributes of the directory the
     * walk is in). One walk serves the whole chain: the kernel's search
     * permission check asks about every directory on a path, and a lookup
     * per prefix would walk the path once per level. The visit stops,
     * without an error, at a prefix that is missing or not a directory (the
     * operation itself reports that).
     */
    void directoriesAbove(String path, DirectoryVisitor visitor) {
        VolumePaths.check(path);
        Walk walk = new Walk(path);
        try {
            visitor.visit("/", directoryAttributes(rootHandle));
            List<String> names = components(path);
            if (names.isEmpty() || reservedName(names.get(0))) {
                return;
            }
            for (String name : names.subList(0, names.size() - 1)) {
                walk.pending.addLast(name);
                PebbleException failed = null;
                try {
                    walk.enterAll();
                } catch (IOException e) {
                    failed = HostErrors.map(e, path);
                } catch (PebbleException e) {
                    failed = e;
                }
                if (failed != null) {
                    if (failed.errno() == Errno.NOENT || failed.errno() == Errno.NOTDIR) {
                        return; // gone, or never there: the operation says so
                    }
                    throw failed;
                }
                visitor.visit(walk.resolvedPath(), directoryAttributes(walk.directory));
            }
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        } finally {
            walk.close();
        }
    }

    /** What {@link #directoriesAbove} hands over for each directory. */
    @FunctionalInterface
    interface DirectoryVisitor {
        void visit(String resolvedPath, BasicFileAttributes attributes) throws IOException;
    }

    /** A directory's own attributes, from its handle: POSIX ones where the host has them. */
    private static BasicFileAttributes directoryAttributes(SecureDirectoryStream<Path> directory) throws IOException {
        PosixFileAttributeView posix = directory.getFileAttributeView(PosixFileAttributeView.class);
        if (posix != null) {
            return posix.readAttributes();
        }
        return directory.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
    }

    /**
     * One resolution in progress: the directory reached (an open handle), the
     * names that lead to it from the root, and the names still to go, into
     * which a link's target is spliced. It owns the handle it holds until
     * {@link #handOver} passes it to a {@link Place} or {@link #close}
     * releases it.
     */
    private final class Walk implements AutoCloseable {
        private final String path;
        final Deque<String> pending = new ArrayDeque<>();
        private final List<String> resolved = new ArrayList<>();
        SecureDirectoryStream<Path> directory = rootHandle;
        private int hops;
        private int retries;

        Walk(String path) {
            this.path = path;
        }

        /** Go into every pending name as a directory (links followed inside the root); NOENT or NOTDIR where one is not. */
        void enterAll() throws IOException {
            while (!pending.isEmpty()) {
                String name = pending.pollFirst();
                if (name.equals(".") || name.isEmpty()) {
                    continue;
                }
                if (name.equals("..")) {
                    up();
                    continue;
                }
                refuseReserved(name);
                BasicFileAttributes a = lstat(directory, name);
                if (a == null) {
                    throw FsErrors.notFound(path);
                }
                if (a.isSymbolicLink()) {
                    if (!expandLink(name)) {
                        pending.addFirst(name); // it changed under us: look again
                    }
                    continue;
                }
                if (!a.isDirectory()) {
                    throw FsErrors.notDirectory(path);
                }
                SecureDirectoryStream<Path> child;
                try {
                    child = directory.newDirectoryStream(Path.of(name), NOFOLLOW);
                } catch (NoSuchFileException e) {
                    throw FsErrors.notFound(path);
                } catch (FileSystemException e) {
                    // swapped for a link (or something else) since the look: look again
                    pending.addFirst(name);
                    retry();
                    continue;
                }
                release(directory);
                directory = child;
                resolved.add(name);
            }
        }

        /**
         * Splice the target of link {@code name} (in the current directory)
         * into the pending names: an absolute target that lies inside the root
         * restarts the walk at the root. False when the entry is no longer a link.
         */
        boolean expandLink(String name) throws IOException {
            if (++hops > MAX_HOPS) {
                throw FsErrors.of(Errno.PERM, "too many levels of symbolic links", path);
            }
            String target = readLink(resolved, name, path);
            if (target == null) {
                retry();
                return false;
            }
            List<String> targetParts = components(target);
            if (target.startsWith("/")) {
                targetParts = inside(Path.of(target), path);
                resolved.clear();
                release(directory);
                directory = rootHandle;
            }
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                pending.addFirst(targetParts.get(i));
            }
            if (targetParts.isEmpty()) {
                pending.addFirst(".");
            }
            return true;
        }

        /** {@code ..}: the parent of the directory reached, opened again from the root; never above the root. */
        void up() throws IOException {
            if (resolved.isEmpty()) {
                throw FsErrors.escapes(path);
            }
            resolved.remove(resolved.size() - 1);
            release(directory);
            directory = rootHandle;
            directory = reopen(resolved, path);
        }

        void refuseReserved(String name) {
            if (resolved.isEmpty() && reservedName(name)) {
                throw FsErrors.of(Errno.PERM, "reserved for the system", path);
            }
        }

        String resolvedPath() {
            return "/" + String.join("/", resolved);
        }

        /** The place of {@code name} in the directory reached; the place now owns the handle. */
        Place handOver(String name) {
            Place place = new Place(HostTree.this, directory, name, join(resolved, name));
            directory = rootHandle;
            return place;
        }

        /** The place of the directory reached itself (its parent's handle and its name). */
        Place place() throws IOException {
            release(directory);
            directory = rootHandle;
            if (resolved.isEmpty()) {
                return new Place(HostTree.this, rootHandle, ".", "/");
            }
            List<String> parent = resolved.subList(0, resolved.size() - 1);
            String name = resolved.get(resolved.size() - 1);
            return new Place(HostTree.this, reopen(parent, path), name, join(parent, name));
        }

        private void retry() {
            HostTree.retry(++retries, path);
        }

        @Override
        public void close() {
            release(directory);
            directory = rootHandle;
        }
    }

    /** Open the chain of directories {@code names} from the root again (after {@code ..} in a link). */
    private SecureDirectoryStream<Path> reopen(List<String> names, String path) throws IOException {
        SecureDirectoryStream<Path> directory = rootHandle;
        for (String name : names) {
            SecureDirectoryStream<Path> child;
            try {
                child = directory.newDirectoryStream(Path.of(name), NOFOLLOW);
            } catch (IOException e) {
                release(directory);
                // a directory that a link's ".." passed through has changed meanwhile
                if (e instanceof NoSuchFileException) {
                    throw e;
                }
                throw FsErrors.escapes(path);
            }
            release(directory);
            directory = child;
        }
        return directory;
    }

    private static void retry(int retries, String path) {
        if (retries > MAX_RETRIES) {
            throw FsErrors.of(Errno.AGAIN, "the host directory keeps changing", path);
        }
    }

    private static BasicFileAttributes lstat(SecureDirectoryStream<Path> directory, String name) throws IOException {
        try {
            return directory.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A link's target, or {@code null} when the entry is no longer a link. */
    private String readLink(List<String> resolved, String name, String path) {
        Path host = realRoot;
        for (String r : resolved) {
            host = host.resolve(r);
        }
        try {
            return Files.readSymbolicLink(host.resolve(name)).toString();
        } catch (java.nio.file.NotLinkException | NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    /** The volume components of an absolute host path that lies inside the root; PERM otherwise. */
    private List<String> inside(Path target, String path) {
        Path t = target.normalize();
        Path base = t.startsWith(realRoot) ? realRoot : t.startsWith(root) ? root : null;
        if (base == null) {
            throw FsErrors.escapes(path);
        }
        List<String> out = new ArrayList<>();
        for (Path p : base.relativize(t)) {
            if (!p.toString().isEmpty()) {
                out.add(p.toString());
            }
        }
        return out;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static String join(List<String> resolved, String name) {
        StringBuilder b = new StringBuilder();
        for (String r : resolved) {
            b.append('/').append(r);
        }
        return b.append('/').append(name).toString();
    }

    /** Close a handle the walk opened (never the root's). */
    void release(SecureDirectoryStream<Path> directory) {
        if (directory != null && directory != rootHandle) {
            try {
                directory.close();
            } catch (IOException e) {
                // closing a directory handle does not fail in a way that matters
            }
        }
    }
}
