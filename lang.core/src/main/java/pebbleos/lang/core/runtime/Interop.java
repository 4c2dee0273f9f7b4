package pebbleos.lang.core.runtime;

import pebbleos.api.process.TaskContext;

/**
 * What builtins need from the engine running them: the kernel context, the
 * per-process runtime state, and a way to call a Pebble value back
 * ({@code sorted} with a key, {@code map}).
 */
public interface Interop {
    /** The kernel context of the running thread. */
    TaskContext ctx();

    /** The state of the process (modules, arguments, random generator). */
    ProcessRuntime process();

    /** Call any callable Pebble value with these arguments. */
    Object call(Object callable, Object[] args);
}
