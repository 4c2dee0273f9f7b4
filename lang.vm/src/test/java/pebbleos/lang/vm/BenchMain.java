package pebbleos.lang.vm;

import java.nio.file.Path;
import java.util.List;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.lang.core.testing.HostContext;
import pebbleos.lang.interp.InterpreterEngine;

/**
 * One benchmark run in a fresh JVM: {@code BenchMain ENGINE DIR NAME} runs
 * {@code DIR/NAME.peb} through the engine ({@code vm} or {@code interp}) and
 * the test kernel, prints the program's output on stdout and
 * {@code real N.NNNs} on stderr: the wall time of load and run inside the JVM
 * (compilation of the program and of the runtime API and JIT warm-up
 * included, JVM start excluded), as the shell's {@code time} will report it.
 * With CACHE the VM keeps compiled bytecode in that folder, as it does in
 * the bundle's data area in OSGi.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * What the running system has done before the shell's {@code time} starts:
     * the language core is loaded (builtins registered) because the shell, a
     * Pebble program, already ran; here on another engine instance of the
     * interpreter, so that neither measured engine finds its own caches warm.
     */
    private static void boot() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("pebble-boot");
            java.nio.file.Files.writeString(dir.resolve("boot.peb"), "x = len('shell')\nprint x\n");
            HostContext ctx = new HostContext(dir, HostContext.systemTree());
            new InterpreterEngine().load(ctx, "/boot.peb", List.of("boot.peb")).run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        ExecutionEngine engine;
        if (args[0].startsWith("vm")) {
            VmEngine vm = new VmEngine();
            if (args.length > 3) {
                // what the bundle's data area gives in OSGi: bytecode kept across boots
                vm.useCacheDirectory(Path.of(args[3]));
            }
            engine = vm;
        } else {
            engine = new InterpreterEngine();
        }
        if (Boolean.getBoolean("bench.booted")) {
            boot();
        }
        HostContext ctx = new HostContext(Path.of(args[1]), HostContext.systemTree());
        String name = args[2];
        long t0 = System.nanoTime();
        Outcome o = engine.load(ctx, "/" + name + ".peb", List.of(name + ".peb")).run();
        long t1 = System.nanoTime();
        System.out.print(ctx.out);
        if (o.error() != null) {
            System.out.println(o.error());
        }
        System.out.flush();
        System.err.printf("real %.3fs%n", (t1 - t0) / 1e9);
    }
}
