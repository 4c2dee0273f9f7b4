package pebbleos.fs.vfs;

import java.util.List;

import org.h2.mvstore.MVStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.ProvidesFileSystem;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;

/**
 * The VFS backend, on the store {@code .__pebble_vfs__.db} in the host root.
 * {@code vfs-persistent}: the store is the truth across boots (created if
 * missing). {@code vfs-import}: at boot the host directory is imported into a
 * fresh store (an older store there is replaced when {@code vfs-import} made
 * it, refused otherwise: {@link StoreRule}), which is then the
 * session's truth, written on every change. A hot-swap successor
 * ({@link MountRequest#resume()}) takes over the store its predecessor
 * handed over still open, or reopens it as it is, in both modes.
 */
@ProvidesFileSystem({"vfs-import", "vfs-persistent"})
@Component(service = FileSystem.class, immediate = true,
        property = {FileSystem.MODE + "=vfs-import", FileSystem.MODE + "=vfs-persistent"})
public final class VfsFileSystem implements FileSystem {
    private final VfsStores stores;

    @Activate
    public VfsFileSystem(@Reference VfsStores stores) {
        this.stores = stores;
    }

    @Override
    public List<String> modes() {
        return List.of("vfs-import", "vfs-persistent");
    }

    @Override
    public Volume mount(MountRequest request) {
        boolean importing = "vfs-import".equals(request.mode()) && !request.resume();
        MVStore handed = request.resume() && request.handoff() != null
                ? request.handoff().openStore(MVStore.class) : null;
        Store store = handed != null ? stores.adopt(request.hostRoot(), handed)
                : stores.acquire(request.hostRoot(), request.mode(), importing);
        if (importing) {
            TreeSnapshot host = TreeSnapshot.importHost(request.hostRoot());
            store.lock.writeLock().lock();
            try {
                Trees.replace(store, host);
                store.claim(request.mode());
                store.commit();
            } finally {
                store.lock.writeLock().unlock();
            }
        } else if (!request.mode().equals(store.writtenBy())) {
            // vfs-persistent opens the store as it is (a synced mfs snapshot, a vfs-import session)
            // and owns it from now on: only it may replace it later
            store.lock.writeLock().lock();
            try {
                store.claim(request.mode());
                store.commit();
            } finally {
                store.lock.writeLock().unlock();
            }
        }
        return new VfsVolume(request.mode(), store, stores);
    }
}
