package pebbleos.api.process;

/**
 * The kernel's handle on one running thread of a Pebble process, given to the
 * execution engine that runs it and to every syscall it makes.
 *
 * <p>Engines poll {@link #attention} at their safe points (loop back-edges,
 * calls) and call {@link #safePoint()} when it is non-zero. That poll is a
 * single volatile read, so safe points can be frequent enough for a
 * {@code while 1: pass} to stop within milliseconds of a signal.
 */
public abstract class TaskContext {
    /** A signal is pending for the process or the thread. */
    public static final int SIGNAL = 1;
    /** Another thread of the process waits for the process lock. */
    public static final int YIELD = 2;
    /** The engine is being replaced: a task that can snapshot itself should suspend. */
    public static final int SUSPEND = 4;
    /** Buffered output has waited long enough: write it out at the next safe point. */
    public static final int FLUSH = 8;

    /** Non-zero when {@link #safePoint()} has work to do; a bit set of the constants above. */
    public volatile int attention;

    private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<TaskContext> ATTENTION =
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(TaskContext.class, "attention");

    /**
     * What a {@link #blocking} operation returns when a signal interrupted it
     * before it completed; the kernel delivers the signal and, if the task
     * goes on (it was stopped and continued), runs the operation again.
     */
    public static final Object INTERRUPTED = new Object();

    /** Set attention bits (atomically: other threads set them too). */
    public final void raise(int bits) {
        ATTENTION.getAndUpdate(this, a -> a | bits);
    }

    /** Clear attention bits. */
    public final void clear(int bits) {
        ATTENTION.getAndUpdate(this, a -> a & ~bits);
    }

    /** The process this thread belongs to. */
    public abstract ProcessView process();

    /** The thread id, unique across the system. */
    public abstract int tid();

    /** The process id. */
    public int pid() {
        return process().pid();
    }

    /**
     * Handle what {@link #attention} announces: deliver signals (may throw
     * {@link Terminated}, may block while the process is stopped) and hand the
     * process lock to waiting threads. Returns normally when the task may go on.
     */
    public abstract void safePoint();

    /** True when the engine should suspend the task now so that it can be snapshotted. */
    public boolean suspendRequested() {
        return (attention & SUSPEND) != 0;
    }

    /** Call a syscall by name; raises {@link pebbleos.api.PebbleException} on failure. */
    public abstract Object syscall(String name, Object... args);

    /** The file descriptor table of the process. */
    public FdTable fds() {
        return process().fds();
    }

    /**
     * Write program output ({@code print}) to the thread's standard output:
     * descriptor 1, unless the kernel captures this thread's output. The
     * kernel buffers it and flushes before every syscall and at exit.
     */
    public abstract void print(String text);

    /** Write to standard error (descriptor 2), unbuffered. */
    public abstract void printError(String text);

    /**
     * Read one line of standard input without its newline; {@code null} at end
     * of input. The prompt is written first. On a terminal this is cooked
     * input with line editing and the thread shows as {@code blocked-input}.
     */
    public abstract String readLine(String prompt);

    /**
     * Whether standard input is a console (a terminal, or the session's own
     * input), where a prompt is shown; false for a file or a pipe. The
     * original PebbleOS's {@code input(prompt)} shows its prompt only there,
     * as POSIX {@code read -p}. This default (a task with no descriptors of
     * its own) says true.
     */
    public boolean inputIsConsole() {
        return true;
    }

    /**
     * Write {@code length} bytes to a channel on this thread's behalf (the
     * {@code fd_write} and {@code fd_copy} syscalls, {@code print}'s output).
     * The kernel makes a wait on a pipe or socket interruptible and turns a
     * broken pipe (EPIPE) into SIGPIPE unless the process ignores it; this
     * default just writes.
     */
    public void write(Channel channel, byte[] bytes, int offset, int length) {
        channel.write(bytes, offset, length);
        channel.flush();
    }

    /** All of {@code bytes}: see {@link #write(Channel, byte[], int, int)}. */
    public final void write(Channel channel, byte[] bytes) {
        write(channel, bytes, 0, bytes.length);
    }

    /** Push buffered standard output out. */
    public abstract void flush();

    /**
     * Report what the thread is waiting for ({@code running}, {@code blocked-input},
     * {@code blocked-tty}, {@code blocked-mutex}, {@code sleeping}...), shown by
     * {@code ps}, {@code top} and {@code thread_status}.
     */
    public abstract void setState(String state);

    /** Say what a blocked thread waits on ({@code "mutex:3"}, {@code "stdin"}), {@code ""} when nothing. */
    public void setBlockedOn(String what) {
    }

    /**
     * Run a blocking operation without holding the process lock, so that other
     * threads of the process go on meanwhile. The state is shown while blocked.
     * A signal interrupts the Java thread: the operation should then return
     * {@link #INTERRUPTED} if it did not complete (it is run again when the
     * task goes on), or its result if it did. Signals are delivered when it
     * returns, so a killed task ends here with {@link Terminated}; a stopped
     * one waits for SIGCONT and then runs the operation again; a signal the
     * program catches ends the call with an {@code INTR} error.
     */
    public abstract <T> T blocking(String state, java.util.function.Supplier<T> operation);
}
