package pebbleos.api.fs;

import java.nio.file.Path;

/**
 * What a backend needs to mount the root volume.
 *
 * @param mode     the storage mode chosen at boot
 * @param hostRoot the host directory behind the disk ({@code --root}); hostfs serves it,
 *                 the import modes read it once, the VFS modes keep their store in it
 * @param handoff  the tree a predecessor volume gave up on replacement, or {@code null}
 */
public record MountRequest(String mode, Path hostRoot, TreeSnapshot handoff) {
    /** The file name of the VFS store inside the host root. */
    public static final String VFS_STORE = ".__pebble_vfs__.db";
}
