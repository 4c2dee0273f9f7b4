package pebbleos.kernel.fs.syscall;

import static pebbleos.kernel.fs.syscall.Calls.bool;
import static pebbleos.kernel.fs.syscall.Calls.named;
import static pebbleos.kernel.fs.syscall.Calls.path;

import java.util.List;
import java.util.Map;

import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.kernel.fs.MountTable;
import pebbleos.kernel.fs.Namespace;

/**
 * The path calls of the {@code fs} family: whole-file reads and writes,
 * directories, times, counts, the working directory and the mount table.
 * Every path argument is resolved against the caller's working directory.
 */
final class FsCalls {
    private final MountTable mounts;

    FsCalls(MountTable mounts) {
        this.mounts = mounts;
    }

    private Namespace ns() {
        return mounts.namespace();
    }

    List<Syscall> syscalls() {
        return List.of(
                named("fs_stat", "path", "facts about a path: dict name, path, kind (file, dir, dev), size, mtime, ctime (float seconds)", this::stat),
                named("fs_exists", "path", "1 when something is at path, else 0", this::exists),
                named("fs_kind", "path", "\"file\", \"dir\", \"dev\", or \"\" when nothing is there", this::kind),
                named("fs_list", "path", "the names in a directory, sorted", this::list),
                named("fs_list_stat", "path", "fs_stat dicts of the entries of a directory, sorted by name", this::listStat),
                named("fs_read", "path", "the whole file as text (UTF-8)", this::read),
                named("fs_write", "path, text", "replace the file with text, creating it; returns the characters written", this::write),
                named("fs_append", "path, text", "add text at the end of the file, creating it; returns the characters written", this::append),
                named("fs_mkdir", "path", "make a directory; its parent must exist", this::mkdir),
                named("fs_mkdirs", "path", "make a directory and any missing parents (mkdir -p)", this::mkdirs),
                named("fs_rmdir", "path", "remove an empty directory", this::rmdir),
                named("fs_unlink", "path", "remove a file", this::unlink),
                named("fs_rename", "from, to", "rename or move a file or directory within one mount", this::rename),
                named("fs_copy", "from, to", "copy a file's bytes; into to when to is a directory; returns the target path", this::copy),
                named("fs_touch", "path[, mtime]", "create the file if missing and set its time (now, or mtime in seconds)", this::touch),
                named("fs_usage", "", "counts of the root volume: dict files, directories, bytes", this::usage),
                named("fs_sync", "", "make the root durable (mfs: write a snapshot); 1 when something had been written since the last sync, else 0", this::sync),
                named("fs_mode", "", "the storage mode of /", this::mode),
                named("fs_mounts", "", "the mount table: dicts path, mode, provider, readonly (and swap counts for /)", this::mountList),
                named("fs_getcwd", "", "the caller's working directory", this::getcwd),
                named("fs_chdir", "path", "change the working directory to an existing directory; returns it", this::chdir),
                named("fs_realpath", "path", "the absolute normalized form of path (it need not exist)", this::realpath));
    }

    private Object stat(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_stat", a, 1, 1), 0);
        return StatDicts.stat(ns().stat(p), p);
    }

    private Object exists(TaskContext c, Object[] a) {
        return bool(ns().find(path(c, Args.of("fs_exists", a, 1, 1), 0)) != null);
    }

    private Object kind(TaskContext c, Object[] a) {
        FileStat s = ns().find(path(c, Args.of("fs_kind", a, 1, 1), 0));
        return s == null ? "" : s.kind();
    }

    private Object list(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_list", a, 1, 1), 0);
        PList out = new PList();
        for (FileStat s : ns().list(p)) {
            out.append(s.name());
        }
        return out;
    }

    private Object listStat(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_list_stat", a, 1, 1), 0);
        PList out = new PList();
        for (FileStat s : ns().list(p)) {
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
        ns().mkdir(path(c, Args.of("fs_mkdir", a, 1, 1), 0));
        return 0L;
    }

    private Object mkdirs(TaskContext c, Object[] a) {
        ns().mkdirs(path(c, Args.of("fs_mkdirs", a, 1, 1), 0));
        return 0L;
    }

    private Object rmdir(TaskContext c, Object[] a) {
        ns().rmdir(path(c, Args.of("fs_rmdir", a, 1, 1), 0));
        return 0L;
    }

    private Object unlink(TaskContext c, Object[] a) {
        ns().delete(path(c, Args.of("fs_unlink", a, 1, 1), 0));
        return 0L;
    }

    private Object rename(TaskContext c, Object[] a) {
        Args args = Args.of("fs_rename", a, 2, 2);
        ns().rename(path(c, args, 0), path(c, args, 1));
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
        ns().touch(c, p, mtime);
        return 0L;
    }

    private Object usage(TaskContext c, Object[] a) {
        Args.of("fs_usage", a, 0, 0);
        Volume.Usage u = ns().usage();
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
        PList out = new PList();
        for (Map<String, Object> row : mounts.mounts()) {
            out.append(StatDicts.dict(row));
        }
        return out;
    }

    private Object getcwd(TaskContext c, Object[] a) {
        Args.of("fs_getcwd", a, 0, 0);
        return Calls.cwd(c);
    }

    private Object chdir(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fs_chdir", a, 1, 1), 0);
        FileStat s = ns().stat(p);
        if (!s.isDirectory()) {
            throw FsErrors.notDirectory(p);
        }
        c.process().setCwd(p);
        return p;
    }

    private Object realpath(TaskContext c, Object[] a) {
        return path(c, Args.of("fs_realpath", a, 1, 1), 0);
    }
}
