package pebbleos.kernel.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.Ownership;
import pebbleos.api.process.Credentials;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.Signals;
import pebbleos.api.process.TaskContext;
import pebbleos.api.process.ThreadHandle;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;

/**
 * The {@code proc} family: spawn, wait, signals, process groups and sessions,
 * the terminal's foreground group, pipes, the environment, and the process
 * listing behind {@code ps}, {@code jobs} and {@code top} (with each process's
 * accounted {@code memory} in bytes and {@code cpu_ms}); the limits and the
 * system log are {@link LimitCalls}.
 */
final class ProcFamily implements SyscallFamily, Dispatch.Table {
    private final ProcessTable table;
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int SPAWN = 0;
    private static final int DATA = 1;
    private static final int WAIT = 2;
    private static final int KILL = 3;
    private static final int GETUID = 4;
    private static final int GETEUID = 5;
    private static final int GETGID = 6;
    private static final int GETEGID = 7;
    private static final int GETGROUPS = 8;
    private static final int SETUID = 9;
    private static final int SETGID = 10;
    private static final int SETGROUPS = 11;
    private static final int UMASK = 12;
    private static final int GETLOGIN = 13;
    private static final int GETPID = 14;
    private static final int GETPPID = 15;
    private static final int GETTID = 16;
    private static final int GETPGID = 17;
    private static final int SETPGID = 18;
    private static final int GETSID = 19;
    private static final int SETSID = 20;
    private static final int TCGETPGRP = 21;
    private static final int TCSETPGRP = 22;
    private static final int PIPE = 23;
    private static final int LIST = 24;
    private static final int INFO = 25;
    private static final int THREADS = 26;
    private static final int ENGINES = 27;
    private static final int GETENV = 28;
    private static final int SETENV = 29;
    private static final int UNSETENV = 30;
    private static final int ENVIRON = 31;
    private static final int IGNORE = 32;
    private static final int CATCH = 33;
    private static final int PENDING = 34;
    private static final int SIGNAL_NUMBER = 35;
    private static final int SIGNAL_NAME = 36;

    ProcFamily(ProcessTable table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "proc";
    }

    @Override
    public List<Syscall> syscalls() {
        List<Syscall> all = new ArrayList<>(processCalls());
        all.addAll(new LimitCalls(table).syscalls());
        return all;
    }

