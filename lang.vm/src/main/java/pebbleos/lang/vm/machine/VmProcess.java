package pebbleos.lang.vm.machine;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import pebbleos.lang.core.runtime.CompiledModule;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.ProcessRuntime;
import pebbleos.lang.vm.code.Unit;

/**
 * The VM's per-process state: the shared runtime state of lang.core (module
 * cache, runtime API, arguments, random generator) plus the compiler to load
 * modules with. Modules run in a nested run of the importing thread's machine.
 */
public final class VmProcess extends ProcessRuntime {
    private final BiFunction<String, String, Unit> compiler;
    private final CodeGenerator generator;

    /** {@code generator} compiles hot protos to JVM code; null: the process's code is only interpreted. */
    public VmProcess(List<String> arguments, BiFunction<String, String, Unit> compiler, CodeGenerator generator) {
        super(arguments);
        this.compiler = compiler;
        this.generator = generator;
    }

    /** The JIT of this process, or null. */
    public CodeGenerator generator() {
        return generator;
    }

    @Override
    protected CompiledModule compile(String file, String source) {
        return compiler.apply(file, source);
    }

    @Override
    protected void run(Interop rt, CompiledModule code, PModule module) {
        ((Machine) rt).runModule((Unit) code, module);
    }

    /**
     * On a machine of its own: the running machine is inside an instruction
     * whose registers a nested run could move (its stack may grow).
     */
    @Override
    protected void runDetached(Interop rt, CompiledModule code, PModule module) {
        new Machine(rt.ctx(), this).runModule((Unit) code, module);
    }

    /** The loaded modules, live (for snapshots). */
    public Map<String, PModule> modules() {
        return loadedModules();
    }

    /** Set the runtime API module of a restored process. */
    public void setRuntime(PModule module) {
        restoreRuntime(module);
    }
}
