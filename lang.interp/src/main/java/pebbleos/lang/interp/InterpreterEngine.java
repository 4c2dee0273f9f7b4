package pebbleos.lang.interp;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.ProvidesEngine;
import pebbleos.api.engine.Task;
import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.ProcessRuntime;

/**
 * The tree-walking interpreter as an {@link ExecutionEngine}
 * ({@code pebble.engine=interp}, used by {@code run}). It compiles source to
 * a tree of executable nodes (cached by content across processes) and runs
 * it on the calling thread.
 */
@ProvidesEngine("interp")
@Component(service = ExecutionEngine.class, property = ExecutionEngine.ENGINE + "=interp")
public final class InterpreterEngine implements ExecutionEngine {
    private final TreeCache cache = new TreeCache();

    @Override
    public String name() {
        return "interp";
    }

    @Override
    public Task load(TaskContext caller, String path, List<String> argv) {
        return new Programs.Main(cache, caller, path, null, argv);
    }

    @Override
    public Task loadSource(TaskContext caller, String name, String source, List<String> argv) {
        return new Programs.Main(cache, caller, name, source, argv);
    }

    @Override
    public Task thread(TaskContext caller, Object function, PList args) {
        if (!(function instanceof InterpFunction) && !(function instanceof pebbleos.lang.core.runtime.PBoundMethod)
                && !(function instanceof pebbleos.lang.core.runtime.PBuiltin)) {
            throw new PebbleException(Errno.INVAL, "thread_spawn: expected a function value");
        }
        return new Programs.ThreadCall(cache, caller, function, args);
    }

    @Override
    public Task restore(TaskContext caller, byte[] snapshot) {
        throw new PebbleException(Errno.NOSYS, "the interpreter cannot restore snapshots");
    }

    @Override
    public byte[] compile(String name, String source) {
        throw new PebbleException(Errno.NOSYS, "the interpreter has no bytecode form");
    }

    /** The interpreter state of the caller's process, made on first use. */
    static InterpProcess processOf(TaskContext caller, List<String> arguments, TreeCache cache) {
        Object state = caller.process().engineState();
        if (state instanceof InterpProcess p) {
            return p;
        }
        InterpProcess p = new InterpProcess(arguments, cache);
        caller.process().setEngineState(p);
        return p;
    }

    /** The text of an uncaught error. */
    static Outcome failed(PebbleError e) {
        return Outcome.error(e.report());
    }

}
