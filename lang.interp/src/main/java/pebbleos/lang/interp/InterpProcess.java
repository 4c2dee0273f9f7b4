package pebbleos.lang.interp;

import java.util.List;

import pebbleos.lang.core.runtime.CompiledModule;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.ProcessRuntime;

/** The interpreter's per-process state: the shared runtime state plus the code cache to compile with. */
public final class InterpProcess extends ProcessRuntime {
    private final TreeCache cache;

    InterpProcess(List<String> arguments, TreeCache cache) {
        super(arguments);
        this.cache = cache;
    }

    @Override
    protected CompiledModule compile(String file, String source) {
        return cache.compile(file, source);
    }

    @Override
    protected void run(Interop rt, CompiledModule code, PModule module) {
        InterpThread t = (InterpThread) rt;
        CompiledCode c = (CompiledCode) code;
        c.body().exec(new Activation(null, null, module, t, null, null, c.file()));
    }
}
