package pebbleos.lang.interp;

import pebbleos.api.process.TaskContext;
import pebbleos.lang.core.runtime.Calls;
import pebbleos.lang.core.runtime.Interop;
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

    @Override
    public Object call(Object callable, Object[] args) {
        if (callable instanceof InterpFunction f) {
            return f.invoke(this, args);
        }
        return Calls.call(this, callable, args);
    }
}