    private List<Syscall> processCalls() {
        return List.of(
                new Syscall("proc_spawn", "path, argv, options",
                        "start a program; options: engine, fds {child: parent}, env, cwd, pgid (0 new group, -1 the caller's), foreground (1: its group gets the terminal before it runs, if the caller's group has it), "
                                + "data (a value of strings, numbers, lists and dicts handed to the child, read with proc_data), and for root only uid, gid, groups, login (who the child is)",
                        new Dispatch(this, SPAWN)),
                new Syscall("proc_data", "", "the value the spawner passed as the data option (a copy), or None",
                        new Dispatch(this, DATA)),
                new Syscall("proc_wait", "pid [, options]",
                        "wait for a child (-1 any, 0 the group, -g group g); options nohang, untraced; "
                                + "{pid, status, signal, stopped, state} or None",
                        new Dispatch(this, WAIT)),
                new Syscall("proc_kill", "pid, signal",
                        "send a signal (by number or name); a negative pid names a group; only to one's own processes (root: any; SIGCONT: any of the session)",
                        new Dispatch(this, KILL)),
                new Syscall("proc_getuid", "", "the caller's real user id", new Dispatch(this, GETUID)),
                new Syscall("proc_geteuid", "", "the caller's effective user id", new Dispatch(this, GETEUID)),
                new Syscall("proc_getgid", "", "the caller's real group id", new Dispatch(this, GETGID)),
                new Syscall("proc_getegid", "", "the caller's effective group id", new Dispatch(this, GETEGID)),
                new Syscall("proc_getgroups", "", "the caller's supplementary groups (a list of gids)",
                        new Dispatch(this, GETGROUPS)),
                new Syscall("proc_setuid", "uid", "set the real and effective user id; root only",
                        new Dispatch(this, SETUID)),
                new Syscall("proc_setgid", "gid", "set the real and effective group id; root only",
                        new Dispatch(this, SETGID)),
                new Syscall("proc_setgroups", "gids", "set the supplementary groups (a list); root only",
                        new Dispatch(this, SETGROUPS)),
                new Syscall("proc_umask", "[mask]", "the caller's umask; with mask, set it (0 to 0o777) and return the old one",
                        new Dispatch(this, UMASK)),
                new Syscall("proc_getlogin", "", "the login name of the caller's session (\"\" when none)",
                        new Dispatch(this, GETLOGIN)),
                new Syscall("proc_getpid", "", "the caller's pid", new Dispatch(this, GETPID)),
                new Syscall("proc_getppid", "", "the parent's pid", new Dispatch(this, GETPPID)),
                new Syscall("proc_gettid", "", "the caller's thread id", new Dispatch(this, GETTID)),
                new Syscall("proc_getpgid", "[pid]", "the process group of pid (default the caller)",
                        new Dispatch(this, GETPGID)),
                new Syscall("proc_setpgid", "pid, pgid", "move pid (0: the caller) into group pgid (0: its own)",
                        new Dispatch(this, SETPGID)),
                new Syscall("proc_getsid", "[pid]", "the session of pid", new Dispatch(this, GETSID)),
                new Syscall("proc_setsid", "", "start a new session and group led by the caller",
                        new Dispatch(this, SETSID)),
                new Syscall("proc_tcgetpgrp", "", "the process group owning the terminal",
                        new Dispatch(this, TCGETPGRP)),
                new Syscall("proc_tcsetpgrp", "pgid", "give the terminal to a process group",
                        new Dispatch(this, TCSETPGRP)),
                new Syscall("proc_pipe", "", "a new pipe: [read fd, write fd]", new Dispatch(this, PIPE)),
                new Syscall("proc_list", "", "every process: pid, ppid, pgid, sid, state, exit_status, engine, ..., cpu_ms (CPU time of its threads)",
                        new Dispatch(this, LIST)),
                new Syscall("proc_info", "[pid]", "one process's record, or None", new Dispatch(this, INFO)),
                new Syscall("proc_threads", "[pid]", "the threads of a process (all when 0)",
                        new Dispatch(this, THREADS)),
                new Syscall("proc_engines", "", "the engines available now", new Dispatch(this, ENGINES)),
                new Syscall("proc_getenv", "name", "an environment variable, or None", new Dispatch(this, GETENV)),
                new Syscall("proc_setenv", "name, value", "set an environment variable", new Dispatch(this, SETENV)),
                new Syscall("proc_unsetenv", "name", "remove an environment variable", new Dispatch(this, UNSETENV)),
                new Syscall("proc_environ", "", "the whole environment as a dict", new Dispatch(this, ENVIRON)),
                new Syscall("proc_ignore", "signal, flag",
                        "ignore a signal (flag 1) or restore its default action (flag 0); KILL and STOP cannot be ignored",
                        new Dispatch(this, IGNORE)),
                new Syscall("proc_catch", "signal, flag",
                        "handle a signal in the program (flag 1): its arrival is kept as pending (proc_pending) and interrupts a blocking call (INTR) instead of acting; flag 0 restores its default action; KILL and STOP cannot be caught",
                        new Dispatch(this, CATCH)),
                new Syscall("proc_pending", "", "the caught signals that arrived since the last call (numbers, lowest first); clears them",
                        new Dispatch(this, PENDING)),
                new Syscall("proc_signal_number", "name", "the number of a signal name (INT, SIGTERM, 15), -1 if unknown",
                        new Dispatch(this, SIGNAL_NUMBER)),
                new Syscall("proc_signal_name", "number", "the name of a signal number",
                        new Dispatch(this, SIGNAL_NAME)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case SPAWN -> spawn(c, a);
            case DATA -> data(c, a);
            case WAIT -> waitChild(c, a);
            case KILL -> kill(c, a);
            case GETUID -> (long) creds(c, a, "proc_getuid").uid();
            case GETEUID -> (long) creds(c, a, "proc_geteuid").euid();
            case GETGID -> (long) creds(c, a, "proc_getgid").gid();
            case GETEGID -> (long) creds(c, a, "proc_getegid").egid();
            case GETGROUPS -> groups(creds(c, a, "proc_getgroups"));
            case SETUID -> setuid(c, a);
            case SETGID -> setgid(c, a);
            case SETGROUPS -> setgroups(c, a);
            case UMASK -> umask(c, a);
            case GETLOGIN -> getlogin(c, a);
            case GETPID -> (long) c.pid();
            case GETPPID -> (long) c.process().ppid();
            case GETTID -> (long) c.tid();
            case GETPGID -> (long) target(c, a, "proc_getpgid").pgid;
            case SETPGID -> setpgid(c, a);
            case GETSID -> (long) target(c, a, "proc_getsid").sid;
            case SETSID -> setsid(c, a);
            case TCGETPGRP -> (long) table.foregroundGroup();
            case TCSETPGRP -> tcsetpgrp(c, a);
            case PIPE -> pipe(c, a);
            case LIST -> list();
            case INFO -> info(c, a);
            case THREADS -> threads(c, a);
            case ENGINES -> PList.from(table.engines());
            case GETENV -> getenv(c, a);
            case SETENV -> setenv(c, a);
            case UNSETENV -> unsetenv(c, a);
            case ENVIRON -> environ(c, a);
            case IGNORE -> ignore(c, a);
            case CATCH -> catchSignal(c, a);
            case PENDING -> pending(c, a);
            case SIGNAL_NUMBER -> (long) Signals.parse(Values.str(Args.of("proc_signal_number", a, 1, 1).value(0)));
            case SIGNAL_NAME -> Signals.name(Args.of("proc_signal_name", a, 1, 1).intValue(0));
            default -> throw new IllegalArgumentException("proc: no syscall " + id);
        };
    }

    private Object data(TaskContext c, Object[] a) {
        Args.of("proc_data", a, 0, 0);
        Object data = table.process(c.pid()).data;
        return data == null ? PNone.NONE : PList.copyValue(data);
    }

    private Object getlogin(TaskContext c, Object[] a) {
        Args.of("proc_getlogin", a, 0, 0);
        return table.process(c.pid()).login;
    }

    private Object tcsetpgrp(TaskContext c, Object[] a) {
        table.setForegroundGroup(Args.of("proc_tcsetpgrp", a, 1, 1).intValue(0));
        return 0L;
    }

    private static Object getenv(TaskContext c, Object[] a) {
        String v = c.process().env().get(Args.of("proc_getenv", a, 1, 1).string(0));
        return v == null ? PNone.NONE : v;
    }

    private static Object setenv(TaskContext c, Object[] a) {
        Args args = Args.of("proc_setenv", a, 2, 2);
        c.process().env().put(args.string(0), Values.str(args.value(1)));
        return 0L;
    }

    private static Object unsetenv(TaskContext c, Object[] a) {
        c.process().env().remove(Args.of("proc_unsetenv", a, 1, 1).string(0));
        return 0L;
    }

    private static Object environ(TaskContext c, Object[] a) {
        PDict d = new PDict();
        synchronized (c.process().env()) {
            // loops, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
            for (Map.Entry<String, String> e : new TreeMap<>(c.process().env()).entrySet()) {
                d.put(e.getKey(), e.getValue());
            }
        }
        return d;
    }

    private Object pending(TaskContext c, Object[] a) {
        Args.of("proc_pending", a, 0, 0);
        PList out = new PList();
        for (int signal : table.process(c.pid()).takePending()) {
            out.append((long) signal);
        }
        return out;
    }

    private Object spawn(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_spawn", values, 2, 3);
        String path = args.string(0);
        List<String> argv = new ArrayList<>();
        for (Object v : args.list(1)) {
            argv.add(Values.str(v));
        }
        PDict options = args.options(2);
        String engine = options.containsKey("engine") ? Values.str(options.get("engine")) : caller.process().engine();
        List<String> available = table.engines();
        if (!options.containsKey("engine") && !available.contains(engine) && !available.isEmpty()) {
            engine = available.get(0); // the caller's engine is stopping (retired): the child runs on another
        }
        Map<Integer, OpenFile> fds = new HashMap<>();
        Object fdMap = options.get("fds");
        if (fdMap instanceof PDict d) {
            for (Map.Entry<Object, Object> e : d.entries()) {
                int child = (int) number(e.getKey(), "proc_spawn: fds keys");
                int parent = (int) number(e.getValue(), "proc_spawn: fds values");
                fds.put(child, caller.fds().get(parent));
            }
        } else {
            for (Map.Entry<Integer, String> e : caller.fds().describe().entrySet()) {
                fds.put(e.getKey(), caller.fds().get(e.getKey()));
            }
        }
        Map<String, String> env = null;
        if (options.get("env") instanceof PDict d) {
            env = new TreeMap<>();
            for (Map.Entry<Object, Object> e : d.entries()) {
                env.put(Values.str(e.getKey()), Values.str(e.getValue()));
            }
        }
        String cwd = options.get("cwd") instanceof String s ? s : null;
        int pgid = options.containsKey("pgid") ? (int) number(options.get("pgid"), "proc_spawn: pgid") : -1;
        String source = options.get("source") instanceof String s ? s : null;
        boolean foreground = options.containsKey("foreground") && Values.truthy(options.get("foreground"));
        Identity identity = identity(caller, path, options, source != null);
        Object data = options.containsKey("data") ? plainCopy(options.get("data")) : null;
        return (long) table.spawn(caller, engine, path, argv, fds, env, cwd, pgid, source, foreground, identity, data);
    }

    /**
     * Who the child is: the caller's identity, changed by the options
     * {@code uid}, {@code gid}, {@code groups} and {@code login} (root
     * only), then by the program's set-user-id and set-group-id bits.
     * Those are honoured only for programs in {@code /system}, which no
     * user can change or replace: a program elsewhere could be swapped
     * between this check and the child's read of it. Such a child is
     * {@link pebbleos.api.process.ProcessView#secure() secure}.
     */
    private Identity identity(TaskContext caller, String path, PDict options, boolean fromSource) {
        PebbleProcess parent = table.process(caller.pid());
        Identity id = parent.identity();
        boolean changes = options.containsKey("uid") || options.containsKey("gid") || options.containsKey("groups")
                || options.containsKey("login");
        if (changes) {
            if (!parent.credentials.root()) {
                throw new PebbleException(Errno.PERM, "proc_spawn: only root may choose who the child is "
                        + "(options uid, gid, groups, login)");
            }
            Credentials c = id.credentials();
            if (options.containsKey("uid")) {
                c = c.withUid((int) number(options.get("uid"), "proc_spawn: uid"));
            }
            if (options.containsKey("gid")) {
                c = c.withGid((int) number(options.get("gid"), "proc_spawn: gid"));
            }
            if (options.get("groups") instanceof PList list) {
                c = c.withGroups(gids(list, "proc_spawn: groups"));
            }
            id = id.withCredentials(c);
            if (options.get("login") instanceof String name) {
                id = id.withLogin(name);
            }
        }
        return fromSource ? id : setIds(caller, path, id);
    }

    /** The identity a set-user-id or set-group-id program in /system gives its process. */
    private static Identity setIds(TaskContext caller, String path, Identity id) {
        String real;
        PDict stat;
        try {
            real = Values.str(caller.syscall("fs_realpath", path));
            if (!real.startsWith("/system/") || !(caller.syscall("fs_stat", real) instanceof PDict d)) {
                return id;
            }
            stat = d;
        } catch (PebbleException e) {
            return id; // the child's own read of the program says what is wrong
        }
        long mode = stat.get("mode") instanceof Long m ? m : 0;
        if ((mode & (Ownership.SET_UID | Ownership.SET_GID)) == 0 || !"file".equals(stat.get("kind"))) {
            return id;
        }
        if (!Values.truthy(caller.syscall("fs_access", real, "r"))) {
            throw new PebbleException(Errno.ACCES, "proc_spawn: permission denied: " + path);
        }
        int euid = (mode & Ownership.SET_UID) != 0 ? (int) (long) (Long) stat.get("uid") : -1;
        int egid = (mode & Ownership.SET_GID) != 0 ? (int) (long) (Long) stat.get("gid") : -1;
        return id.withCredentials(id.credentials().withEffective(euid, egid)).asSecure();
    }

    private static List<Integer> gids(PList list, String what) {
        List<Integer> out = new ArrayList<>();
        for (Object v : list) {
            out.add((int) number(v, what));
        }
        return out;
    }

    private static Credentials creds(TaskContext c, Object[] a, String name) {
        Args.of(name, a, 0, 0);
        return c.process().credentials();
    }

    private static PList groups(Credentials c) {
        PList out = new PList();
        for (int g : c.groups()) {
            out.append((long) g);
        }
        return out;
    }

    private PebbleProcess privileged(TaskContext c, String name) {
        PebbleProcess p = table.process(c.pid());
        if (!p.credentials.root()) {
            throw new PebbleException(Errno.PERM, name + ": operation not permitted (root only)");
        }
        return p;
    }

    private Object setuid(TaskContext c, Object[] a) {
        int uid = Args.of("proc_setuid", a, 1, 1).intValue(0);
        PebbleProcess p = table.process(c.pid());
        if (p.credentials.uid() == uid && p.credentials.euid() == uid) {
            return 0L; // nothing changes: allowed to anyone
        }
        privileged(c, "proc_setuid").credentials = p.credentials.withUid(uid);
        return 0L;
    }

    private Object setgid(TaskContext c, Object[] a) {
        int gid = Args.of("proc_setgid", a, 1, 1).intValue(0);
        PebbleProcess p = table.process(c.pid());
        if (p.credentials.gid() == gid && p.credentials.egid() == gid) {
            return 0L;
        }
        privileged(c, "proc_setgid").credentials = p.credentials.withGid(gid);
        return 0L;
    }

    private Object setgroups(TaskContext c, Object[] a) {
        PList list = Args.of("proc_setgroups", a, 1, 1).list(0);
        PebbleProcess p = privileged(c, "proc_setgroups");
        p.credentials = p.credentials.withGroups(gids(list, "proc_setgroups: gids"));
        return 0L;
    }

    private Object umask(TaskContext c, Object[] a) {
        Args args = Args.of("proc_umask", a, 0, 1);
        PebbleProcess p = table.process(c.pid());
        long old = p.umask;
        if (args.has(0)) {
            long mask = args.integer(0);
            if (mask < 0 || mask > 0777) {
                throw new PebbleException(Errno.INVAL, "proc_umask: mask must be 0 to 0o777, not " + mask);
            }
            p.umask = (int) mask;
        }
        return old;
    }

    /** A deep copy that shares nothing with the spawner; only plain values travel between processes. */
    private static Object plainCopy(Object v) {
        if (v instanceof PList l) {
            PList out = new PList(l.size());
            for (Object item : l) {
                out.append(plainCopy(item));
            }
            return out;
        }
        if (v instanceof PDict d) {
            PDict out = new PDict();
            for (Map.Entry<Object, Object> e : d.entries()) {
                out.put(e.getKey(), plainCopy(e.getValue()));
            }
            return out;
        }
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof java.math.BigInteger || v == PNone.NONE) {
            return v;
        }
        throw new PebbleException(Errno.INVAL, "proc_spawn: data may hold only strings, numbers, lists and dicts, not "
                + Values.typeName(v));
    }

