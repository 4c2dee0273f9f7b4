package pebbleos.kernel.proc;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Task;
import pebbleos.api.process.Credentials;
import pebbleos.api.process.FdTable;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.Processes;
import pebbleos.api.process.Signals;
import pebbleos.api.process.TaskContext;
import pebbleos.api.process.ThreadHandle;
import pebbleos.api.swap.ServiceSlot;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.syscall.SyscallTable;

/**
 * The one process table. Every Pebble process and thread is here: spawning
 * (with a chosen engine), waiting and reaping, signals and process groups, the
 * terminal's foreground group, and the hand-over of running programs when
 * their engine's bundle is replaced. It registers the {@code proc} family.
 */
@ProvidesFamily("proc")
@Component(service = Processes.class, immediate = true)
public final class ProcessTable implements Processes {
    /** How long a suspended task waits for its engine's successor before going on in the old one. */
    static final long ENGINE_SWAP_MILLIS = 10_000;
    /** How long an engine's unbind waits for its running tasks to snapshot themselves. */
    static final long SNAPSHOT_WAIT_MILLIS = 2_000;

    private final AtomicInteger nextPid = new AtomicInteger(1);
    private final AtomicInteger nextTid = new AtomicInteger(1);
    private final AtomicInteger nextPipe = new AtomicInteger(1);
    private final Map<Integer, PebbleProcess> processes = new ConcurrentSkipListMap<>();
    private final Map<Integer, PebbleThread> threads = new ConcurrentSkipListMap<>();
    private final Map<String, ServiceSlot<ExecutionEngine>> engines = new ConcurrentHashMap<>();
    /** Engines whose only bundle is stopping once its programs end: they take no new ones. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    /** Threads asked to suspend for an engine swap, completed once each has its snapshot. */
    private final Map<PebbleThread, CompletableFuture<Void>> suspending = new ConcurrentHashMap<>();
    private final Object childEvents = new Object();
    private volatile int foregroundGroup;
    private ServiceRegistration<SyscallFamily> procFamily;
    /** Writes out output a busy program buffered but has not flushed for a while. */
    private java.util.concurrent.ScheduledExecutorService flusher;

    // Dynamic and optional: the syscall table references every family, the proc family included.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyscallTable syscalls;

    /** Where the OOM killer reports (when there is a console). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Console console;

    /** The system log ({@code dmesg}). */
    final KernelLog log = new KernelLog();
    /** Live threads (of every process) per uid, for the {@code nproc} limit. */
    private final Map<Integer, AtomicInteger> tasksPerUser = new ConcurrentHashMap<>();
    private OomKiller oomKiller;
    /** Runs the OOM killer's check: once a second, and when a process's account passes half of the heap. */
    private Runnable oomCheck;

