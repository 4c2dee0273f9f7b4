package pebbleos.lang.vm.jit;

import java.util.concurrent.atomic.AtomicInteger;

import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.CodeGenerator;
import pebbleos.lang.vm.machine.Compiled;

/**
 * The baseline JIT: compiles a proto whose heat (calls plus loop back-edges
 * run interpreted) reached {@link #threshold()} to a hidden JVM class
 * ({@link Translator}), which HotSpot then compiles as an ordinary small
 * method. A proto that cannot be compiled stays interpreted.
 *
 * <p>System properties (read by {@link #fromSystemProperties}):
 * {@code pebble.jit=off} turns it off, {@code pebble.jit.threshold=N} sets
 * the threshold, {@code pebble.jit.debug=true} reports protos that could not
 * be compiled on standard error.
 *
 * <p>With a folder ({@link #useDirectory}), the class files it writes are kept
 * there ({@link ClassFileCache}), so that a later boot defines the class of a
 * proto that got hot before without translating it again
 * ({@code pebble.jit.cache=off} leaves them out).
 */
public final class JitCompiler implements CodeGenerator {
    /** Enough to leave code that runs a few times (the shell, short commands) to the interpreter. */
    public static final int DEFAULT_THRESHOLD = 200;

    private static final AtomicInteger CLASSES = new AtomicInteger();

    private final int threshold;
    private final boolean debug;
    private final AtomicInteger compiled = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private volatile ClassFileCache classFiles;

    public JitCompiler(int threshold) {
        this(threshold, false);
    }

    private JitCompiler(int threshold, boolean debug) {
        this.threshold = threshold;
        this.debug = debug;
    }

    /** The JIT as the system properties configure it; null when they turn it off. */
    public static JitCompiler fromSystemProperties() {
        if ("off".equals(System.getProperty("pebble.jit"))) {
            return null;
        }
        int threshold = Integer.getInteger("pebble.jit.threshold", DEFAULT_THRESHOLD);
        return new JitCompiler(Math.max(0, threshold), Boolean.getBoolean("pebble.jit.debug"));
    }

    /** Keep the class files in {@code dir} too (the bytecode cache's folder: they live and go with its units). */
    public void useDirectory(java.nio.file.Path dir) {
        if (!"off".equals(System.getProperty("pebble.jit.cache"))) {
            classFiles = new ClassFileCache(dir);
        }
    }

    @Override
    public int threshold() {
        return threshold;
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
            classFile = Translator.translate(proto, className(proto));
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
