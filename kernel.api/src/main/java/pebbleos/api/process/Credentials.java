package pebbleos.api.process;

import java.util.List;

/**
 * Who a process is: its real and effective user and group ids and its
 * supplementary groups. The effective ids are what the kernel checks
 * ({@code kernel.fs} against a file's owner, group and mode); the real ones
 * say who started it (a set-user-id program runs with the file owner's
 * effective uid and the invoker's real one). Children inherit them; only
 * uid 0 may change them. Immutable: a change makes a new value.
 *
 * @param uid    the real user id
 * @param euid   the effective user id
 * @param gid    the real group id
 * @param egid   the effective group id
 * @param groups the supplementary groups
 */
public record Credentials(int uid, int euid, int gid, int egid, List<Integer> groups) {
    /** The superuser's, with no supplementary groups: the kernel's own processes. */
    public static final Credentials ROOT = new Credentials(0, 0, 0, 0, List.of());

    public Credentials {
        groups = List.copyOf(groups);
    }

    /** Real and effective {@code uid} and {@code gid}, no supplementary groups. */
    public static Credentials of(int uid, int gid) {
        return new Credentials(uid, uid, gid, gid, List.of());
    }

    /** True when the effective uid is 0: every permission check passes (execute needs an x bit somewhere). */
    public boolean root() {
        return euid == 0;
    }

    /** True when {@code group} is the effective group or a supplementary one. */
    public boolean inGroup(int group) {
        return egid == group || groups.contains(group);
    }

    /** Real and effective uid set to {@code newUid} (setuid by root). */
    public Credentials withUid(int newUid) {
        return new Credentials(newUid, newUid, gid, egid, groups);
    }

    /** Real and effective gid set to {@code newGid} (setgid by root). */
    public Credentials withGid(int newGid) {
        return new Credentials(uid, euid, newGid, newGid, groups);
    }

    public Credentials withGroups(List<Integer> newGroups) {
        return new Credentials(uid, euid, gid, egid, newGroups);
    }

    /** The effective ids a set-user-id or set-group-id program gives ({@code -1}: unchanged). */
    public Credentials withEffective(int newEuid, int newEgid) {
        return new Credentials(uid, newEuid < 0 ? euid : newEuid, gid, egid, groups).withEgid(newEgid);
    }

    private Credentials withEgid(int newEgid) {
        return newEgid < 0 ? this : new Credentials(uid, euid, gid, newEgid, groups);
    }
}