    private Object catchSignal(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_catch", values, 2, 2);
        int signal = args.intValue(0);
        if (signal <= 0 || signal >= 64 || signal == Signals.SIGKILL || signal == Signals.SIGSTOP) {
            throw new PebbleException(Errno.INVAL, "proc_catch: signal " + signal + " cannot be caught");
        }
        PebbleProcess p = table.process(caller.pid());
        if (args.flag(1, true)) {
            p.caught |= 1L << signal;
            p.ignored &= ~(1L << signal);
        } else {
            p.caught &= ~(1L << signal);
        }
        return 0L;
    }

    private static long number(Object v, String what) {
        if (v instanceof Long l) {
            return l;
        }
        throw new PebbleException(Errno.INVAL, what + " must be integers");
    }

    private Object waitChild(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_wait", values, 1, 2);
        int pid = args.intValue(0);
        PDict options = args.options(1);
        Map<String, Object> r = table.waitChild(caller, pid, Values.truthy(orFalse(options.get("nohang"))),
                Values.truthy(orFalse(options.get("untraced"))));
        if (r == null) {
            return PNone.NONE;
        }
        PDict d = new PDict();
        for (Map.Entry<String, Object> e : r.entrySet()) {
            d.put(e.getKey(), e.getValue());
        }
        return d;
    }

