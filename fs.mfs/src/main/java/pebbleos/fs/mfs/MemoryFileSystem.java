package pebbleos.fs.mfs;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.ProvidesFileSystem;
import pebbleos.api.fs.SnapshotStore;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;

/**
 * The in-memory backend, serving two modes: {@code mfs} starts empty,
 * {@code mfs-import} starts with a copy of the host directory read once at
 * mount. Either way nothing is written to the disk except by an explicit
 * {@code sync}, which goes through the optional {@link SnapshotStore} (the VFS
 * store of {@code fs.vfs}). On a hot swap the successor adopts the tree its
 * predecessor hands over, so an update of this bundle loses nothing.
 */
@ProvidesFileSystem({"mfs", "mfs-import"})
@Component(service = FileSystem.class, immediate = true,
        property = {FileSystem.MODE + "=mfs", FileSystem.MODE + "=mfs-import"})
public final class MemoryFileSystem implements FileSystem {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SnapshotStore store;

    public MemoryFileSystem() {
    }

    /** Outside OSGi (tests, benchmarks): a backend with a fixed store, or none. */
    public MemoryFileSystem(SnapshotStore store) {
        this.store = store;
    }

    @Override
    public List<String> modes() {
        return List.of("mfs", "mfs-import");
    }

    @Override
    public Volume mount(MountRequest request) {
        TreeSnapshot start = request.handoff();
        if (start == null && "mfs-import".equals(request.mode()) && !request.resume()) {
            start = TreeSnapshot.importHost(request.hostRoot());
        }
        return new MemoryVolume(request.mode(), request.hostRoot(), TreeHandover.adopt(start), () -> store);
    }
}
