package pebbleos.fs.vfs;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.MountRequest;

/**
 * The rule that keeps one storage mode from replacing another's store. A
 * folder has one VFS store ({@link MountRequest#VFS_STORE}), whose header
 * names the mode that wrote it ({@link Store#writtenBy()}). Replacing its
 * whole content (a {@code vfs-import} boot imports afresh; an {@code mfs}
 * {@code sync} writes its snapshot) is allowed only when the store is empty
 * or was written by a mode of the same kind: the two memory modes share one
 * kind (a snapshot), each VFS mode is its own. Anything else is refused with
 * EXIST, naming the store that is there, and the store is left as it was.
 * {@code vfs-persistent} never replaces: it opens the store as it is (a
 * synced snapshot, an import session) and owns it from then on.
 */
final class StoreRule {
    private StoreRule() {
    }

    /** Which stores a mode may replace: memory snapshots among themselves, a VFS mode only its own. */
    static String kind(String mode) {
        return mode.startsWith("mfs") ? "mfs" : mode;
    }

    /** EXIST unless {@code mode} may replace a store written by {@code writtenBy} ({@code null}: empty). */
    static void mayReplace(String writtenBy, String mode, String action) {
        if (writtenBy == null || kind(writtenBy).equals(kind(mode))) {
            return;
        }
        String hint = mode.startsWith("mfs")
                ? "boot with --fs-mode vfs-persistent to use that store, or sync an mfs session in another folder"
                : "boot with --fs-mode vfs-persistent to use it, or import another folder";
        // "<reason>: <detail>", the form of every fs error: sync shows the reason, a boot all of it
        throw new PebbleException(Errno.EXIST, "the folder holds a " + writtenBy + " store (" + MountRequest.VFS_STORE
                + ") that " + action + " does not replace: " + hint);
    }
}
