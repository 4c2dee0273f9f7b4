package pebbleos.api.fs;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The VFS store as a place for whole-tree snapshots. It exists so that the
 * in-memory backend ({@code fs.mfs}) can honour an explicit {@code sync}
 * without knowing the store's format: {@code fs.vfs} provides this service
 * over the same file ({@link MountRequest#VFS_STORE} in the host root) that
 * its persistent modes use, so a synced {@code mfs} tree is what a later
 * {@code vfs-persistent} boot opens. Images without {@code fs.vfs} have no
 * such service and {@code sync} fails there with NOSYS.
 */
@ConsumerType
public interface SnapshotStore {
    /**
     * Replace the content of the store in {@code hostRoot} with {@code tree},
     * durably, as {@code mode} ({@code mfs}, {@code mfs-import}), which the
     * store's header records. Refused with EXIST, the store untouched, when
     * the store there was written by another kind of mode (a
     * {@code vfs-persistent} store is never replaced by a snapshot).
     */
    void save(Path hostRoot, String mode, TreeSnapshot tree);

    /** The whole content of the store in {@code hostRoot}; an empty tree when there is no store. */
    TreeSnapshot load(Path hostRoot);
}
