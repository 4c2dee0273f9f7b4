package pebbleos.fs.vfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.h2.mvstore.MVStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.MountRequest;

/**
 * The open VFS stores of this bundle, one per file. An MVStore file can be
 * open only once (it is locked), yet the mounted volume and the
 * {@code SnapshotStore} service may both need the same one: they share it
 * through here, and the last user closes it.
 */
@Component(service = VfsStores.class)
public final class VfsStores {
    private final Map<Path, Store> open = new HashMap<>();

    /**
     * The store of host root {@code hostRoot} for {@code mode}, opened (made
     * if missing). {@code fresh}: the store is emptied for a new import
     * ({@code vfs-import}), which only a store of that same mode or an empty
     * one allows: see {@link StoreRule}.
     */
    synchronized Store acquire(Path hostRoot, String mode, boolean fresh) {
        Path file = hostRoot.toAbsolutePath().normalize().resolve(MountRequest.VFS_STORE);
        Store s = open.get(file);
        if (s != null && fresh) {
            throw new PebbleException(Errno.BUSY, "the VFS store is in use: " + MountRequest.VFS_STORE);
        }
        if (s == null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new PebbleException(Errno.IO, "cannot prepare the VFS store: " + e.getMessage());
            }
            s = Store.open(file);
            if (fresh) {
                try {
                    StoreRule.mayReplace(s.writtenBy(), mode, mode);
                } catch (PebbleException refused) {
                    s.close();
                    throw refused;
                }
                s.close();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new PebbleException(Errno.IO, "cannot replace the VFS store: " + e.getMessage());
                }
                s = Store.open(file);
            }
            open.put(file, s);
        }
        s.retain();
        return s;
    }

    /**
     * The store of {@code hostRoot} on {@code mv}, an MVStore the previous
     * revision of this bundle handed over still open (a hot swap): no close
     * and reopen, which would lengthen the swap.
     */
    synchronized Store adopt(Path hostRoot, MVStore mv) {
        Path file = hostRoot.toAbsolutePath().normalize().resolve(MountRequest.VFS_STORE);
        Store s = open.get(file);
        if (s == null) {
            s = Store.adopt(file, mv);
            open.put(file, s);
        } else if (s.mvStore() != mv) {
            mv.close(); // this file is already open here: the handed-over copy would only leak
        }
        s.retain();
        return s;
    }

    /**
     * Give up {@code s} for a hot-swap successor. If it has no other user it
     * leaves these books still open, committed, and its MVStore is returned
     * (so that this bundle's deactivation does not close it); otherwise it is
     * released as usual and {@code null} returned.
     */
    synchronized MVStore handOver(Store s) {
        if (!s.release()) {
            return null;
        }
        open.remove(s.file());
        try {
            s.commit();
        } catch (RuntimeException e) {
            s.close();
            return null;
        }
        return s.mvStore();
    }

    synchronized void release(Store s) {
        if (s.release()) {
            open.remove(s.file());
            s.close();
        }
    }

    @Deactivate
    synchronized void closeAll() {
        for (Store s : open.values()) {
            s.close();
        }
        open.clear();
    }
}
