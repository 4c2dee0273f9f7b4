package pebbleos.kernel.proc;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.Task;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.ProcessView;
import pebbleos.api.process.Signals;
import pebbleos.api.process.TaskContext;
import pebbleos.api.process.Terminated;
import pebbleos.api.process.ThreadHandle;

/**
 * One thread of a Pebble process: the kernel context its engine runs with,
 * and the Java thread that runs it. It holds the process lock while it runs
 * Pebble code and gives it up in blocking calls and when asked to yield.
 */
final class PebbleThread extends TaskContext implements ThreadHandle, Runnable {
    private static final Logger LOG = Logger.getLogger(PebbleThread.class.getName());
    /** Deep Pebble recursion in the tree-walking interpreter needs a deep Java stack. */
    static final long STACK_BYTES = 512L * 1024 * 1024;

    final ProcessTable table;
    final PebbleProcess process;
    private final int tid;
    private final String name;
    private final boolean capture;
    private final Function<TaskContext, Task> body;
    private final List<String> outputs = Collections.synchronizedList(new ArrayList<>());
    private volatile String state = "ready";
    private volatile String blockedOn = "";
    private volatile boolean finished;
    private volatile int exitStatus = -1;
    private volatile Object result;
    private volatile String error;
    /** The thread ended through exit(n). */
    volatile boolean exitStatusRequested;
    /** The engine whose task runs now (for hot swap of the engine bundle). */
    volatile ExecutionEngine engine;
    volatile Thread javaThread;

    PebbleThread(ProcessTable table, PebbleProcess process, int tid, String name, boolean capture,
            Function<TaskContext, Task> body) {
        this.table = table;
        this.process = process;
        this.tid = tid;
        this.name = name;
        this.capture = capture;
        this.body = body;
    }

    void start() {
        Thread t = new Thread(null, this, "pebble-" + process.pid + "-" + tid + "-" + name, STACK_BYTES);
        t.setDaemon(true);
        javaThread = t;
        t.start();
    }

    // ------------------------------------------------------------------ running

    @Override
    public void run() {
        pebbleos.api.process.MemoryAccount.enter(ACCOUNTING ? process.memory : null);
        try {
            runTask();
        } finally {
            pebbleos.api.process.MemoryAccount.enter(null);
        }
    }

