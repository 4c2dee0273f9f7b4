package pebbleos.kernel.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.Credentials;
import pebbleos.api.process.FdTable;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.ProcessView;
import pebbleos.api.process.Signals;

/**
 * One process of the table: identity, credentials, umask, working directory,
 * environment, descriptors, its threads, its process lock, its signal state
 * and, once ended, its exit status. Threads share all of it.
 */
final class PebbleProcess implements ProcessView {
    final int pid;
    volatile int ppid;
    volatile int pgid;
    volatile int sid;
    final String path;
    final List<String> argv;
    final String engineName;
    final FdTable fds;
    final ProcessLock lock = new ProcessLock();
    final List<PebbleThread> threads = new CopyOnWriteArrayList<>();
    /** Spawned by Java code (the bootloader, tests), which reaps it with waitFor. */
    volatile boolean kernelChild;
    /** When buffered standard output was last written out. */
    volatile long lastFlushNanos = System.nanoTime();
    /** The thread that runs the program; its end is the process's end. */
    volatile PebbleThread main;
    final long startMillis = System.currentTimeMillis();
    /** CPU time of its threads that have ended, in nanoseconds. */
    private final AtomicLong endedThreadsCpuNanos = new AtomicLong();
    private final Map<String, String> env;
    private volatile String cwd;
    private Object engineState;

    // --- who it is
    /** Real and effective ids and groups; replaced whole when root changes them. */
    volatile Credentials credentials;
    /** The mode bits new files and directories do not get. */
    volatile int umask;
    /** Started as a set-user-id or set-group-id program: engines load modules from /system only. */
    final boolean secure;
    /** The name the session was logged in as ({@code who}); inherited, set by root. */
    volatile String login;

    // --- signal state
    /** The signal that ends the process, 0 while none. */
    volatile int fatalSignal;
    /** SIGTSTP (or another stop signal) arrived and no SIGCONT since. */
    volatile boolean stopRequested;
    /** The parent has been told about the latest stop (wait with untraced). */
    volatile boolean stopReported = true;

    // --- end of life
    volatile boolean ended;
    volatile int exitStatus = -1;
    volatile int termSignal;
    volatile boolean failed;
    /** Set by exit(n) in a secondary thread: the status the whole process ends with. */
    volatile int exitOverride = -1;

    // --- resources: limits (ulimit), the memory account, CPU time of ended threads
    volatile ResourceLimits limits;
    final ProcessMemory memory;
    /** A limit's catchable error (CPUTimeError) for the next safe point of any thread, or null. */
    final java.util.concurrent.atomic.AtomicReference<String> pendingError = new java.util.concurrent.atomic.AtomicReference<>();
    /** The CPU limit's error has been raised once; the next step is SIGXCPU. */
    volatile boolean cpuWarned;

    // --- standard output buffer, shared by the threads (under the process lock)
    private final StringBuilder out = new StringBuilder();

    PebbleProcess(int pid, int ppid, int pgid, int sid, String path, List<String> argv, String engineName,
            FdTable fds, Map<String, String> env, String cwd, Identity identity) {
        this.pid = pid;
        this.ppid = ppid;
        this.pgid = pgid;
        this.sid = sid;
        this.path = path;
        this.argv = List.copyOf(argv);
        this.engineName = engineName;
        this.fds = fds;
        this.env = Collections.synchronizedMap(new TreeMap<>(env));
        this.cwd = cwd;
        this.credentials = identity.credentials();
        this.umask = identity.umask();
        this.secure = identity.secure();
        this.login = identity.login();
        this.memory = new ProcessMemory(pid);
    }

    /** What a child of this process is, unless its spawn says otherwise. */
    Identity identity() {
        return new Identity(credentials, umask, false, login);
    }

