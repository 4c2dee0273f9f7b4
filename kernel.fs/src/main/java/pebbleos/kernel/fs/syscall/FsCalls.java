package pebbleos.kernel.fs.syscall;

import static pebbleos.kernel.fs.syscall.Calls.bool;
import static pebbleos.kernel.fs.syscall.Calls.named;
import static pebbleos.kernel.fs.syscall.Calls.path;

import java.util.List;
import java.util.Map;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.process.Credentials;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.kernel.fs.Access;
import pebbleos.kernel.fs.MountTable;

/**
 * The path calls of the {@code fs} family: whole-file reads and writes,
 * directories, times, owners and modes, counts, the working directory and
 * the mount table. Every path argument is resolved against the caller's
 * working directory, and every call is checked against the caller's
 * credentials ({@link Access}).
 */
final class FsCalls implements Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int STAT = 0;
    private static final int EXISTS = 1;
    private static final int KIND = 2;
    private static final int LIST = 3;
    private static final int LIST_STAT = 4;
    private static final int READ = 5;
    private static final int WRITE = 6;
    private static final int APPEND = 7;
    private static final int MKDIR = 8;
    private static final int MKDIRS = 9;
    private static final int RMDIR = 10;
    private static final int UNLINK = 11;
    private static final int RENAME = 12;
    private static final int COPY = 13;
    private static final int TOUCH = 14;
    private static final int CHMOD = 15;
    private static final int CHOWN = 16;
    private static final int ACCESS = 17;
    private static final int SYMLINK = 18;
    private static final int LINK = 19;
    private static final int USAGE = 20;
    private static final int DF = 21;
    private static final int SYNC = 22;
    private static final int MODE = 23;
    private static final int MOUNTS = 24;
    private static final int GETCWD = 25;
    private static final int CHDIR = 26;
    private static final int REALPATH = 27;

    private final MountTable mounts;

    FsCalls(MountTable mounts) {
        this.mounts = mounts;
    }

    private Access ns() {
        return mounts.access();
    }

    private static Credentials who(TaskContext c) {
        return c.process().credentials();
    }

    List<Syscall> syscalls() {
        return List.of(
                named("fs_stat", "path", "facts about a path: dict name, path, kind (file, dir, dev), size, mtime, ctime (float seconds), uid, gid, mode (int)", new Dispatch(this, STAT)),
                named("fs_exists", "path", "1 when something is at path, else 0", new Dispatch(this, EXISTS)),
                named("fs_kind", "path", "\"file\", \"dir\", \"dev\", or \"\" when nothing is there", new Dispatch(this, KIND)),
                named("fs_list", "path", "the names in a directory, sorted", new Dispatch(this, LIST)),
                named("fs_list_stat", "path", "fs_stat dicts of the entries of a directory, sorted by name", new Dispatch(this, LIST_STAT)),
                named("fs_read", "path", "the whole file as text (UTF-8)", new Dispatch(this, READ)),
                named("fs_write", "path, text", "replace the file with text, creating it; returns the characters written", new Dispatch(this, WRITE)),
                named("fs_append", "path, text", "add text at the end of the file, creating it; returns the characters written", new Dispatch(this, APPEND)),
                named("fs_mkdir", "path", "make a directory; its parent must exist", new Dispatch(this, MKDIR)),
                named("fs_mkdirs", "path", "make a directory and any missing parents (mkdir -p)", new Dispatch(this, MKDIRS)),
                named("fs_rmdir", "path", "remove an empty directory", new Dispatch(this, RMDIR)),
                named("fs_unlink", "path", "remove a file", new Dispatch(this, UNLINK)),
                named("fs_rename", "from, to", "rename or move a file or directory within one mount", new Dispatch(this, RENAME)),
                named("fs_copy", "from, to", "copy a file's bytes; into to when to is a directory; returns the target path", new Dispatch(this, COPY)),
                named("fs_touch", "path[, mtime]", "create the file if missing and set its time (now, or mtime in seconds)", new Dispatch(this, TOUCH)),
                named("fs_chmod", "path, mode", "set the mode bits (an int such as 0o644 = 420); owner or root only", new Dispatch(this, CHMOD)),
                named("fs_chown", "path, uid, gid", "set the owner and group (-1 keeps one); root only", new Dispatch(this, CHOWN)),
                named("fs_access", "path, how", "1 when the caller may do how to path: letters r, w, x (\"\" or f: it exists), else 0", new Dispatch(this, ACCESS)),
                named("fs_symlink", "target, path", "make a symbolic link at path holding target (as written); NOTSUP names the storage mode that has none", new Dispatch(this, SYMLINK)),
                named("fs_link", "existing, path", "make path another name of the file existing (a hard link); NOTSUP names the storage mode that has none", new Dispatch(this, LINK)),
                named("fs_usage", "", "counts of the root volume: dict files, directories, bytes", new Dispatch(this, USAGE)),
                named("fs_df", "", "per mount: dicts path, mode, files, directories, bytes (held), size and avail (bytes of the host file store behind it, -1 unknown)", new Dispatch(this, DF)),
                named("fs_sync", "", "make the root durable (mfs: write a snapshot); 1 when something had been written since the last sync, else 0", new Dispatch(this, SYNC)),
                named("fs_mode", "", "the storage mode of /", new Dispatch(this, MODE)),
                named("fs_mounts", "", "the mount table: dicts path, mode, provider, readonly (and swap counts for /)", new Dispatch(this, MOUNTS)),
                named("fs_getcwd", "", "the caller's working directory", new Dispatch(this, GETCWD)),
                named("fs_chdir", "path", "change the working directory to an existing directory; returns it", new Dispatch(this, CHDIR)),
                named("fs_realpath", "path", "the absolute normalized form of path (it need not exist)", new Dispatch(this, REALPATH)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case STAT -> stat(c, a);
            case EXISTS -> exists(c, a);
            case KIND -> kind(c, a);
            case LIST -> list(c, a);
            case LIST_STAT -> listStat(c, a);
            case READ -> read(c, a);
            case WRITE -> write(c, a);
            case APPEND -> append(c, a);
            case MKDIR -> mkdir(c, a);
            case MKDIRS -> mkdirs(c, a);
            case RMDIR -> rmdir(c, a);
            case UNLINK -> unlink(c, a);
            case RENAME -> rename(c, a);
            case COPY -> copy(c, a);
            case TOUCH -> touch(c, a);
            case CHMOD -> chmod(c, a);
            case CHOWN -> chown(c, a);
            case ACCESS -> access(c, a);
            case SYMLINK -> symlink(c, a);
            case LINK -> link(c, a);
            case USAGE -> usage(c, a);
            case DF -> space(c, a);
            case SYNC -> sync(c, a);
            case MODE -> mode(c, a);
            case MOUNTS -> mountList(c, a);
            case GETCWD -> getcwd(c, a);
            case CHDIR -> chdir(c, a);
            case REALPATH -> realpath(c, a);
            default -> throw new IllegalArgumentException("fs: no syscall " + id);
        };
    }

    private Object stat(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_stat", a, 1, 1), 0);
        return StatDicts.stat(ns().stat(who(c), p), p);
    }

    private Object exists(TaskContext c, Object[] a) {
        return bool(ns().exists(who(c), path(c, Args.of("fs_exists", a, 1, 1), 0)));
    }

    private Object kind(TaskContext c, Object[] a) {
        FileStat s = ns().find(who(c), path(c, Args.of("fs_kind", a, 1, 1), 0));
        return s == null ? "" : s.kind();
    }

    private Object list(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_list", a, 1, 1), 0);
        PList out = new PList();
        for (FileStat s : ns().list(who(c), p)) {
            out.append(s.name());
        }
        return out;
    }

    private Object listStat(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_list_stat", a, 1, 1), 0);
        PList out = new PList();
        for (FileStat s : ns().list(who(c), p)) {
            out.append(StatDicts.stat(s, VolumePaths.child(p, s.name())));
        }
        return out;
    }

    private Object read(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_read", a, 1, 1), 0);
        return Calls.text(ns().read(c, p));
    }

    private Object write(TaskContext c, Object[] a) {
        return put(c, Args.of("fs_write", a, 2, 2), false);
    }

    private Object append(TaskContext c, Object[] a) {
        return put(c, Args.of("fs_append", a, 2, 2), true);
    }

    private Object put(TaskContext c, Args args, boolean append) {
        String p = path(c, args, 0);
        String text = args.string(1);
        ns().write(c, p, Calls.utf8(text), append);
        return (long) text.codePointCount(0, text.length());
    }

    private Object mkdir(TaskContext c, Object[] a) {
        ns().mkdir(c, path(c, Args.of("fs_mkdir", a, 1, 1), 0));
        return 0L;
    }

    private Object mkdirs(TaskContext c, Object[] a) {
        ns().mkdirs(c, path(c, Args.of("fs_mkdirs", a, 1, 1), 0));
        return 0L;
    }

    private Object rmdir(TaskContext c, Object[] a) {
        ns().rmdir(who(c), path(c, Args.of("fs_rmdir", a, 1, 1), 0));
        return 0L;
    }

    private Object unlink(TaskContext c, Object[] a) {
        ns().delete(who(c), path(c, Args.of("fs_unlink", a, 1, 1), 0));
        return 0L;
    }

    private Object rename(TaskContext c, Object[] a) {
        Args args = Args.of("fs_rename", a, 2, 2);
        ns().rename(who(c), path(c, args, 0), path(c, args, 1));
        return 0L;
    }

    private Object copy(TaskContext c, Object[] a) {
        Args args = Args.of("fs_copy", a, 2, 2);
        return ns().copy(c, path(c, args, 0), path(c, args, 1));
    }

    private Object touch(TaskContext c, Object[] a) {
        Args args = Args.of("fs_touch", a, 1, 2);
        String p = path(c, args, 0);
        long mtime = args.has(1) ? Math.round(args.number(1) * 1000) : System.currentTimeMillis();
        ns().touch(c, p, mtime, !args.has(1));
        return 0L;
    }

    private Object chmod(TaskContext c, Object[] a) {
        Args args = Args.of("fs_chmod", a, 2, 2);
        String p = path(c, args, 0);
        ns().chmod(who(c), p, (int) args.integer(1));
        return 0L;
    }

    private Object chown(TaskContext c, Object[] a) {
        Args args = Args.of("fs_chown", a, 3, 3);
        String p = path(c, args, 0);
        ns().chown(who(c), p, args.intValue(1), args.intValue(2));
        return 0L;
    }

    private Object access(TaskContext c, Object[] a) {
        Args args = Args.of("fs_access", a, 2, 2);
        String p = path(c, args, 0);
        String how = args.string(1);
        int want = 0;
        for (char ch : how.toCharArray()) {
            want |= switch (ch) {
                case 'r' -> Access.READ;
                case 'w' -> Access.WRITE;
                case 'x' -> Access.EXECUTE;
                case 'f' -> 0;
                default -> throw new PebbleException(Errno.INVAL, "fs_access: how is letters of r, w, x or f, not '" + how + "'");
            };
        }
        return bool(ns().accessible(who(c), p, want));
    }

    private Object symlink(TaskContext c, Object[] a) {
        Args args = Args.of("fs_symlink", a, 2, 2);
        String target = args.string(0);
        if (target.isEmpty()) {
            throw new PebbleException(Errno.NOENT, "fs_symlink: no such file or directory: (empty target)");
        }
        ns().symlink(who(c), target, path(c, args, 1));
        return 0L;
    }

    private Object link(TaskContext c, Object[] a) {
        Args args = Args.of("fs_link", a, 2, 2);
        ns().link(who(c), path(c, args, 0), path(c, args, 1));
        return 0L;
    }

    private Object space(TaskContext c, Object[] a) {
        Args.of("fs_df", a, 0, 0);
        return dicts(mounts.space());
    }

    private static PList dicts(List<Map<String, Object>> rows) {
        PList out = new PList();
        for (Map<String, Object> row : rows) {
            out.append(StatDicts.dict(row));
        }
        return out;
    }

    private Object usage(TaskContext c, Object[] a) {
        Args.of("fs_usage", a, 0, 0);
        Volume.Usage u = ns().namespace().usage();
        return PDict.of("files", u.files(), "directories", u.directories(), "bytes", u.bytes());
    }

    private Object sync(TaskContext c, Object[] a) {
        Args.of("fs_sync", a, 0, 0);
        return bool(mounts.sync());
    }

    private Object mode(TaskContext c, Object[] a) {
        Args.of("fs_mode", a, 0, 0);
        return mounts.rootMode();
    }

    private Object mountList(TaskContext c, Object[] a) {
        Args.of("fs_mounts", a, 0, 0);
        return dicts(mounts.mounts());
    }

    private Object getcwd(TaskContext c, Object[] a) {
        Args.of("fs_getcwd", a, 0, 0);
        return Calls.cwd(c);
    }

    private Object chdir(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_chdir", a, 1, 1), 0);
        ns().enter(who(c), p);
        c.process().setCwd(p);
        return p;
    }

    private Object realpath(TaskContext c, Object[] a) {
        return path(c, Args.of("fs_realpath", a, 1, 1), 0);
    }
}
