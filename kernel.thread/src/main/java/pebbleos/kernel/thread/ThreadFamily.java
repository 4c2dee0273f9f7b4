package pebbleos.kernel.thread;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.Processes;
import pebbleos.api.process.TaskContext;
import pebbleos.api.process.ThreadHandle;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;

/**
 * The {@code thread} family: threads inside the caller's process. A thread
 * runs a function value (or a source text) in the process's engine and shares
 * the process's globals, modules, working directory, environment and
 * descriptors; what it prints is kept as its outputs, returned by
 * {@code thread_join}.
 */
@ProvidesFamily("thread")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=thread")
public final class ThreadFamily implements SyscallFamily, Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int SPAWN = 0;
    private static final int SPAWN_SOURCE = 1;
    private static final int JOIN = 2;
    private static final int STATUS = 3;
    private static final int SELF = 4;
    private static final int YIELD = 5;
    private static final int LIST = 6;

    @Reference
    private Processes processes;

    @Override
    public String name() {
        return "thread";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("thread_spawn", "function, args", "start a thread calling function(args...); returns its tid",
                        new Dispatch(this, SPAWN)),
                new Syscall("thread_spawn_source", "name, source, argv",
                        "start a thread running Pebble source with ARGV = argv; returns its tid",
                        new Dispatch(this, SPAWN_SOURCE)),
                new Syscall("thread_join", "tid [, timeout_ms]",
                        "wait for a thread to end; its record (tid, pid, state, exit_status, result, outputs, error), "
                                + "or None when the timeout passes first", new Dispatch(this, JOIN)),
                new Syscall("thread_status", "tid", "the state of a thread", new Dispatch(this, STATUS)),
                new Syscall("thread_self", "", "the caller's thread id", new Dispatch(this, SELF)),
                new Syscall("thread_yield", "", "let the other threads of the process run", new Dispatch(this, YIELD)),
                new Syscall("thread_list", "[pid]", "the records of the threads of a process (default: the caller's)",
                        new Dispatch(this, LIST)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case SPAWN -> spawn(c, a);
            case SPAWN_SOURCE -> spawnSource(c, a);
            case JOIN -> join(c, a);
            case STATUS -> handle(Args.of("thread_status", a, 1, 1).intValue(0)).state();
            case SELF -> (long) c.tid();
            case YIELD -> this.yield(c, a); // a bare yield(...) would not compile
            case LIST -> list(c, a);
            default -> throw new IllegalArgumentException("thread: no syscall " + id);
        };
    }

    private Object spawn(TaskContext caller, Object[] values) {
        Args args = Args.of("thread_spawn", values, 1, 2);
        Object function = args.value(0);
        PList list = args.has(1) ? args.list(1) : new PList();
        String name = function instanceof pebbleos.api.value.Printable p ? functionName(p.str()) : "thread";
        ThreadHandle t = processes.startThread(caller, name,
                (engine, ctx) -> engine.thread(ctx, function, list.copy()), true);
        return (long) t.tid();
    }

    private static String functionName(String printed) {
        // "<function worker>" -> "worker"
        if (printed.startsWith("<") && printed.endsWith(">")) {
            String inner = printed.substring(1, printed.length() - 1);
            int space = inner.lastIndexOf(' ');
            return space >= 0 ? inner.substring(space + 1) : inner;
        }
        return printed;
    }

    private Object spawnSource(TaskContext caller, Object[] values) {
        Args args = Args.of("thread_spawn_source", values, 2, 3);
        String name = args.string(0);
        String source = args.string(1);
        List<String> argv = new ArrayList<>();
        argv.add(name);
        if (args.has(2)) {
            for (Object v : args.list(2)) {
                argv.add(Values.str(v));
            }
        }
        ThreadHandle t = processes.startThread(caller, name,
                (engine, ctx) -> engine.loadSource(ctx, "<" + name + ">", source, argv), true);
        return (long) t.tid();
    }

    private ThreadHandle handle(int tid) {
        ThreadHandle t = processes.thread(tid);
        if (t == null) {
            throw new PebbleException(Errno.SRCH, "thread " + tid + " does not exist");
        }
        return t;
    }

    private Object join(TaskContext caller, Object[] values) {
        Args args = Args.of("thread_join", values, 1, 2);
        int tid = args.intValue(0);
        if (tid == caller.tid()) {
            throw new PebbleException(Errno.DEADLK, "thread_join: a thread cannot join itself");
        }
        ThreadHandle t = handle(tid);
        long timeout = args.has(1) ? args.integer(1) : -1;
        caller.setBlockedOn("thread:" + tid);
        try {
            if (!t.join(caller, timeout)) {
                return PNone.NONE;
            }
        } finally {
            caller.setBlockedOn("");
        }
        PDict record = record(t);
        processes.forgetThread(tid);
        return record;
    }

    private Object yield(TaskContext caller, Object[] values) {
        Args.of("thread_yield", values, 0, 0);
        return caller.blocking("ready", () -> {
            Thread.yield();
            return 0L;
        });
    }

    private Object list(TaskContext caller, Object[] values) {
        Args args = Args.of("thread_list", values, 0, 1);
        int pid = args.intValue(0, caller.pid());
        PList out = new PList();
        for (ThreadHandle t : processes.threads(pid)) {
            out.append(record(t));
        }
        return out;
    }

    /** The record of a thread, as join and list give it. */
    static PDict record(ThreadHandle t) {
        PDict d = new PDict();
        d.put("tid", (long) t.tid());
        d.put("pid", (long) t.pid());
        d.put("tgid", (long) t.pid());
        d.put("name", t.name());
        d.put("state", t.state());
        d.put("exit_status", (long) t.exitStatus());
        Object result = t.result();
        d.put("result", result == null ? PNone.NONE : result);
        d.put("outputs", PList.from(t.outputs()));
        d.put("error", t.error() == null ? "" : t.error());
        d.put("blocked_on", t.blockedOn());
        return d;
    }
}
