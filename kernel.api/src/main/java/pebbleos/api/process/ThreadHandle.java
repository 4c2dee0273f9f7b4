package pebbleos.api.process;

import java.util.List;

/** A thread of a Pebble process as the thread family sees it. */
public interface ThreadHandle {
    int tid();

    int pid();

    String name();

    /** {@code ready}, {@code running}, {@code blocked-input}, {@code blocked-mutex}, ..., {@code halted}, {@code error}. */
    String state();

    /** True once the thread has ended. */
    boolean finished();

    /** 0 when it ended normally, 1 after an error, 128+n after signal n; -1 while running. */
    int exitStatus();

    /** What its function returned ({@code None} for a source thread), or {@code null} while running. */
    Object result();

    /** The error text if it failed, else {@code null}. */
    String error();

    /** The lines it printed (each {@code print} is one line), when its output is captured. */
    List<String> outputs();

    /** What it is blocked on ({@code ""}, {@code "stdin"}, {@code "tty"}, {@code "mutex:3"}). */
    String blockedOn();

    /**
     * Wait for the thread to end, at most {@code timeoutMillis} (negative: no
     * limit), on behalf of {@code caller} (which does not hold its process lock
     * while waiting). Returns true when it has ended.
     */
    boolean join(TaskContext caller, long timeoutMillis);
}
