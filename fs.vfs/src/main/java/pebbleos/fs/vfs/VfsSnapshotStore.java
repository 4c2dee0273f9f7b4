package pebbleos.fs.vfs;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.fs.SnapshotStore;
import pebbleos.api.fs.TreeSnapshot;

/**
 * The VFS store as a {@link SnapshotStore}: how {@code mfs} writes an explicit
 * {@code sync} snapshot into the same store file that {@code vfs-persistent}
 * opens at the next boot. A save replaces the store's whole content in one
 * transaction and forces it to the device, and only when the store is empty
 * or a memory mode wrote it ({@link StoreRule}): another mode's store is
 * never replaced.
 */
@Component(service = SnapshotStore.class)
public final class VfsSnapshotStore implements SnapshotStore {
    private final VfsStores stores;

    @Activate
    public VfsSnapshotStore(@Reference VfsStores stores) {
        this.stores = stores;
    }

    @Override
    public void save(Path hostRoot, String mode, TreeSnapshot tree) {
        Store s = stores.acquire(hostRoot, mode, false);
        try {
            s.lock.writeLock().lock();
            try {
                StoreRule.mayReplace(s.writtenBy(), mode, mode + " sync");
                Trees.replace(s, tree);
                s.claim(mode);
                s.commit();
                s.sync();
            } finally {
                s.lock.writeLock().unlock();
            }
        } finally {
            stores.release(s);
        }
    }

    @Override
    public TreeSnapshot load(Path hostRoot) {
        Store s = stores.acquire(hostRoot, "vfs-persistent", false);
        try {
            s.lock.readLock().lock();
            try {
                return Trees.export(s);
            } finally {
                s.lock.readLock().unlock();
            }
        } finally {
            stores.release(s);
        }
    }
}
