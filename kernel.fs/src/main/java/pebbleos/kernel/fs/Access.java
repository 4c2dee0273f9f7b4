package pebbleos.kernel.fs;

import java.util.List;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.process.Credentials;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.kernel.fs.fd.OpenMode;

/**
 * The permission checks of every file operation, against the calling
 * process's credentials, in front of the {@link Namespace}. The rules are
 * Unix's:
 * <ul>
 * <li>every directory on a path needs search (x) permission;</li>
 * <li>reading a file or listing a directory needs r, changing a file w;</li>
 * <li>creating, removing or renaming an entry needs w and x on its
 *     directory; in a sticky directory only the entry's owner (or root) may
 *     remove or rename it (stricter than Linux, which also lets the
 *     directory's owner: {@code /} belongs to the disk user, yet {@code /etc}
 *     must stay root's); moving a directory to another parent needs w on
 *     it too (its {@code ..} changes);</li>
 * <li>mode changes are for the owner, owner and group changes for root;</li>
 * <li>uid 0 passes every check, except that executing needs an x bit
 *     somewhere.</li>
 * </ul>
 * Which bits apply: the owner's when the effective uid owns the node, else
 * the group's when the effective gid or a supplementary group is its group,
 * else the others'. A new node gets the effective uid, the effective gid
 * (the directory's group when the directory is set-group-id) and
 * {@code 0666} ({@code 0777} for a directory) without the process's umask
 * bits. Writing to a set-user-id or set-group-id file as anyone but root
 * clears those bits. Refusals are EACCES, or EPERM for what only an owner
 * or root may do, and name the path; nothing is changed by a refused call.
 * A change on a read-only mount ({@code /system}) is ROFS before anything
 * else, as in Unix, whoever asks.
 */
public final class Access {
    /** Read, write and execute (search) permission, as in a mode's rwx triple. */
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;

    private final Namespace ns;

    public Access(Namespace ns) {
        this.ns = ns;
    }

    public Namespace namespace() {
        return ns;
    }

    // ------------------------------------------------------------------ the rule

    /** True when {@code who} may do {@code want} (bits of {@link #READ}, {@link #WRITE}, {@link #EXECUTE}) to {@code node}. */
    public static boolean allows(Credentials who, FileStat node, int want) {
        if (who.root()) {
            return (want & EXECUTE) == 0 || node.isDirectory() || (node.mode() & 0111) != 0;
        }
        int bits;
        if (who.euid() == node.uid()) {
            bits = node.mode() >> 6;
        } else if (who.inGroup(node.gid())) {
            bits = node.mode() >> 3;
        } else {
            bits = node.mode();
        }
        return (bits & want & 7) == want;
    }

    /** What a node {@code who} makes in {@code directory} is born with. */
    public Ownership created(TaskContext caller, String path, boolean directory) {
        Credentials who = caller.process().credentials();
        int mode = (directory ? 0777 : 0666) & ~caller.process().umask();
        int gid = who.egid();
        FileStat parent = VolumePaths.isRoot(path) ? null : ns.node(VolumePaths.parent(path));
        if (parent != null && (parent.mode() & Ownership.SET_GID) != 0) {
            gid = parent.gid();
            if (directory) {
                mode |= Ownership.SET_GID;
            }
        }
        return new Ownership(who.euid(), gid, mode);
    }

    // ------------------------------------------------------------------ lookups

    /** Facts about {@code path}; NOENT when missing, EACCES when a directory on the way may not be searched. */
    public FileStat stat(Credentials who, String path) {
        search(who, path);
        return ns.stat(path);
    }

    /** Facts about {@code path} or {@code null}; EACCES when a directory on the way may not be searched. */
    public FileStat find(Credentials who, String path) {
        search(who, path);
        return ns.find(path);
    }

    /** Whether something is at {@code path} that {@code who} can see (false where a search is refused, as test -e says). */
    public boolean exists(Credentials who, String path) {
        try {
            search(who, path);
        } catch (PebbleException e) {
            return false;
        }
        return ns.node(path) != null;
    }

    /** The entries of a directory: it needs read permission. */
    public List<FileStat> list(Credentials who, String path) {
        search(who, path);
        FileStat dir = ns.node(path);
        if (dir != null && dir.isDirectory()) {
            require(who, dir, READ, path);
        }
        return ns.list(path);
    }

    /** True when {@code who} may do {@code want} to {@code path} (fs_access); false when it is missing. */
    public boolean accessible(Credentials who, String path, int want) {
        try {
            search(who, path);
        } catch (PebbleException e) {
            return false;
        }
        FileStat s = ns.node(path);
        return s != null && allows(who, s, want);
    }

    /** The working directory may become {@code path}: a directory that may be searched. */
    public FileStat enter(Credentials who, String path) {
        FileStat s = stat(who, path);
        if (!s.isDirectory()) {
            throw FsErrors.notDirectory(path);
        }
        require(who, s, EXECUTE, path);
        return s;
    }

    // ------------------------------------------------------------------ contents

