package pebbleos.api.fs;

/**
 * Who owns a file or directory and what its mode allows: the owner's uid, the
 * group's gid and the mode bits (rwx for the user, the group and others, plus
 * set-user-id, set-group-id and the sticky bit). A backend stores them on
 * every node, in every storage mode; the kernel decides what a process may do
 * with them (see {@code kernel.fs}'s {@code Access}).
 *
 * <p>The kernel hands an {@code Ownership} to the volume when it creates a
 * node, so the node is born with its owner: there is no moment at which it
 * exists with another one.
 *
 * @param uid  the owner
 * @param gid  the group
 * @param mode the permission bits, {@link #MODE_BITS} of them
 */
public record Ownership(int uid, int gid, int mode) {
    /** The superuser. */
    public static final int ROOT = 0;
    /**
     * The disk's own user, {@code pebble}: the owner of {@code /} in every mode
     * and of everything on a disk that no one recorded an owner for (files the
     * host user put into a hostfs folder, files the import modes read from it).
     */
    public static final int DISK_USER = 1000;
    /** The disk user's group, {@code pebble}. */
    public static final int DISK_GROUP = 1000;

    /** Set-user-id: a program in {@code /system} with this bit runs as the file's owner. */
    public static final int SET_UID = 04000;
    /** Set-group-id: a program runs with the file's group; a directory gives its group to new entries. */
    public static final int SET_GID = 02000;
    /** Sticky: in such a directory only an entry's owner (or root) may remove or rename it. */
    public static final int STICKY = 01000;
    /** Every bit a mode may hold. */
    public static final int MODE_BITS = 07777;
    /** The read, write and execute bits of user, group and others. */
    public static final int PERMISSION_BITS = 0777;

    /** What the kernel's own files get when no one asked for more: root's, 0644. */
    public static final Ownership ROOT_FILE = new Ownership(ROOT, ROOT, 0644);
    /** What the kernel's own directories get: root's, 0755. */
    public static final Ownership ROOT_DIRECTORY = new Ownership(ROOT, ROOT, 0755);

    public Ownership {
        mode &= MODE_BITS;
    }

    /** The disk user's, with {@code mode}. */
    public static Ownership diskUser(int mode) {
        return new Ownership(DISK_USER, DISK_GROUP, mode);
    }

    /** The mode a node of {@code kind} has when nothing else is known: 0755 for directories, 0666 for devices, 0600 for pipes, else 0644. */
    public static int defaultMode(String kind) {
        return switch (kind) {
            case FileStat.DIRECTORY -> 0755;
            case FileStat.DEVICE -> 0666;
            case FileStat.PIPE -> 0600;
            default -> 0644;
        };
    }

    public Ownership withMode(int newMode) {
        return new Ownership(uid, gid, newMode);
    }

    public Ownership withOwner(int newUid, int newGid) {
        return new Ownership(newUid, newGid, mode);
    }
}