    private static Object orFalse(Object v) {
        return v == null ? Boolean.FALSE : v;
    }

    private Object kill(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_kill", values, 2, 2);
        int pid = args.intValue(0);
        Object s = args.value(1);
        int signal = s instanceof Long l ? l.intValue() : Signals.parse(Values.str(s));
        if (signal < 0 || signal > 64) {
            throw new PebbleException(Errno.INVAL, "proc_kill: unknown signal " + Values.str(s));
        }
        PebbleProcess sender = table.process(caller.pid());
        if (pid < 0) {
            table.signalGroup(sender, -pid, signal);
        } else if (pid == 0) {
            table.signalGroup(sender, caller.process().pgid(), signal);
        } else {
            table.signal(sender, pid, signal);
        }
        return 0L;
    }

    private Object ignore(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_ignore", values, 2, 2);
        int signal = args.intValue(0);
        if (signal <= 0 || signal >= 64) {
            throw new PebbleException(Errno.INVAL, "proc_ignore: unknown signal " + signal);
        }
        PebbleProcess p = table.process(caller.pid());
        if (args.flag(1, true)) {
            p.ignored |= 1L << signal;
        } else {
            p.ignored &= ~(1L << signal);
        }
        return 0L;
    }

    private PebbleProcess target(TaskContext caller, Object[] values, String name) {
        Args args = Args.of(name, values, 0, 1);
        int pid = args.intValue(0, 0);
        return table.process(pid == 0 ? caller.pid() : pid);
    }

