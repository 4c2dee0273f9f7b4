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
 * transaction and forces it to the device.
 */
@Component(service = SnapshotStore.class)
public final class VfsSnapshotStore implements SnapshotStore {
    private final VfsStores stores;

    @Activate
    public VfsSnapshotStore(@Reference VfsStores stores) {
        this.stores = stores;
    }

    @Override
    public void save(Path hostRoot, TreeSnapshot tree) {
        Store s = stores.acquire(hostRoot, false);
        try {
            s.lock.writeLock().lock();
            try {
                Trees.replace(s, tree);
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
        Store s = stores.acquire(hostRoot, false);
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
