package pebbleos.api.process;

/**
 * Thrown at a safe point or a blocking call when a signal ends the task
 * (SIGINT, SIGTERM, SIGKILL, SIGPIPE, or {@code exit(n)}). It is an
 * {@link Error} so that no engine's error handling (and no Pebble
 * {@code try/except}) can swallow it; the kernel catches it at the bottom of
 * the thread and records the exit status.
 */
public final class Terminated extends Error {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int signal;

    private Terminated(int status, int signal, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.signal = signal;
    }

    /** Ended by a signal: exit status 128 + signal, as in sh. */
    public static Terminated bySignal(int signal) {
        return new Terminated(128 + signal, signal, Signals.name(signal));
    }

    /** Ended by {@code exit(status)}. */
    public static Terminated byExit(int status) {
        return new Terminated(status, 0, "exit " + status);
    }

    public int status() {
        return status;
    }

    /** The signal that ended the task, 0 for an exit. */
    public int signal() {
        return signal;
    }
}
