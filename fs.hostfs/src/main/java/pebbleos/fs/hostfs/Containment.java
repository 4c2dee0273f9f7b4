package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import pebbleos.api.Errno;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.VolumePaths;

/**
 * Maps volume paths to host paths and refuses (PERM) every one that would
 * leave the root: {@code ..} and the other non-normal forms (checked by
 * {@link VolumePaths}), and symbolic links inside the root whose target lies
 * outside, whether they lead to an existing file, to a directory through
 * which a new file would be created, or nowhere yet (a dangling link that a
 * write would create outside). The check runs on real paths, the way the
 * host resolves them. The VFS store file is reserved: it is not listed and
 * cannot be touched through the volume.
 */
final class Containment {
    /** More link hops than any sane tree has: treat as a loop. */
    private static final int MAX_HOPS = 40;

    private final Path root;
    private final Path realRoot;

    Containment(Path root) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /** True for names at the top of the root that belong to the VFS store. */
    static boolean reserved(String path) {
        int slash = path.indexOf('/', 1);
        String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
        return first.startsWith(MountRequest.VFS_STORE);
    }

    /** The host path of volume path {@code path}, checked to stay inside the root. */
    Path resolve(String path) {
        VolumePaths.check(path);
        if (VolumePaths.isRoot(path)) {
            return root;
        }
        if (reserved(path)) {
            throw FsErrors.of(Errno.PERM, "reserved for the VFS store", path);
        }
        Path host = root.resolve(path.substring(1));
        contain(host, path);
        return host;
    }

    /** PERM unless the nearest existing ancestor-or-self of {@code host}, links followed, is inside the root. */
    private void contain(Path host, String path) {
        Path probe = host;
        // only links count as hops: the walk up through missing folders is bounded by the path's depth
        int hops = 0;
        while (hops <= MAX_HOPS) {
            try {
                if (!probe.toRealPath().startsWith(realRoot)) {
                    throw FsErrors.escapes(path);
                }
                return;
            } catch (NoSuchFileException missing) {
                if (Files.isSymbolicLink(probe)) {
                    // a dangling link: where would a write through it land?
                    hops++;
                    try {
                        Path target = Files.readSymbolicLink(probe);
                        probe = probe.getParent().resolve(target).normalize();
                    } catch (IOException e) {
                        throw HostErrors.map(e, path);
                    }
                    if (!probe.toAbsolutePath().startsWith(realRoot) && !probe.toAbsolutePath().startsWith(root)) {
                        throw FsErrors.escapes(path);
                    }
                } else {
                    probe = probe.getParent();
                    if (probe == null) {
                        throw FsErrors.escapes(path);
                    }
                }
            } catch (IOException e) {
                throw HostErrors.map(e, path);
            }
        }
        throw FsErrors.escapes(path);
    }

    /** True when the entry {@code host} (a link or not) may be shown: links must stay inside. */
    boolean visible(Path host) {
        if (!Files.isSymbolicLink(host)) {
            return true;
        }
        try {
            return host.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            try {
                Path target = host.getParent().resolve(Files.readSymbolicLink(host)).normalize();
                return target.startsWith(realRoot) || target.startsWith(root);
            } catch (IOException again) {
                return false;
            }
        }
    }
}