    /** Take the limits (the kernel's defaults or the parent's copy) and apply them. */
    void applyLimits(ResourceLimits l) {
        limits = l;
        memory.limit = l.soft(ResourceLimits.Resource.MEMORY);
        long nofile = l.soft(ResourceLimits.Resource.NOFILE);
        fds.setLimit(nofile == ResourceLimits.UNLIMITED ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, nofile));
    }

    /** CPU time of every thread of the process, ended ones included, in nanoseconds. */
    long cpuNanos() {
        long total = endedThreadsCpuNanos.get();
        for (PebbleThread t : threads) {
            if (!t.finished()) {
                total += t.cpuNanos();
            }
        }
        return total;
    }

    /** A thread ended having used {@code nanos} of CPU. */
    void addEndedThreadCpu(long nanos) {
        endedThreadsCpuNanos.addAndGet(Math.max(0, nanos));
    }

    // ------------------------------------------------------------------ ProcessView

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int ppid() {
        return ppid;
    }

    @Override
    public int pgid() {
        return pgid;
    }

    @Override
    public int sid() {
        return sid;
    }

    @Override
    public int uid() {
        return credentials.uid();
    }

    @Override
    public int gid() {
        return credentials.gid();
    }

    @Override
    public int umask() {
        return umask;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String cwd() {
        return cwd;
    }

    @Override
    public void setCwd(String absolutePath) {
        cwd = absolutePath;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String engine() {
        return engineName;
    }

    @Override
    public FdTable fds() {
        return fds;
    }

    @Override
    public synchronized Object engineState() {
        return engineState;
    }

    @Override
    public synchronized void setEngineState(Object state) {
        engineState = state;
    }

    // ------------------------------------------------------------------ output

    /** Buffer program output; returns true when it should be flushed now. */
    boolean buffer(String text) {
        out.append(text);
        return out.length() >= 8192 || terminalOutput() && text.indexOf('\n') >= 0;
    }

    private boolean terminalOutput() {
        OpenFile f = fds.find(1);
        return f != null && f.channel().isTerminal();
    }

    /** Take the buffered output as bytes (empty when none). */
    byte[] takeOutput() {
        lastFlushNanos = System.nanoTime();
        if (out.length() == 0) {
            return null;
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        return bytes;
    }

    boolean outputPending() {
        return out.length() > 0;
    }

    // ------------------------------------------------------------------ state

    /** The state shown by ps: ready/running/foreground/stopped/done/halted/error. */
    String state(int foregroundGroup) {
        if (ended) {
            if (termSignal != 0) {
                return "halted";
            }
            return failed ? "error" : "done";
        }
        if (stopRequested) {
            return "stopped";
        }
        PebbleThread m = main;
        if (m != null && m.state().startsWith("blocked")) {
            return m.state();
        }
        return pgid == foregroundGroup ? "foreground" : "running";
    }

    /** Record the end of the process; what it held is released (its values become garbage). */
    void finish(int status, int signal, boolean error) {
        memory.clear();
        setEngineState(null);
        synchronized (this) {
            exitStatus = status;
            termSignal = signal;
            failed = error;
            ended = true;
            notifyAll();
        }
    }

    /** Wait until the process ends; false when interrupted. */
    synchronized boolean awaitEnd() {
        while (!ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** True when the program handles the signal itself. */
    boolean catches(int signal) {
        return signal > 0 && signal < 64 && (caught & (1L << signal)) != 0;
    }

    /** The caught signals that arrived since the last call, lowest first; clears them. */
    synchronized List<Integer> takePending() {
        List<Integer> out = new ArrayList<>();
        for (int signal = 1; signal < 64; signal++) {
            if ((pending & (1L << signal)) != 0) {
                out.add(signal);
            }
        }
        pending = 0;
        return out;
    }

    /** Block the calling thread while the process is stopped; fatal signals end the wait. */
    synchronized void awaitContinue() {
        while (stopRequested && fatalSignal == 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                // a signal arrived: look at the state again
            }
        }
    }

    /** Signals this process ignores (bit n for signal n); SIGKILL and SIGSTOP cannot be ignored. */
    volatile long ignored;
    /** Signals the program handles itself (bit n for signal n): they are kept as pending, never acted on. */
    volatile long caught;
    /** Caught signals that arrived and the program has not taken yet (proc_pending). */
    volatile long pending;
    /** A value the spawner handed over (proc_spawn's data option), a private deep copy; null if none. */
    volatile Object data;

    /** A signal arrived: update the state; the table wakes the threads. */
    synchronized void post(int signal) {
        if (ended) {
            return;
        }
        if (signal != Signals.SIGKILL && signal != Signals.SIGSTOP && (caught & (1L << signal)) != 0) {
            pending |= 1L << signal;
            notifyAll();
            return;
        }
        if (signal != Signals.SIGKILL && signal != Signals.SIGSTOP && (ignored & (1L << signal)) != 0) {
            return;
        }
        if (signal == Signals.SIGCONT) {
            stopRequested = false;
            stopReported = true;
        } else if (Signals.stops(signal)) {
            if (signal != Signals.SIGSTOP && fatalSignal != 0) {
                return;
            }
            stopRequested = true;
            stopReported = false;
        } else if (Signals.terminates(signal)) {
            if (fatalSignal == 0) {
                fatalSignal = signal;
            }
        }
        notifyAll();
    }

    static PebbleException noSuchProcess(int pid) {
        return new PebbleException(Errno.SRCH, "process " + pid + " does not exist");
    }

    String name() {
        String a0 = argv.isEmpty() ? path : argv.get(0);
        int slash = a0.lastIndexOf('/');
        return slash >= 0 ? a0.substring(slash + 1) : a0;
    }
}