    @Activate
    void activate(BundleContext context) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SyscallFamily.FAMILY, "proc");
        procFamily = context.registerService(SyscallFamily.class, new ProcFamily(this), props);
        // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
        flusher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(new FlusherThreadFactory());
        flusher.scheduleWithFixedDelay(new Runnable() {
            @Override
            public void run() {
                flushStaleOutput();
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        oomKiller = new OomKiller(this, log, new Supplier<Console>() {
            @Override
            public Console get() {
                return console;
            }
        });
        oomCheck = new OomCheck(oomKiller);
        // on the flusher's thread, off the boot's path: the platform's memory beans take ~10 ms to make
        flusher.execute(new OomStart(oomKiller));
        flusher.scheduleWithFixedDelay(new CpuCheck(new CpuLimits(this)), 250, 250, TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(oomCheck, 1, 1, TimeUnit.SECONDS);
    }

    /** Makes the flusher's one thread: a daemon named {@code pebble-output-flusher}. */
    private static final class FlusherThreadFactory implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pebble-output-flusher");
            t.setDaemon(true);
            return t;
        }
    }

    /** Starts the OOM killer (it makes the platform's memory beans). */
    private static final class OomStart implements Runnable {
        private final OomKiller killer;

        OomStart(OomKiller killer) {
            this.killer = killer;
        }

        @Override
        public void run() {
            killer.start();
        }
    }

    /** Runs {@link OomKiller#check}. */
    private static final class OomCheck implements Runnable {
        private final OomKiller killer;

        OomCheck(OomKiller killer) {
            this.killer = killer;
        }

        @Override
        public void run() {
            killer.check();
        }
    }

    /** Runs {@link CpuLimits#check}. */
    private static final class CpuCheck implements Runnable {
        private final CpuLimits limits;

        CpuCheck(CpuLimits limits) {
            this.limits = limits;
        }

        @Override
        public void run() {
            limits.check();
        }
    }

    @Deactivate
    void deactivate() {
        oomKiller.stop();
        flusher.shutdownNow();
        procFamily.unregister();
    }

    /** Output buffered for more than 50 ms goes out at the process's next safe point. */
    private void flushStaleOutput() {
        long now = System.nanoTime();
        for (PebbleProcess p : processes.values()) {
            PebbleThread main = p.main;
            if (!p.ended && main != null && p.outputPending() && now - p.lastFlushNanos > 50_000_000L) {
                main.raise(TaskContext.FLUSH);
            }
        }
    }

    // ------------------------------------------------------------------ engines

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEngine(ExecutionEngine engine, ServiceReference<ExecutionEngine> reference) {
        slot(engine.name()).bind(engine, reference);
        retired.remove(engine.name()); // a new provider serves new programs again
    }

    void unbindEngine(ExecutionEngine engine) {
        slot(engine.name()).unbind(engine);
        if (engine.canSnapshot()) {
            List<CompletableFuture<Void>> snapshots = new ArrayList<>();
            for (PebbleThread t : threads.values()) {
                if (t.engine == engine && !t.finished()) {
                    snapshots.add(suspending.computeIfAbsent(t, k -> new CompletableFuture<>()));
                    t.raise(TaskContext.SUSPEND);
                }
            }
            awaitSnapshots(snapshots);
        }
    }

    /**
     * The unbind returns only once the running tasks have taken their
     * snapshots (or a while has passed: a task blocked in a syscall takes
     * it when the call returns): after that the old bundle's class loader
     * may be closed, and code of it not yet loaded could no longer load.
     */
    private void awaitSnapshots(List<CompletableFuture<Void>> snapshots) {
        try {
            CompletableFuture.allOf(snapshots.toArray(new CompletableFuture[0]))
                    .get(SNAPSHOT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // blocked tasks suspend later, from the old code if it can still load what it needs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServiceSlot<ExecutionEngine> slot(String kind) {
        return engines.computeIfAbsent(kind, NewEngineSlot.INSTANCE);
    }

    /** The slot of an engine kind not seen before, with the engine swap's window. */
    private static final class NewEngineSlot implements Function<String, ServiceSlot<ExecutionEngine>> {
        static final NewEngineSlot INSTANCE = new NewEngineSlot();

        @Override
        public ServiceSlot<ExecutionEngine> apply(String kind) {
            ServiceSlot<ExecutionEngine> s = new ServiceSlot<>("engine '" + kind + "'");
            s.setWindowMillis(ENGINE_SWAP_MILLIS);
            return s;
        }
    }

    ExecutionEngine engine(String kind) {
        if (retired.contains(kind)) {
            throw new PebbleException(Errno.NOSYS, "the '" + kind + "' engine is stopping: it takes no new programs");
        }
        ServiceSlot<ExecutionEngine> s = engines.get(kind);
        ExecutionEngine e = s == null ? null : s.current();
        if (e == null) {
            throw new PebbleException(Errno.NOSYS, "no '" + kind + "' engine in this image");
        }
        return e;
    }

    @Override
    public List<String> engines() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ServiceSlot<ExecutionEngine>> e : new TreeMap<>(engines).entrySet()) {
            if (e.getValue().current() != null && !retired.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    @Override
    public List<Integer> runningOn(String engine) {
        TreeSet<Integer> pids = new TreeSet<>();
        for (PebbleThread t : threads.values()) {
            ExecutionEngine e = t.engine;
            if (!t.finished() && e != null && engine.equals(e.name())) {
                pids.add(t.pid());
            }
        }
        return new ArrayList<>(pids);
    }

    @Override
    public void retireEngine(String engine, boolean retire) {
        if (retire) {
            retired.add(engine);
        } else {
            retired.remove(engine);
        }
    }

    private void snapshotTaken(PebbleThread thread) {
        CompletableFuture<Void> waiting = suspending.remove(thread);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /**
     * A task suspended for an engine swap: snapshot it, take the successor
     * engine (or, if none comes in time, the old one, whose code still runs)
     * and restore it there.
     */
    Task resume(PebbleThread thread, Task suspended) {
        byte[] snapshot;
        try {
            snapshot = suspended.snapshot();
        } finally {
            snapshotTaken(thread);
        }
        ExecutionEngine old = thread.engine;
        ExecutionEngine next = null;
        ServiceSlot<ExecutionEngine> s = slot(old.name());
        long deadline = System.currentTimeMillis() + ENGINE_SWAP_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            next = s.current();
            if (next != null && next != old) {
                break;
            }
            next = null;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (next == null) {
            next = old;
        }
        thread.clear(TaskContext.SUSPEND);
        thread.engine = next;
        return next.restore(thread, snapshot);
    }

    // ------------------------------------------------------------------ syscalls

    Object invoke(PebbleThread caller, String name, Object[] args) {
        SyscallTable table = syscalls;
        if (table == null) {
            throw new PebbleException(Errno.NOSYS, name + ": the syscall table is not available");
        }
        return table.invoke(caller, name, args);
    }

    // ------------------------------------------------------------------ processes

    @Override
    public int spawn(TaskContext parent, String engine, String path, List<String> argv, Map<Integer, OpenFile> fds,
            Map<String, String> env, String cwd, int pgid, String source) {
        return spawn(parent, engine, path, argv, fds, env, cwd, pgid, source, false, null, null);
    }

    /**
     * Spawn; with {@code foreground}, the child's group gets the terminal
     * before the child runs its first instruction (when the spawner's group
     * has it), so a job's first read never races the shell's tcsetpgrp.
     * {@code identity} is who the child is; {@code null}: its parent's (root's
     * for the first process).
     */
    int spawn(TaskContext parent, String engine, String path, List<String> argv, Map<Integer, OpenFile> fds,
            Map<String, String> env, String cwd, int pgid, String source, boolean foreground, Identity identity) {
        return spawn(parent, engine, path, argv, fds, env, cwd, pgid, source, foreground, identity, null);
    }

    /** Spawn, handing the child {@code data}, a value it reads with {@code proc_data} (already a private copy). */
    int spawn(TaskContext parent, String engine, String path, List<String> argv, Map<Integer, OpenFile> fds,
            Map<String, String> env, String cwd, int pgid, String source, boolean foreground, Identity identity,
            Object data) {
        ExecutionEngine chosen = engine(engine);
        PebbleProcess parentProcess = parent == null ? null : processes.get(parent.pid());
        if (parentProcess != null) {
            checkTaskLimit(parentProcess, "proc_spawn");
        }
        int pid = nextPid.getAndIncrement();
        int group = pgid == 0 ? pid : pgid < 0 ? (parentProcess == null ? pid : parentProcess.pgid) : pgid;
        int session = parentProcess == null ? pid : parentProcess.sid;
        FdTable table = new FdTable();
        for (Map.Entry<Integer, OpenFile> e : fds.entrySet()) {
            table.installAt(e.getKey(), e.getValue().retain());
        }
        Map<String, String> environment = env != null ? env
                : parentProcess != null ? new TreeMap<>(parentProcess.env()) : new TreeMap<>();
        String dir = cwd != null ? cwd : parentProcess != null ? parentProcess.cwd() : "/";
        Identity who = identity != null ? identity
                : parentProcess != null ? parentProcess.identity() : Identity.KERNEL;
        PebbleProcess p = new PebbleProcess(pid, parentProcess == null ? 0 : parentProcess.pid, group, session,
                path, argv, engine, table, environment, dir, who);
        p.kernelChild = parent == null;
        p.applyLimits(parentProcess != null ? parentProcess.limits.copy() : ResourceLimits.defaults());
        p.memory.pressure = oomCheck;
        p.data = data;
        processes.put(pid, p);
        PebbleThread main = newThread(p, p.name(), false, new LoadProgram(chosen, path, source, argv));
        p.main = main;
        if (foreground && parentProcess != null && (foregroundGroup == 0 || foregroundGroup == parentProcess.pgid)) {
            setForegroundGroup(group);
        }
        main.start();
        return pid;
    }

    /** A process's main thread: it runs on {@code engine} and loads the program (a file, or source text). */
    private static final class LoadProgram implements Function<TaskContext, Task> {
        private final ExecutionEngine engine;
        private final String path;
        private final String source;
        private final List<String> argv;

        LoadProgram(ExecutionEngine engine, String path, String source, List<String> argv) {
            this.engine = engine;
            this.path = path;
            this.source = source;
            this.argv = argv;
        }

        @Override
        public Task apply(TaskContext ctx) {
            ((PebbleThread) ctx).engine = engine;
            return source != null ? engine.loadSource(ctx, path, source, argv) : engine.load(ctx, path, argv);
        }
    }

    private PebbleThread newThread(PebbleProcess p, String name, boolean capture, Function<TaskContext, Task> body) {
        PebbleThread t = new PebbleThread(this, p, nextTid.getAndIncrement(), name, capture, body);
        p.threads.add(t);
        threads.put(t.tid(), t);
        tasksPerUser.computeIfAbsent(p.uid(), NewCount.INSTANCE).incrementAndGet();
        return t;
    }

    /** The count of a user's live tasks, made at the first one. */
    private static final class NewCount implements Function<Integer, AtomicInteger> {
        static final NewCount INSTANCE = new NewCount();

        @Override
        public AtomicInteger apply(Integer uid) {
            return new AtomicInteger();
        }
    }

    /** EAGAIN when the user of {@code p} already has as many live processes and threads as its nproc limit. */
    private void checkTaskLimit(PebbleProcess p, String call) {
        long max = p.limits.soft(ResourceLimits.Resource.NPROC);
        AtomicInteger live = tasksPerUser.get(p.uid());
        if (max != ResourceLimits.UNLIMITED && live != null && live.get() >= max) {
            throw new PebbleException(Errno.AGAIN, call + ": resource temporarily unavailable: user " + p.uid()
                    + " has " + live.get() + " processes and threads (ulimit -u " + max + ")");
        }
    }

    /** Live processes and threads of user {@code uid}. */
    int tasksOf(int uid) {
        AtomicInteger live = tasksPerUser.get(uid);
        return live == null ? 0 : live.get();
    }

    /** Send {@code signal} to {@code p} from the kernel (the OOM killer, the CPU limit). */
    void kill(PebbleProcess p, int signal) {
        if (!p.ended) {
            deliver(p, signal);
        }
    }

    PebbleProcess process(int pid) {
        PebbleProcess p = processes.get(pid);
        if (p == null) {
            throw PebbleProcess.noSuchProcess(pid);
        }
        return p;
    }

    PebbleProcess find(int pid) {
        return processes.get(pid);
    }

    List<PebbleProcess> list() {
        return new ArrayList<>(processes.values());
    }

    Pipe newPipe() {
        return new Pipe(nextPipe.getAndIncrement());
    }

    /** A thread has ended; the end of a main thread ends its process. */
    void threadEnded(PebbleThread thread, int status, int signal, boolean error) {
        snapshotTaken(thread); // it may have ended before it could suspend: nothing to wait for
        PebbleProcess p = thread.process;
        AtomicInteger live = tasksPerUser.get(p.uid());
        if (live != null) {
            live.decrementAndGet();
        }
        if (p.main != thread) {
            if (signal == 0 && thread.exitStatusRequested) {
                // exit(n) in a secondary thread ends the whole process with n
                p.exitOverride = status;
                p.post(Signals.SIGKILL);
                for (PebbleThread t : p.threads) {
                    t.signalled();
                }
            }
            return;
        }
        // the main thread: stop the others, close the descriptors, tell the parent
        for (PebbleThread t : p.threads) {
            if (t != thread && !t.finished()) {
                p.post(Signals.SIGKILL);
                t.signalled();
            }
        }
        for (PebbleThread t : p.threads) {
            if (t != thread) {
                t.join(null, 2000);
            }
        }
        p.fds.closeAll();
        int finalStatus = p.exitOverride >= 0 ? p.exitOverride : status;
        p.finish(finalStatus, p.exitOverride >= 0 ? 0 : signal, error);
        for (PebbleThread t : p.threads) {
            threads.remove(t.tid());
        }
        PebbleProcess parent = processes.get(p.ppid);
        if (p.kernelChild) {
            // the Java code that spawned it reaps it with waitFor
        } else if (parent == null || parent.ended) {
            processes.remove(p.pid);
        } else {
            parent.post(Signals.SIGCHLD);
        }
        // orphans are adopted by no one: they are reaped when they end
        for (PebbleProcess child : processes.values()) {
            if (child.ppid == p.pid && !child.kernelChild) {
                child.ppid = 0;
                if (child.ended) {
                    processes.remove(child.pid);
                }
            }
        }
        synchronized (childEvents) {
            childEvents.notifyAll();
        }
    }

    /**
     * Wait for a child of {@code caller}: {@code pid} > 0 that one, -1 any,
     * 0 any in the caller's group, &lt; -1 any in group -pid. With
     * {@code untraced} a stopped child is reported once. Returns
     * {@code null} with {@code nohang} when none is ready.
     */
    Map<String, Object> waitChild(TaskContext caller, int pid, boolean nohang, boolean untraced) {
        Object result = caller.blocking("blocked-wait",
                new ChildWait(caller.pid(), caller.process().pgid(), pid, nohang, untraced));
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) result;
        return r;
    }

    /** {@link #waitChild}'s wait, run as the caller's blocking operation. */
    private final class ChildWait implements Supplier<Object> {
        private final int self;
        private final int group;
        private final int pid;
        private final boolean nohang;
        private final boolean untraced;

        ChildWait(int self, int group, int pid, boolean nohang, boolean untraced) {
            this.self = self;
            this.group = group;
            this.pid = pid;
            this.nohang = nohang;
            this.untraced = untraced;
        }

        @Override
        public Object get() {
            while (true) {
                boolean any = false;
                for (PebbleProcess c : processes.values()) {
                    if (c.ppid != self || !matches(c, pid, group)) {
                        continue;
                    }
                    any = true;
                    if (c.ended) {
                        processes.remove(c.pid);
                        return report(c, false);
                    }
                    if (untraced && c.stopRequested && !c.stopReported) {
                        c.stopReported = true;
                        return report(c, true);
                    }
                }
                if (!any) {
                    throw new PebbleException(Errno.CHILD, "no child processes"
                            + (pid > 0 ? ": process " + pid + " is not a child of process " + self : ""));
                }
                if (nohang) {
                    return null;
                }
                synchronized (childEvents) {
                    try {
                        childEvents.wait(200);
                    } catch (InterruptedException e) {
                        return TaskContext.INTERRUPTED;
                    }
                }
            }
        }
    }

    private static boolean matches(PebbleProcess c, int pid, int group) {
        if (pid > 0) {
            return c.pid == pid;
        }
        if (pid == -1) {
            return true;
        }
        if (pid == 0) {
            return c.pgid == group;
        }
        return c.pgid == -pid;
    }

    private Map<String, Object> report(PebbleProcess c, boolean stopped) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("pid", (long) c.pid);
        out.put("status", stopped ? 128L + Signals.SIGTSTP : (long) c.exitStatus);
        out.put("signal", stopped ? (long) Signals.SIGTSTP : (long) c.termSignal);
        out.put("stopped", stopped ? 1L : 0L);
        out.put("state", stopped ? "stopped" : c.state(foregroundGroup));
        return out;
    }

    @Override
    public int waitFor(TaskContext caller, int pid) {
        PebbleProcess p = process(pid);
        if (caller == null) {
            p.awaitEnd();
        } else {
            caller.blocking("blocked-wait", new AwaitEnd(p));
        }
        processes.remove(pid);
        return p.exitStatus;
    }

    /** {@link #waitFor}'s wait for a process to end, run as the caller's blocking operation. */
    private static final class AwaitEnd implements Supplier<Object> {
        private final PebbleProcess process;

        AwaitEnd(PebbleProcess process) {
            this.process = process;
        }

        @Override
        public Object get() {
            return process.awaitEnd() ? Boolean.TRUE : TaskContext.INTERRUPTED;
        }
    }

    // ------------------------------------------------------------------ signals and groups

    @Override
    public void signal(int pid, int signal) {
        PebbleProcess p = processes.get(pid);
        if (p == null || p.ended) {
            throw PebbleProcess.noSuchProcess(pid);
        }
        deliver(p, signal);
    }

    private void deliver(PebbleProcess p, int signal) {
        if (signal == 0) {
            return; // existence check only
        }
        if (p.pid == 1 && signal != Signals.SIGCONT && !p.catches(signal)) {
            // process 1 (the session's shell) acts only on the signals it handles, as init does
            return;
        }
        p.post(signal);
        if (signal == Signals.SIGCHLD || signal == Signals.SIGWINCH) {
            return;
        }
        for (PebbleThread t : p.threads) {
            t.signalled();
        }
        if (Signals.stops(signal) || signal == Signals.SIGCONT) {
            synchronized (childEvents) {
                childEvents.notifyAll();
            }
        }
    }

    @Override
    public void signalGroup(int pgid, int signal) {
        signalGroup(null, pgid, signal);
    }

    /**
     * A process may signal another when it is root, or when its real or
     * effective uid is the other's real uid; SIGCONT goes to any process of
     * its session (so a shell can continue a job that became someone else,
     * as after su). The kernel itself (the terminal's keys) may signal any.
     */
    static boolean maySignal(PebbleProcess sender, PebbleProcess target, int signal) {
        if (sender == null) {
            return true;
        }
        Credentials s = sender.credentials;
        int owner = target.credentials.uid();
        return s.root() || s.uid() == owner || s.euid() == owner
                || signal == Signals.SIGCONT && sender.sid == target.sid;
    }

    /** Signal {@code pid} on behalf of {@code sender} (null: the kernel); EPERM when it may not. */
    void signal(PebbleProcess sender, int pid, int signal) {
        PebbleProcess p = processes.get(pid);
        if (p == null || p.ended) {
            throw PebbleProcess.noSuchProcess(pid);
        }
        if (!maySignal(sender, p, signal)) {
            throw new PebbleException(Errno.PERM, "operation not permitted: process " + pid + " is not yours");
        }
        deliver(p, signal);
    }

    /** Signal every process of group {@code pgid} that {@code sender} may; EPERM when it may signal none of them. */
    void signalGroup(PebbleProcess sender, int pgid, int signal) {
        int members = 0;
        int delivered = 0;
        for (PebbleProcess p : processes.values()) {
            if (p.pgid == pgid && !p.ended) {
                members++;
                if (maySignal(sender, p, signal)) {
                    deliver(p, signal);
                    delivered++;
                }
            }
        }
        if (members == 0) {
            throw new PebbleException(Errno.SRCH, "process group " + pgid + " does not exist");
        }
        if (delivered == 0) {
            throw new PebbleException(Errno.PERM, "operation not permitted: process group " + pgid + " is not yours");
        }
    }

    @Override
    public int foregroundGroup() {
        return foregroundGroup;
    }

    @Override
    public void setForegroundGroup(int pgid) {
        foregroundGroup = pgid;
    }

    /**
     * A process reading the terminal must be in the foreground group;
     * a background one is stopped with SIGTTIN until it is brought back.
     */
    void checkTerminalAccess(PebbleThread thread) {
        PebbleProcess p = thread.process;
        OpenFile in = p.fds.find(0);
        Console console = in == null ? null : in.channel().console();
        if (console == null || !console.isTerminal()) {
            return;
        }
        while (foregroundGroup != 0 && p.pgid != foregroundGroup && !p.ended) {
            signalGroup(p.pgid, Signals.SIGTTIN);
            thread.safePoint();
        }
    }

    // ------------------------------------------------------------------ threads

    @Override
    public ThreadHandle startThread(TaskContext caller, String name,
            java.util.function.BiFunction<ExecutionEngine, TaskContext, Task> body, boolean captureOutput) {
        PebbleProcess p = process(caller.pid());
        checkTaskLimit(p, "thread_spawn");
        PebbleThread parent = threads.get(caller.tid());
        ExecutionEngine engine = parent != null && parent.engine != null ? parent.engine : engine(p.engineName);
        PebbleThread t = newThread(p, name, captureOutput, new ThreadBody(engine, body));
        t.start();
        return t;
    }

    /** A secondary thread: it runs on {@code engine}, as {@code body} makes its task. */
    private static final class ThreadBody implements Function<TaskContext, Task> {
        private final ExecutionEngine engine;
        private final BiFunction<ExecutionEngine, TaskContext, Task> body;

        ThreadBody(ExecutionEngine engine, BiFunction<ExecutionEngine, TaskContext, Task> body) {
            this.engine = engine;
            this.body = body;
        }

        @Override
        public Task apply(TaskContext ctx) {
            ((PebbleThread) ctx).engine = engine;
            return body.apply(engine, ctx);
        }
    }

    @Override
    public ThreadHandle thread(int tid) {
        return threads.get(tid);
    }

    @Override
    public List<ThreadHandle> threads(int pid) {
        List<ThreadHandle> out = new ArrayList<>();
        for (PebbleThread t : threads.values()) {
            if (pid == 0 || t.pid() == pid) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public void forgetThread(int tid) {
        PebbleThread t = threads.get(tid);
        if (t != null && t.finished()) {
            threads.remove(tid);
            t.process.threads.remove(t);
        }
    }
}
