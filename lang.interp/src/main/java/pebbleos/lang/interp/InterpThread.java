package pebbleos.lang.interp;

import pebbleos.api.process.TaskContext;
import pebbleos.lang.core.runtime.Calls;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.ProcessRuntime;

/**
 * One Pebble thread running in the interpreter: its kernel context, its
 * process's shared state, and its call depth (the recursion limit).
 */
public final class InterpThread implements Interop {
    public final TaskContext ctx;
    public final InterpProcess process;
    public int depth;
    /** The error an except block is handling, for a bare raise. */
    public pebbleos.lang.core.runtime.PebbleError handling;

    public InterpThread(TaskContext ctx, InterpProcess process) {
        this.ctx = ctx;
        this.process = process;
    }

    @Override
    public TaskContext ctx() {
        return ctx;
    }

    @Override
    public ProcessRuntime process() {
        return process;
    }

    /**
     * Call from Java (a builtin such as {@code os.delete}, {@code sorted} with
     * a key, a thread's body). An error leaving a function of a transparent
     * module (the runtime API, /system/lib) loses its place there, so that
     * the Pebble code around the builtin call reports it at its own line.
     */
    @Override
    public Object call(Object callable, Object[] args) {
        if (callable instanceof InterpFunction f) {
            if (f.module.transparent) {
                try {
                    return f.invoke(this, args);
                } catch (PebbleError e) {
                    throw e.relocate(null, 0);
                }
            }
            return f.invoke(this, args);
        }
        return Calls.call(this, callable, args);
    }
}