    private Object setpgid(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_setpgid", values, 2, 2);
        int pid = args.intValue(0);
        PebbleProcess p = table.process(pid == 0 ? caller.pid() : pid);
        if (!ProcessTable.maySignal(table.process(caller.pid()), p, 0)) {
            throw new PebbleException(Errno.PERM, "proc_setpgid: operation not permitted: process " + p.pid);
        }
        int pgid = args.intValue(1);
        p.pgid = pgid == 0 ? p.pid : pgid;
        return 0L;
    }

    private Object setsid(TaskContext caller, Object[] values) {
        Args.of("proc_setsid", values, 0, 0);
        PebbleProcess p = table.process(caller.pid());
        p.sid = p.pid;
        p.pgid = p.pid;
        return (long) p.sid;
    }

    private Object pipe(TaskContext caller, Object[] values) {
        Args.of("proc_pipe", values, 0, 0);
        Pipe pipe = table.newPipe();
        int r = caller.fds().install(new OpenFile(pipe.readEnd(), OpenFile.READ));
        int w = caller.fds().install(new OpenFile(pipe.writeEnd(), OpenFile.WRITE));
        return PList.of((long) r, (long) w);
    }

    private PList list() {
        PList out = new PList();
        for (PebbleProcess p : table.list()) {
            out.append(record(p));
        }
        return out;
    }

