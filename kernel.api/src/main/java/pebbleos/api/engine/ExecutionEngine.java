package pebbleos.api.engine;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;

/**
 * An engine that runs Pebble programs. The kernel calls it on the thread that
 * will run the task; the returned {@link Task} is then run on that thread.
 * Program files are read through the caller's syscalls, so they come from the
 * process's filesystem view. Failures (missing file, syntax error) are raised
 * as {@link pebbleos.api.PebbleException} with the text the user should see.
 */
@ConsumerType
public interface ExecutionEngine {
    /** Service property: the engine kind, {@code interp} or {@code vm}. */
    String ENGINE = "pebble.engine";

    /** The engine kind, equal to the {@value #ENGINE} property. */
    String name();

    /**
     * Prepare program {@code path} (absolute) to run as the main thread of the
     * caller's process with these arguments ({@code argv.get(0)} is the path as
     * the user typed it, used in error messages).
     */
    Task load(TaskContext caller, String path, List<String> argv);

    /** Prepare a program given as source text (a thread's body, the shell, {@code -c} programs). */
    Task loadSource(TaskContext caller, String name, String source, List<String> argv);

    /**
     * Prepare a thread of the caller's process that calls {@code function} (a
     * function value created by this engine in that process) with {@code args}.
     */
    Task thread(TaskContext caller, Object function, PList args);

    /**
     * Continue a task from a {@link Task#snapshot()} taken by this engine kind,
     * possibly by an older revision of it. Engines that cannot snapshot raise NOSYS.
     */
    Task restore(TaskContext caller, byte[] snapshot);

    /**
     * True when tasks of this engine honour {@link pebbleos.api.process.TaskContext#SUSPEND}
     * and can be snapshotted and restored (what lets a running program survive
     * the replacement of the engine's bundle).
     */
    default boolean canSnapshot() {
        return false;
    }

    /** Compile source to this engine's portable form (bytecode file); NOSYS when it has none. */
    byte[] compile(String name, String source);
}
