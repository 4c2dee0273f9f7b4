package pebbleos.lang.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.process.Terminated;

/**
 * Runs one Pebble program given as source text through an engine and the
 * {@link HostContext} test kernel, and returns what the user sees. Shared by
 * the engines' tests so that a rule is tested the same way in both:
 *
 * <pre>
 *   Result r = Run.program(engine, "print 1 + 2");
 *   assertEquals("3\n", r.out());
 * </pre>
 *
 * The program is the file {@code /main.peb} of a fresh temporary disk (the
 * working directory is {@code /}); {@code files} are more files to put on
 * that disk, as path/content pairs ({@code "lib/util.peb", "def f(): ..."}).
 */
public final class Run {
    /** The file name the program runs as, and names its errors with. */
    public static final String MAIN = "main.peb";

    /**
     * What a run gave.
     *
     * @param out    standard output (print)
     * @param err    standard error written by the program itself (eprint, fd 2)
     * @param error  the uncaught error text ({@code main.peb:LINE: message}), or null
     * @param status the exit status: 0, 1 after an error, {@code exit(n)}'s n, 128+signal
     */
    public record Result(String out, String err, String error, int status) {
        /** Output then the error line, as a terminal shows them. */
        public String all() {
            return out + (error == null ? "" : error + "\n");
        }

        public boolean failed() {
            return error != null;
        }
    }

    private Run() {
    }

    /** Run {@code source} as {@code main.peb} with no arguments. */
    public static Result program(ExecutionEngine engine, String source, String... files) {
        return withArgs(engine, source, List.of(), files);
    }

    /** Run {@code source} as {@code main.peb} with program arguments {@code args}. */
    public static Result withArgs(ExecutionEngine engine, String source, List<String> args, String... files) {
        return withContext(engine, source, args, ctx -> { }, files);
    }

    /** Something to do to the test kernel before the program starts (input lines, a step budget, a cwd). */
    @FunctionalInterface
    public interface Setup {
        void apply(HostContext ctx) throws IOException;
    }

    /** Run with a prepared test kernel. */
    public static Result withContext(ExecutionEngine engine, String source, List<String> args, Setup setup,
            String... files) {
        if (files.length % 2 != 0) {
            throw new IllegalArgumentException("files are path/content pairs");
        }
        Path disk = null;
        try {
            disk = Files.createTempDirectory("pebble-run");
            Files.writeString(disk.resolve(MAIN), source, StandardCharsets.UTF_8);
            for (int i = 0; i < files.length; i += 2) {
                Path p = disk.resolve(files[i]);
                Files.createDirectories(p.getParent());
                Files.writeString(p, files[i + 1], StandardCharsets.UTF_8);
            }
            HostContext ctx = new HostContext(disk, HostContext.systemTree());
            setup.apply(ctx);
            List<String> argv = new ArrayList<>();
            argv.add(MAIN);
            argv.addAll(args);
            try {
                Outcome o = engine.load(ctx, "/" + MAIN, argv).run();
                return new Result(ctx.out.toString(), ctx.err.toString(), o.error(), o.status());
            } catch (Terminated t) {
                return new Result(ctx.out.toString(), ctx.err.toString(), null, t.status());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (disk != null) {
                delete(disk);
            }
        }
    }

    /** Standard output of a program that must not fail; a failure is reported with its error text. */
    public static String out(ExecutionEngine engine, String source, String... files) {
        Result r = program(engine, source, files);
        if (r.failed()) {
            throw new AssertionError("program failed: " + r.error() + "\noutput so far:\n" + r.out());
        }
        return r.out();
    }

    /** The error text of a program that must fail. */
    public static String error(ExecutionEngine engine, String source, String... files) {
        Result r = program(engine, source, files);
        if (!r.failed()) {
            throw new AssertionError("program did not fail; output:\n" + r.out());
        }
        return r.error();
    }

    /** Lines joined with newlines, plus a final newline: a program text or an expected output. */
    public static String lines(String... lines) {
        return lines.length == 0 ? "" : String.join("\n", lines) + "\n";
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
