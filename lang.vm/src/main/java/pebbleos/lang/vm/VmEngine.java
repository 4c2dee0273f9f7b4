package pebbleos.lang.vm;

import java.io.File;
import java.util.List;
import java.util.function.BiFunction;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.ProvidesEngine;
import pebbleos.api.engine.Task;
import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.PBoundMethod;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.jit.JitCompiler;
import pebbleos.lang.vm.machine.CodeGenerator;
import pebbleos.lang.vm.machine.VmFunction;
import pebbleos.lang.vm.machine.VmProcess;
import pebbleos.lang.vm.store.BytecodeFile;
import pebbleos.lang.vm.store.CodeCache;
import pebbleos.lang.vm.store.Snapshots;

/**
 * The bytecode VM as an {@link ExecutionEngine} ({@code pebble.engine=vm},
 * used by {@code exec} and direct command launch). Source is compiled to
 * bytecode (cached by content in memory and, in OSGi, in the bundle's data
 * area) and run on a resumable register machine whose tasks can be stepped,
 * suspended at safe points, snapshotted and restored, also by a newer build
 * of this bundle.
 */
@ProvidesEngine("vm")
@Component(service = ExecutionEngine.class, property = ExecutionEngine.ENGINE + "=vm")
public final class VmEngine implements ExecutionEngine {
    /** The framework property naming the host folder for caches that outlive a boot. */
    public static final String CACHE_PROPERTY = "pebbleos.cache";

    private final CodeCache cache = new CodeCache();
    /** Compiles hot code to JVM classes; null: interpret only. */
    private final CodeGenerator jit;

    public VmEngine() {
        this(JitCompiler.fromSystemProperties());
    }

    /** An engine with the given JIT (null: interpret only), for tests. */
    public VmEngine(CodeGenerator jit) {
        this.jit = jit;
    }

    /**
     * In OSGi: keep compiled bytecode across boots, in {@code CACHE/bytecode}
     * when the framework property {@value #CACHE_PROPERTY} names a folder (the
     * launcher sets it: its framework storage is fresh at every boot), else in
     * the bundle's persistent data area.
     */
    @Activate
    void activate(BundleContext context) {
        String shared = context.getProperty(CACHE_PROPERTY);
        File dir = shared != null && !shared.isBlank() ? new File(shared, "bytecode") : context.getDataFile("bytecode");
        if (dir != null) {
            useCacheDirectory(dir.toPath());
        }
    }

    /** Outside OSGi (tests, benchmarks): keep compiled bytecode in {@code dir} across launches. */
    public void useCacheDirectory(java.nio.file.Path dir) {
        cache.useDirectory(dir);
        if (jit instanceof JitCompiler compiler) {
            compiler.useDirectory(dir); // the JIT's class files beside the units they were made from
        }
    }

    @Override
    public String name() {
        return "vm";
    }

    @Override
    public Task load(TaskContext caller, String path, List<String> argv) {
        return VmTask.program(this, caller, path, null, argv);
    }

    @Override
    public Task loadSource(TaskContext caller, String name, String source, List<String> argv) {
        return VmTask.program(this, caller, name, source, argv);
    }

    @Override
    public Task thread(TaskContext caller, Object function, PList args) {
        if (!(function instanceof VmFunction) && !(function instanceof PBoundMethod)
                && !(function instanceof PBuiltin)) {
            throw new PebbleException(Errno.INVAL, "thread_spawn: expected a function value");
        }
        return VmTask.thread(this, caller, function, args);
    }

    @Override
    public boolean canSnapshot() {
        return true;
    }

    @Override
    public Task restore(TaskContext caller, byte[] snapshot) {
        try {
            return Snapshots.read(this, caller, snapshot);
        } catch (PebbleError e) {
            throw new PebbleException(Errno.INVAL, e.getMessage());
        }
    }

    @Override
    public byte[] compile(String name, String source) {
        try {
            return BytecodeFile.encode(cache.compile(name, source));
        } catch (PebbleError e) {
            throw new PebbleException(Errno.INVAL, e.report());
        }
    }

    /** The code cache (tests look at its counters). */
    public CodeCache cache() {
        return cache;
    }

    /** The VM state of the caller's process, made on first use. */
    public VmProcess processOf(TaskContext caller, List<String> arguments) {
        Object state = caller.process().engineState();
        if (state instanceof VmProcess p) {
            return p;
        }
        VmProcess p = newProcess(arguments);
        caller.process().setEngineState(p);
        return p;
    }

    /** A fresh process state compiling through this engine's cache. */
    public VmProcess newProcess(List<String> arguments) {
        // a class, not a lambda: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
        return new VmProcess(arguments, new CacheCompiler(cache), jit);
    }

    /** Compiles a process's modules through the engine's code cache. */
    private static final class CacheCompiler implements BiFunction<String, String, Unit> {
        private final CodeCache cache;

        CacheCompiler(CodeCache cache) {
            this.cache = cache;
        }

        @Override
        public Unit apply(String file, String source) {
            return cache.compile(file, source);
        }
    }
}
