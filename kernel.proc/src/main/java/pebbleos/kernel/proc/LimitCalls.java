package pebbleos.kernel.proc;

import java.util.List;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * The resource syscalls of the {@code proc} family: limits ({@code ulimit}),
 * what a process uses, the processors, and the system log. Resources: {@code cpu} (seconds),
 * {@code memory} (bytes held by the process's values), {@code nofile}
 * (descriptor numbers), {@code nproc} (processes and threads of its user);
 * -1 is unlimited.
 */
final class LimitCalls implements Dispatch.Table {
    private final ProcessTable table;
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int GETRLIMIT = 0;
    private static final int SETRLIMIT = 1;
    private static final int USAGE = 2;
    private static final int MEMINFO = 3;
    private static final int KLOG = 4;
    private static final int CPUS = 5;

    LimitCalls(ProcessTable table) {
        this.table = table;
    }

    List<Syscall> syscalls() {
        return List.of(
                new Syscall("proc_getrlimit", "resource [, pid]",
                        "a limit of the caller (or pid): {soft, hard}; resources cpu (s), memory (bytes), nofile, nproc; -1 unlimited",
                        new Dispatch(this, GETRLIMIT)),
                new Syscall("proc_setrlimit", "resource, soft, hard [, pid]",
                        "set a limit of the caller (or of pid: its parent, or any process of its user), inherited by "
                                + "the children started later; soft <= hard; raising hard needs uid 0",
                        new Dispatch(this, SETRLIMIT)),
                new Syscall("proc_usage", "[pid]",
                        "what a process uses: {memory (bytes held), cpu_ms, fds, threads, user_tasks}",
                        new Dispatch(this, USAGE)),
                new Syscall("proc_meminfo", "",
                        "the memory all processes share: {heap_max, heap_committed, heap_used (bytes of the JVM heap), "
                                + "held (bytes held by the values of all processes, by their accounts), processes}",
                        new Dispatch(this, MEMINFO)),
                new Syscall("proc_klog", "", "the system log: the kernel's messages, oldest first, as lines",
                        new Dispatch(this, KLOG)),
                new Syscall("proc_cpus", "",
                        "how many processors the system's threads can run on at once (nproc)",
                        new Dispatch(this, CPUS)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case GETRLIMIT -> getrlimit(c, a);
            case SETRLIMIT -> setrlimit(c, a);
            case USAGE -> usage(c, a);
            case MEMINFO -> meminfo(c, a);
            case KLOG -> klog(c, a);
            case CPUS -> cpus(a);
            default -> throw new IllegalArgumentException("proc limits: no syscall " + id);
        };
    }

    private Object cpus(Object[] values) {
        Args.of("proc_cpus", values, 0, 0);
        return (long) Runtime.getRuntime().availableProcessors();
    }

    private Object klog(TaskContext caller, Object[] values) {
        Args.of("proc_klog", values, 0, 0);
        return PList.from(table.log.lines());
    }

    private PebbleProcess target(TaskContext caller, Args args, int index) {
        int pid = args.intValue(index, 0);
        return table.process(pid == 0 ? caller.pid() : pid);
    }

    private Object getrlimit(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_getrlimit", values, 1, 2);
        ResourceLimits.Resource r = ResourceLimits.Resource.parse(args.string(0));
        ResourceLimits limits = target(caller, args, 1).limits;
        return PDict.of("soft", limits.soft(r), "hard", limits.hard(r));
    }

    private Object setrlimit(TaskContext caller, Object[] values) {
        Args args = Args.of("proc_setrlimit", values, 3, 4);
        ResourceLimits.Resource r = ResourceLimits.Resource.parse(args.string(0));
        PebbleProcess p = target(caller, args, 3);
        int uid = caller.process().uid();
        if (p.pid != caller.pid() && uid != 0 && p.uid() != uid) {
            throw new PebbleException(Errno.PERM, "proc_setrlimit: operation not permitted: process " + p.pid
                    + " belongs to another user");
        }
        p.limits.change(r, args.integer(1), args.integer(2), uid == 0);
        p.applyLimits(p.limits);
        if (r == ResourceLimits.Resource.CPU) {
            p.cpuWarned = false; // a new limit: its error comes again
        }
        return 0L;
    }

    private Object meminfo(TaskContext caller, Object[] values) {
        Args.of("proc_meminfo", values, 0, 0);
        Runtime rt = Runtime.getRuntime();
        long held = 0;
        long count = 0;
        for (PebbleProcess p : table.list()) {
            held += p.memory.held();
            count++;
        }
        return PDict.of("heap_max", rt.maxMemory(), "heap_committed", rt.totalMemory(),
                "heap_used", rt.totalMemory() - rt.freeMemory(), "held", held, "processes", count);
    }

    private Object usage(TaskContext caller, Object[] values) {
        PebbleProcess p = target(caller, Args.of("proc_usage", values, 0, 1), 0);
        return PDict.of("memory", p.memory.held(), "cpu_ms", p.cpuNanos() / 1_000_000L, "fds", (long) p.fds.size(),
                "threads", (long) p.threads.size(), "user_tasks", (long) table.tasksOf(p.uid()));
    }
}
