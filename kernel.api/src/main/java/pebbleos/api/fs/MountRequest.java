package pebbleos.api.fs;

import java.nio.file.Path;

/**
 * What a backend needs to mount the root volume.
 *
 * @param mode     the storage mode chosen at boot
 * @param hostRoot the host directory behind the disk ({@code --root}); hostfs serves it,
 *                 the import modes read it once, the VFS modes keep their store in it
 * @param handoff  the tree a predecessor volume gave up on replacement, or {@code null}
 * @param resume   true when the volume takes over from a predecessor of the same session
 *                 (a hot swap): the import modes must not import the host directory again,
 *                 persistent ones reopen their store as it is
 */
public record MountRequest(String mode, Path hostRoot, TreeSnapshot handoff, boolean resume) {
    /** The file name of the VFS store inside the host root. */
    public static final String VFS_STORE = ".__pebble_vfs__.db";
    /**
     * The file name of hostfs's owners store (the owner, group and mode of
     * each node) inside the host root. It begins with {@link #VFS_STORE}, so
     * every rule that hides and protects the VFS store's name (listings,
     * counts, imports, the volume's reserved names) covers it too.
     */
    public static final String OWNERS_STORE = VFS_STORE + ".owners";

    /** A first mount (at boot), or a hand-over of {@code handoff} when it is not {@code null}. */
    public MountRequest(String mode, Path hostRoot, TreeSnapshot handoff) {
        this(mode, hostRoot, handoff, handoff != null);
    }
}
