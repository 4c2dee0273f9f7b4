package pebbleos.lang.vm.jit;

import java.util.concurrent.atomic.AtomicInteger;

import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.CodeGenerator;
import pebbleos.lang.vm.machine.Compiled;

/**
 * The baseline JIT: compiles a proto whose heat (calls plus loop back-edges
 * run interpreted) reached {@link #threshold(Proto)} to a hidden JVM class
 * ({@link Translator}), which HotSpot then compiles as an ordinary small
 * method. A proto that cannot be compiled stays interpreted.
 *
 * <p>System properties (read by {@link #fromSystemProperties}):
 * {@code pebble.jit=off} turns it off, {@code pebble.jit.threshold=N} sets
 * the threshold of all code (else the system's is {@link #DEFAULT_THRESHOLD}
 * and a program's {@link #DEFAULT_PROGRAM_THRESHOLD}),
 * {@code pebble.jit.debug=true} reports protos that could not be compiled on
 * standard error.
 *
 * <p>With a folder ({@link #useDirectory}), the class files it writes are kept
 * there ({@link ClassFileCache}), so that a later boot defines the class of a
 * proto that got hot before without translating it again
 * ({@code pebble.jit.cache=off} leaves them out).
 */
public final class JitCompiler implements CodeGenerator {
    /**
     * The system's code (under {@code /system}): enough to leave what runs a
     * few times (the shell, short commands) to the interpreter (at 50 the
     * shell's cold loop of tools/bench-shell took 0.055 s against 0.042 s).
     */
    public static final int DEFAULT_THRESHOLD = 200;
    /**
     * A user's program (any other file): its functions and loops compile
     * sooner (the 8 exec benchmarks from fresh boots, geomean 0.196 s at 200
     * against 0.168 s at 50; docs/performance.md).
     */
    public static final int DEFAULT_PROGRAM_THRESHOLD = 50;
    private static final String SYSTEM = "/system/";

    private static final AtomicInteger CLASSES = new AtomicInteger();

    private final int threshold;
    private final int programThreshold;
    private final boolean debug;
    private final AtomicInteger compiled = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private volatile ClassFileCache classFiles;

    /** A JIT with one threshold for all code. */
    public JitCompiler(int threshold) {
        this(threshold, threshold, false);
    }

    private JitCompiler(int threshold, int programThreshold, boolean debug) {
        this.threshold = threshold;
        this.programThreshold = programThreshold;
        this.debug = debug;
    }

    /** The JIT as the system properties configure it; null when they turn it off. */
    public static JitCompiler fromSystemProperties() {
        if ("off".equals(System.getProperty("pebble.jit"))) {
            return null;
        }
        Integer set = Integer.getInteger("pebble.jit.threshold");
        int system = set != null ? Math.max(0, set) : DEFAULT_THRESHOLD;
        int program = set != null ? system : DEFAULT_PROGRAM_THRESHOLD;
        return new JitCompiler(system, program, Boolean.getBoolean("pebble.jit.debug"));
    }

    /** Keep the class files in {@code dir} too (the bytecode cache's folder: they live and go with its units). */
    public void useDirectory(java.nio.file.Path dir) {
        if (!"off".equals(System.getProperty("pebble.jit.cache"))) {
            classFiles = new ClassFileCache(dir);
        }
    }

    @Override
    public int threshold(Proto proto) {
        return proto.file().startsWith(SYSTEM) ? threshold : programThreshold;
    }

    @Override
    public Compiled generate(Proto proto) {
        ClassFileCache kept = classFiles;
        Unit unit = proto.unit();
        String key = kept == null || unit.sourceHash.isEmpty() ? null : unit.sourceHash + "-" + proto.index();
        byte[] classFile = key == null ? null : kept.read(key);
        if (classFile != null) {
            try {
                Compiled code = Compiled.define(classFile);
                compiled.incrementAndGet();
                reused.incrementAndGet();
                return code;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                kept.forget(key); // a damaged file: translated again below
            }
        }
        try {
            // the system's code plainly: the shell's lexer and parser, compiled at every boot, came out
            // 60% larger with leaves in line and loops' values in locals, and a boot ~5% slower
            // (-c true 456 against 427 ms, 21 rounds), while awk, sed, sort and grep measured the same
            classFile = Translator.translate(proto, className(proto), !systemCode(proto));
            if (classFile == null) {
                refused(proto, "too large");
                return null;
            }
            Compiled code = Compiled.define(classFile);
            if (key != null) {
                kept.write(key, classFile);
            }
            compiled.incrementAndGet();
            return code;
        } catch (VirtualMachineError e) {
            throw e; // out of memory or stack: not the proto's fault, try again later
        } catch (Throwable e) {
            refused(proto, String.valueOf(e));
            return null;
        }
    }

    /** Code of the system's tree: its programs (/system/...) and the libraries they import (system/lib/...). */
    private static boolean systemCode(Proto proto) {
        String file = proto.file();
        return file.startsWith(SYSTEM) || file.startsWith(SYSTEM.substring(1));
    }

    /** How many of the protos it compiled had their class file from the folder, not translated. */
    public int reusedCount() {
        return reused.get();
    }

    /** How many protos this JIT compiled. */
    public int compiledCount() {
        return compiled.get();
    }

    /** How many protos it could not compile (they stay interpreted). */
    public int refusedCount() {
        return refused.get();
    }

    private void refused(Proto proto, String why) {
        refused.incrementAndGet();
        if (debug) {
            System.err.println("pebble.jit: " + proto.file() + ": " + proto.name + " not compiled: " + why);
        }
    }

    /** A JVM name for the class of {@code proto} (the function name, for Java stack traces). */
    private static String className(Proto proto) {
        StringBuilder sb = new StringBuilder("Jit$");
        for (char ch : proto.name.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) && ch < 128 ? ch : '_');
        }
        return sb.append('$').append(CLASSES.incrementAndGet()).toString();
    }
}