    public byte[] read(TaskContext caller, String path) {
        Credentials who = caller.process().credentials();
        search(who, path);
        FileStat s = ns.node(path);
        if (s != null && !s.isDirectory()) {
            require(who, s, READ, path);
        }
        return ns.read(caller, path);
    }

    public void write(TaskContext caller, String path, byte[] data, boolean append) {
        Credentials who = caller.process().credentials();
        if (ns.readOnly(path)) {
            ns.write(caller, path, data, append, Ownership.ROOT_FILE); // ROFS, whoever asks
            return;
        }
        FileStat s = located(who, path);
        if (s != null && !s.isDirectory()) {
            require(who, s, WRITE, path);
        }
        ns.write(caller, path, data, append, s == null ? creating(caller, path, false) : Ownership.ROOT_FILE);
        dropSetIds(who, path, s);
    }

    /** Open for a descriptor: r needs read, w and a need write (or, for a new file, write on its directory). */
    public OpenFile open(TaskContext caller, String path, OpenMode mode) {
        Credentials who = caller.process().credentials();
        if (mode.writes() && ns.readOnly(path)) {
            return ns.open(caller, path, mode, Ownership.ROOT_FILE); // ROFS, whoever asks
        }
        FileStat s = located(who, path);
        Ownership created = null;
        if (s == null) {
            if (mode.creates()) {
                created = creating(caller, path, false);
            }
        } else if (!s.isDirectory()) {
            require(who, s, (mode.reads() ? READ : 0) | (mode.writes() ? WRITE : 0), path);
        }
        OpenFile file = ns.open(caller, path, mode, created == null ? Ownership.ROOT_FILE : created);
        if (mode.writes()) {
            dropSetIds(who, path, s);
        }
        return file;
    }

    /** Copy {@code from}'s bytes to {@code to} (into it when it is a directory): read on one, write (or create) on the other. */
    public String copy(TaskContext caller, String from, String to) {
        Credentials who = caller.process().credentials();
        search(who, from);
        search(who, to);
        String dest = ns.copyTarget(from, to);
        byte[] data = read(caller, from);
        write(caller, dest, data, false);
        return dest;
    }

    /** Create {@code path} if missing, then set its time: now needs write permission (or ownership), a chosen time ownership. */
    public void touch(TaskContext caller, String path, long mtime, boolean now) {
        Credentials who = caller.process().credentials();
        if (ns.readOnly(path)) {
            ns.touch(caller, path, mtime, Ownership.ROOT_FILE); // ROFS, whoever asks
            return;
        }
        FileStat s = located(who, path);
        if (s != null) {
            timeChange(who, path, s, now);
        }
        ns.touch(caller, path, mtime, s == null ? creating(caller, path, false) : Ownership.ROOT_FILE);
    }

    /** Set the time of {@code path} (see {@link #touch}). */
    public void setTime(Credentials who, String path, long mtime, boolean now) {
        if (!ns.readOnly(path)) {
            timeChange(who, path, stat(who, path), now);
        }
        ns.setTime(path, mtime);
    }

    // ------------------------------------------------------------------ the tree

    public void mkdir(TaskContext caller, String path) {
        Ownership created = ns.readOnly(path) ? Ownership.ROOT_DIRECTORY : creatingDirectory(caller, path);
        ns.mkdir(path, created);
    }

    /** {@code mkdir -p}: each missing directory is made as {@link #mkdir} makes it. */
    public void mkdirs(TaskContext caller, String path) {
        ns.mkdirs(path, p -> ns.readOnly(p) ? Ownership.ROOT_DIRECTORY : creatingDirectory(caller, p));
    }

    /** A symbolic link: search to its name and write on its directory. */
    public void symlink(Credentials who, String target, String path) {
        search(who, path);
        if (!ns.readOnly(path)) {
            writableDirectory(who, path); // a read-only mount says ROFS to everyone
        }
        ns.symlink(target, path);
    }

    /** A hard link: search to both names and write on the new name's directory. */
    public void link(Credentials who, String existing, String path) {
        search(who, existing);
        search(who, path);
        if (!ns.readOnly(path)) {
            writableDirectory(who, path);
        }
        ns.link(existing, path);
    }

    public void rmdir(Credentials who, String path) {
        removing(who, path);
        ns.rmdir(path);
    }

    public void delete(Credentials who, String path) {
        removing(who, path);
        ns.delete(path);
    }

    /**
     * Rename: write and search on both directories, the sticky rule on the
     * source (and on a target it replaces), write on a directory that moves
     * to another parent.
     */
    public void rename(Credentials who, String from, String to) {
        search(who, from);
        search(who, to);
        if (who.root() || VolumePaths.isRoot(from) || VolumePaths.isRoot(to) || from.equals(to)
                || ns.readOnly(from) || ns.readOnly(to)) {
            ns.rename(from, to);
            return;
        }
        FileStat source = ns.node(from);
        if (source == null) {
            ns.rename(from, to); // NOENT, as the namespace says it
            return;
        }
        removable(who, from, source);
        FileStat target = ns.node(to);
        if (target != null) {
            removable(who, to, target);
        } else {
            writableDirectory(who, to);
        }
        if (source.isDirectory() && !VolumePaths.parent(from).equals(VolumePaths.parent(to))) {
            require(who, source, WRITE, from);
        }
        ns.rename(from, to);
    }