    private Object info(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_info", values, 0, 1);
        int pid = args.intValue(0, 0);
        PebbleProcess p = table.find(pid == 0 ? caller.pid() : pid);
        return p == null ? PNone.NONE : record(p);
    }

    PDict record(PebbleProcess p) {
        PDict d = new PDict();
        d.put("pid", (long) p.pid);
        d.put("ppid", (long) p.ppid);
        d.put("pgid", (long) p.pgid);
        d.put("sid", (long) p.sid);
        Credentials c = p.credentials;
        d.put("uid", (long) c.uid());
        d.put("gid", (long) c.gid());
        d.put("euid", (long) c.euid());
        d.put("egid", (long) c.egid());
        d.put("login", p.login);
        d.put("state", p.state(table.foregroundGroup()));
        d.put("exit_status", (long) p.exitStatus);
        d.put("engine", p.engineName);
        d.put("path", p.path);
        d.put("name", p.name());
        d.put("argv", PList.from(p.argv));
        d.put("cwd", p.cwd());
        d.put("threads", (long) p.threads.size());
        d.put("start", p.startMillis / 1000.0);
        d.put("foreground", p.pgid == table.foregroundGroup() ? 1L : 0L);
        d.put("fds", (long) p.fds.size());
        d.put("memory", p.memory.held());
        d.put("cpu_ms", p.cpuNanos() / 1_000_000L);
        OpenFile in = p.fds.find(0);
        d.put("tty", in != null && in.channel().isTerminal() ? 1L : 0L);
        PList catches = new PList();
        for (int signal = 1; signal < 64; signal++) {
            if (p.catches(signal)) {
                catches.append((long) signal);
            }
        }
        d.put("catches", catches);
        return d;
    }

    private Object threads(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_threads", values, 0, 1);
        PList out = new PList();
        for (ThreadHandle t : table.threads(args.intValue(0, 0))) {
            out.append(threadRecord(t));
        }
        return out;
    }

    static PDict threadRecord(ThreadHandle t) {
        PDict d = new PDict();
        d.put("tid", (long) t.tid());
        d.put("pid", (long) t.pid());
        d.put("name", t.name());
        d.put("state", t.state());
        d.put("blocked_on", t.blockedOn());
        d.put("exit_status", (long) t.exitStatus());
        if (t instanceof PebbleThread pt) {
            d.put("cpu_ms", pt.cpuNanos() / 1_000_000L);
        }
        return d;
    }
}