    private void runTask() {
        Outcome outcome = null;
        int status = 0;
        int signal = 0;
        if (process.main != this) {
            // a new thread is ready, not running: the spawner keeps the process for its slice,
            // as a scheduler's ready queue would (thread_status right after a spawn says "ready")
            try {
                Thread.sleep(ProcessLock.SLICE_NANOS / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.lock.acquire(this);
        state = "running";
        try {
            Task task = body.apply(this);
            outcome = task.run();
            while (outcome.kind() == Outcome.Kind.SUSPENDED) {
                // the engine bundle is being replaced: continue in its successor
                task = table.resume(this, task);
                outcome = task.run();
            }
            result = outcome.result();
            error = outcome.error();
            status = outcome.status();
            if (error != null) {
                reportError(error + "\n");
            }
        } catch (Terminated t) {
            status = t.status();
            signal = t.signal();
            exitStatusRequested = signal == 0;
        } catch (PebbleException e) {
            error = e.getMessage();
            status = e.errno() == Errno.NOENT ? 127 : e.errno() == Errno.NOSYS ? 127 : 1;
            reportError(e.getMessage() + "\n");
        } catch (StackOverflowError e) {
            error = "recursion depth exceeded";
            status = 1;
            reportError(error + "\n");
        } catch (OutOfMemoryError e) {
            error = "out of memory";
            status = 1;
            reportError(error + "\n");
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "thread " + tid + " of process " + process.pid + " failed", t);
            error = "internal error: " + t;
            status = 1;
            reportError(error + "\n");
        } finally {
            try {
                flushOutput();
            } catch (Terminated | PebbleException e) {
                // the reader has gone: nothing more to say
            }
            process.addEndedThreadCpu(cpuNanos());
            exitStatus = status;
            state = signal != 0 ? "halted" : (error != null && outcome == null ? "error"
                    : outcome != null && outcome.kind() == Outcome.Kind.ERROR ? "error" : "halted");
            finished = true;
            if (process.lock.heldByCurrentThread()) {
                process.lock.release();
            }
            synchronized (this) {
                notifyAll();
            }
            table.threadEnded(this, status, signal, outcome != null && outcome.kind() == Outcome.Kind.ERROR);
        }
    }

    // ------------------------------------------------------------------ TaskContext

    @Override
    public ProcessView process() {
        return process;
    }

    @Override
    public int tid() {
        return tid;
    }

    @Override
    public int pid() {
        return process.pid;
    }

    @Override
    public void safePoint() {
        int a = attention;
        if ((a & YIELD) != 0) {
            if (!process.lock.contended()) {
                clear(YIELD);
            } else if (process.lock.sliceUsed()) {
                // another thread of the process waits and this one has had its slice
                clear(YIELD);
                state = "ready";
                process.lock.release();
                process.lock.acquire(this);
                state = "running";
            }
        }
        if ((a & SIGNAL) != 0) {
            clear(SIGNAL);
            deliverSignals();
        }
        if ((a & FLUSH) != 0) {
            clear(FLUSH);
            flushOutput();
        }
    }

    /** Act on the process's signal state: end (fatal signal) or pause (stopped); raise a limit's error. */
    private void deliverSignals() {
        if (process.fatalSignal != 0) {
            throw Terminated.bySignal(process.fatalSignal);
        }
        String limitError = process.pendingError.getAndSet(null);
        if (limitError != null) {
            throw new PebbleException(Errno.AGAIN, limitError);
        }
        if (process.stopRequested) {
            flushOutput();
            String before = state;
            state = "stopped";
            process.lock.release();
            try {
                process.awaitContinue();
            } finally {
                process.lock.acquire(this);
                state = before;
            }
            if (process.fatalSignal != 0) {
                throw Terminated.bySignal(process.fatalSignal);
            }
        }
    }

    @Override
    public Object syscall(String name, Object... args) {
        flushOutput();
        return table.invoke(this, name, args);
    }

    @Override
    public void print(String text) {
        if (capture) {
            outputs.add(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            return;
        }
        if (process.buffer(text)) {
            flushOutput();
        }
    }

    @Override
    public void printError(String text) {
        flushOutput();
        writeError(text);
    }

    @Override
    public void flush() {
        flushOutput();
    }

    /** Write the process's buffered output to descriptor 1; a broken pipe ends the process (SIGPIPE). */
    void flushOutput() {
        byte[] bytes = process.takeOutput();
        if (bytes == null) {
            return;
        }
        OpenFile out = process.fds.find(1);
        if (out == null) {
            return;
        }
        write(out.channel(), bytes, 0, bytes.length);
    }

    @Override
    public void write(Channel channel, byte[] bytes, int offset, int length) {
        try {
            if (channel.interruptible()) {
                // a wait for the reader is a blocked state a signal interrupts; a retry after
                // SIGSTOP/SIGCONT goes on from what was written
                int[] done = {0};
                blocking("blocked-output", () -> {
                    while (done[0] < length) {
                        done[0] += channel.writeSome(bytes, offset + done[0], length - done[0]);
                    }
                    return null;
                });
            } else if (waitsForPeer(channel)) {
                blocking("blocked-output", () -> {
                    channel.write(bytes, offset, length);
                    return null;
                });
            } else {
                channel.write(bytes, offset, length);
            }
            channel.flush();
        } catch (PebbleException e) {
            if (e.errno() == Errno.PIPE && (process.ignored & (1L << Signals.SIGPIPE)) == 0) {
                // a process that ignores SIGPIPE (the shell) gets the EPIPE error instead
                process.post(Signals.SIGPIPE);
                throw Terminated.bySignal(Signals.SIGPIPE);
            }
            throw e;
        }
    }

    /** A pipe or socket whose writes may wait for the other end (without {@link Channel#writeSome}). */
    private static boolean waitsForPeer(Channel channel) {
        if (channel.isTerminal()) {
            return false;
        }
        String kind = channel.stat().kind();
        return FileStat.PIPE.equals(kind) || FileStat.SOCKET.equals(kind);
    }

    /**
     * The error that ends the thread, on standard error after what it printed
     * before (with 2>&1 both go to one place, and the error comes last).
     */
    private void reportError(String text) {
        try {
            flushOutput();
        } catch (Terminated | PebbleException e) {
            // the reader of standard output has gone: the error still goes to standard error
        }
        writeError(text);
    }

    private void writeError(String text) {
        OpenFile err = process.fds.find(2);
        if (err == null) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            err.channel().write(bytes, 0, bytes.length);
            err.channel().flush();
        } catch (RuntimeException e) {
            // nowhere left to report it (a device going away may fail in its own way)
            LOG.log(Level.FINE, "standard error of process " + process.pid + " failed", e);
        }
    }

    @Override
    public boolean inputIsConsole() {
        OpenFile in = process.fds.find(0);
        return in != null && in.channel().console() != null;
    }

    @Override
    public String readLine(String prompt) {
        flushOutput();
        OpenFile in = process.fds.find(0);
        if (in == null) {
            return null;
        }
        Channel channel = in.channel();
        Console console = channel.console();
        if (console != null) {
            table.checkTerminalAccess(this);
            blockedOn = "stdin";
            try {
                return blocking("blocked-input", () -> console.readLine(prompt, this));
            } finally {
                blockedOn = "";
            }
        }
        if (!prompt.isEmpty()) {
            print(prompt);
            flushOutput();
        }
        blockedOn = "stdin";
        try {
            return blocking("blocked-input", () -> readLineBytes(channel));
        } finally {
            blockedOn = "";
        }
    }

    /** One line from a byte channel, without its newline; null at end of input. */
    private static String readLineBytes(Channel channel) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (true) {
            int n = channel.read(one, 0, 1);
            if (n < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (n == 0) {
                continue;
            }
            if (one[0] == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(one[0]);
        }
    }

    @Override
    public void setState(String newState) {
        state = newState;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T blocking(String blockedState, Supplier<T> operation) {
        if (process.fatalSignal != 0) {
            // the process is ending: no new wait begins (its last output to a full pipe is dropped)
            throw Terminated.bySignal(process.fatalSignal);
        }
        boolean locked = process.lock.heldByCurrentThread();
        String before = state;
        state = blockedState;
        if (locked) {
            process.lock.release();
        }
        T value;
        try {
            while (true) {
                T r;
                try {
                    r = operation.get();
                } catch (PebbleException e) {
                    if (e.errno() != Errno.INTR) {
                        throw e;
                    }
                    r = (T) INTERRUPTED;
                }
                Thread.interrupted();
                if (r != INTERRUPTED) {
                    value = r;
                    break;
                }
                if (process.fatalSignal != 0) {
                    throw Terminated.bySignal(process.fatalSignal);
                }
                if (process.stopRequested) {
                    state = "stopped";
                    process.awaitContinue();
                    state = blockedState;
                }
                if (process.pending != 0) {
                    // a signal the program handles: the call fails (EINTR) so that it can act on it
                    throw new PebbleException(Errno.INTR, "interrupted by a signal");
                }
            }
        } finally {
            if (locked) {
                process.lock.acquire(this);
            }
            state = before;
        }
        if (attention != 0 && locked) {
            safePoint();
        }
        return value;
    }

    /** Wake the thread for a signal: attention for safe points, an interrupt for blocking calls. */
    void signalled() {
        raise(SIGNAL);
        // Only threads waiting in an interruptible wait: an interrupt during file I/O
        // would close the file channel under it.
        Thread t = javaThread;
        String s = state;
        if (t != null && !finished && (s.startsWith("blocked") || s.equals("sleeping") || s.equals("stopped"))) {
            t.interrupt();
        }
    }

    // ------------------------------------------------------------------ ThreadHandle

    @Override
    public String name() {
        return name;
    }

    @Override
    public String state() {
        return state;
    }

    /** CPU time this thread has used, in nanoseconds (0 when the JVM does not measure it, or once it has ended). */
    long cpuNanos() {
        Thread t = javaThread;
        if (t == null || !CPU.isThreadCpuTimeSupported()) {
            return 0;
        }
        @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
        long id = t.getId();
        return Math.max(0, CPU.getThreadCpuTime(id));
    }

    /** The JVM's per-thread CPU clocks (user and system time together). */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * Memory accounting, on unless the JVM runs with
     * {@code -Dpebbleos.accounting=off}: a switch only for measuring what
     * accounting costs (docs/processes.md). Off, no thread has an account, so
     * nothing is charged, no memory limit is met and the OOM killer sees
     * every account empty.
     */
    static final boolean ACCOUNTING = !"off".equals(System.getProperty("pebbleos.accounting"));

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public int exitStatus() {
        return exitStatus;
    }

    @Override
    public Object result() {
        return result;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public List<String> outputs() {
        synchronized (outputs) {
            return new ArrayList<>(outputs);
        }
    }

    @Override
    public String blockedOn() {
        return blockedOn;
    }

    @Override
    public void setBlockedOn(String what) {
        blockedOn = what == null ? "" : what;
    }

    @Override
    public boolean join(TaskContext caller, long timeoutMillis) {
        if (finished) {
            return true;
        }
        Supplier<Object> wait = () -> {
            long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
            synchronized (this) {
                while (!finished) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        return Boolean.FALSE;
                    }
                    try {
                        wait(Math.min(left, 1000));
                    } catch (InterruptedException e) {
                        return INTERRUPTED;
                    }
                }
                return Boolean.TRUE;
            }
        };
        Object done = caller == null ? wait.get() : caller.blocking("blocked-join", wait);
        return done == Boolean.TRUE;
    }

    boolean captures() {
        return capture;
    }
}