    /** chmod: the owner or root. Set-group-id goes unless the caller is in the group (or root). */
    public void chmod(Credentials who, String path, int mode) {
        FileStat s = stat(who, path);
        if (!who.root() && who.euid() != s.uid() && !ns.readOnly(path)) {
            throw FsErrors.of(Errno.PERM, path);
        }
        int bits = mode & Ownership.MODE_BITS;
        if (!who.root() && !s.isDirectory() && !who.inGroup(s.gid())) {
            bits &= ~Ownership.SET_GID;
        }
        ns.chmod(path, bits);
    }

    /**
     * chown and chgrp: root only ({@code -1} leaves a field as it is).
     * A new owner or group clears set-user-id and set-group-id on a file.
     */
    public void chown(Credentials who, String path, int uid, int gid) {
        FileStat s = stat(who, path);
        if (!who.root() && !ns.readOnly(path)) {
            throw FsErrors.of(Errno.PERM, path);
        }
        int newUid = uid < 0 ? s.uid() : uid;
        int newGid = gid < 0 ? s.gid() : gid;
        ns.chown(path, newUid, newGid);
        if (!s.isDirectory() && (s.mode() & (Ownership.SET_UID | Ownership.SET_GID)) != 0
                && (newUid != s.uid() || newGid != s.gid())) {
            ns.chmod(path, s.mode() & ~(Ownership.SET_UID | Ownership.SET_GID));
        }
    }

    // ------------------------------------------------------------------ checks

    /** EACCES unless every directory above {@code path} may be searched. Stops where the path stops being one. */
    void search(Credentials who, String path) {
        if (who.root() || VolumePaths.isRoot(path)) {
            return;
        }
        for (FileStat d : ns.directoriesAbove(path)) {
            if (!allows(who, d, EXECUTE)) {
                throw denied(path);
            }
        }
    }

    /** What is at {@code path}, or {@code null}, once the directories above it were searched. */
    private FileStat located(Credentials who, String path) {
        search(who, path);
        return ns.node(path);
    }

    private static void require(Credentials who, FileStat node, int want, String path) {
        if (!allows(who, node, want)) {
            throw denied(path);
        }
    }

    private static PebbleException denied(String path) {
        return FsErrors.of(Errno.ACCES, path);
    }

    /** A new entry: write and search on its directory. Returns what it is born with. */
    private Ownership creating(TaskContext caller, String path, boolean directory) {
        writableDirectory(caller.process().credentials(), path);
        return created(caller, path, directory);
    }

    private Ownership creatingDirectory(TaskContext caller, String path) {
        Credentials who = caller.process().credentials();
        search(who, path);
        if (ns.node(path) != null) {
            return Ownership.ROOT_DIRECTORY; // the namespace says EXIST
        }
        return creating(caller, path, true);
    }

    private void writableDirectory(Credentials who, String path) {
        if (who.root() || VolumePaths.isRoot(path)) {
            return;
        }
        FileStat dir = ns.node(VolumePaths.parent(path));
        if (dir != null && dir.isDirectory()) {
            require(who, dir, WRITE | EXECUTE, path);
        }
    }

    /** Before removing {@code path}: write on its directory and the sticky rule. */
    private void removing(Credentials who, String path) {
        search(who, path);
        if (who.root() || VolumePaths.isRoot(path) || ns.readOnly(path)) {
            return;
        }
        FileStat s = ns.node(path);
        if (s != null) {
            removable(who, path, s);
        }
    }

    private void removable(Credentials who, String path, FileStat node) {
        if (who.root()) {
            return;
        }
        FileStat dir = ns.node(VolumePaths.parent(path));
        if (dir == null || !dir.isDirectory()) {
            return;
        }
        require(who, dir, WRITE | EXECUTE, path);
        if ((dir.mode() & Ownership.STICKY) != 0 && node.uid() != who.euid()) {
            throw FsErrors.of(Errno.PERM, path); // a sticky directory: only the owner may remove or rename it
        }
    }

    private static void timeChange(Credentials who, String path, FileStat s, boolean now) {
        if (who.root() || who.euid() == s.uid()) {
            return;
        }
        if (!now || !allows(who, s, WRITE)) {
            throw now ? denied(path) : FsErrors.of(Errno.PERM, path);
        }
    }

    /** After a write by anyone but root to a file that was {@code s}: set-user-id and set-group-id go. */
    private void dropSetIds(Credentials who, String path, FileStat s) {
        if (s != null && s.isFile() && !who.root() && (s.mode() & (Ownership.SET_UID | Ownership.SET_GID)) != 0) {
            ns.chmod(path, s.mode() & ~(Ownership.SET_UID | Ownership.SET_GID));
        }
    }
}
