package pebbleos.lang.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.process.Terminated;

/**
 * Runs an untrusted (generated, mutated) program through an engine and says
 * what, if anything, went wrong from the host's point of view: a Java
 * exception escaping the engine, an error text that is not
 * {@code FILE:LINE: message}, an "internal error" (a Java failure the engine
 * caught and wrapped), or a program that ran past its time without reaching a
 * safe point, or Java's own words (a class name, an exception's name, a stack
 * frame) in what the program printed, caught or died of. Pebble errors,
 * exits and kills are fine outcomes.
 *
 * <p>Endless programs are bounded twice: the test kernel kills the program
 * after a number of safe points, and a watchdog kills it at the next safe
 * point after a wall-clock limit.
 */
public final class Sandbox {
    /**
     * Java's own words, which a user must never see: a qualified class name of
     * the JDK or of this system, a Java exception's or error's simple name, a
     * stack frame.
     */
    private static final Pattern JAVA_TEXT = Pattern.compile(
            "\\b(java|javax|jdk|sun|org\\.h2|org\\.objectweb|pebbleos)\\.[a-z]\\w*\\.[\\w.$]*"
            + "|\\b[A-Z]\\w*(Exception|Error)\\b(?<!\\bMemoryError)|\\n\\s*at [\\w.$]+\\(");

    /** An uncaught error's first line: a file, a line number, a message. */
    private static final Pattern LOCATED = Pattern.compile("[^\\s:][^:\\n]*:[1-9][0-9]*: .*", Pattern.DOTALL);

    private final ExecutionEngine engine;
    private final Path disk;
    private final long safePoints;
    private final long timeoutMillis;
    private final long stackBytes;

    /**
     * @param disk          the host folder the programs see as their root (shared by the runs)
     * @param safePoints    safe points (loop iterations, calls) before a program is killed
     * @param timeoutMillis wall-clock time before a program is killed at its next safe point
     * @param stackBytes    the stack of the thread that runs the program (a kernel thread's)
     */
    public Sandbox(ExecutionEngine engine, Path disk, long safePoints, long timeoutMillis, long stackBytes) {
        this.engine = engine;
        this.disk = disk;
        this.safePoints = safePoints;
        this.timeoutMillis = timeoutMillis;
        this.stackBytes = stackBytes;
    }

    /** Run {@code source} as {@code main.peb}; {@code null} when the host saw nothing wrong, else what it saw. */
    public String problem(String source) {
        HostContext ctx = new HostContext(disk, HostContext.systemTree());
        ctx.limitSafePoints(safePoints);
        Outcome[] outcome = new Outcome[1];
        Throwable[] escaped = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                outcome[0] = engine.loadSource(ctx, Run.MAIN, source, List.of(Run.MAIN)).run();
            } catch (Terminated e) {
                // killed by the budget or the watchdog, or exit(n): a normal end
            } catch (Throwable e) {
                escaped[0] = e;
            }
        }, "fuzzed-program", stackBytes);
        t.setDaemon(true);
        t.start();
        try {
            t.join(timeoutMillis);
            if (t.isAlive()) {
                // kill at the next safe point; a program that reaches none within the grace time is stuck
                ctx.limitSafePoints(0);
                long grace = Math.min(5_000, timeoutMillis);
                t.join(grace);
                if (t.isAlive()) {
                    StackTraceElement[] where = t.getStackTrace();
                    stop(t);
                    return "no safe point reached for " + (timeoutMillis + grace) + " ms; stuck in\n"
                            + trace(where);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (escaped[0] != null) {
            StringWriter w = new StringWriter();
            escaped[0].printStackTrace(new PrintWriter(w));
            return "host exception escaped the engine: " + w;
        }
        if (outcome[0] != null && outcome[0].error() != null) {
            String error = outcome[0].error();
            String first = error.split("\n", 2)[0];
            if (!LOCATED.matcher(first).matches()) {
                return "error is not FILE:LINE: message: " + error;
            }
            if (error.contains("internal error")) {
                return "a Java failure inside the engine: " + error;
            }
        }
        for (String seen : new String[] {ctx.out.toString(), ctx.err.toString(),
                outcome[0] != null && outcome[0].error() != null ? outcome[0].error() : ""}) {
            java.util.regex.Matcher m = JAVA_TEXT.matcher(seen);
            if (m.find()) {
                return "Java text reached the program or its user: '" + m.group() + "' in\n" + seen;
            }
        }
        return null;
    }

    private static String trace(StackTraceElement[] where) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(where.length, 25); i++) {
            sb.append("    at ").append(where[i]).append('\n');
        }
        return sb.toString();
    }

    /** A program stuck outside safe points cannot be stopped politely; the test reports it anyway. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();
        } catch (UnsupportedOperationException e) {
            // Java 20+: the daemon thread is left to finish
        }
    }
}
