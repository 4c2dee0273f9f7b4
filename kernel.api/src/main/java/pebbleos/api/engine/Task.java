package pebbleos.api.engine;

/**
 * A program or thread body prepared by an engine, run on the thread that
 * owns it. {@link #run()} returns when the body ends, or, for engines that
 * support it, when the kernel asked for a suspension through
 * {@link pebbleos.api.process.TaskContext#SUSPEND}.
 */
public interface Task {
    /**
     * Run to the end (or to a suspension). Uncaught Pebble errors are returned
     * as an {@link Outcome} of kind {@code ERROR}; signals arrive as
     * {@link pebbleos.api.process.Terminated}, which propagates.
     */
    Outcome run();

    /** After a {@code SUSPENDED} outcome: the task's whole state as bytes, for {@link ExecutionEngine#restore}. */
    byte[] snapshot();
}
