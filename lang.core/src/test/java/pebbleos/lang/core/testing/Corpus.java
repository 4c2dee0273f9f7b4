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
 * Runs Pebble programs with expected output (the repository's conformance corpus,
 * or the engine's own golden files) through an engine and the
 * {@link HostContext} test kernel, the way {@code shared/bin/conformance}
 * runs them through the whole system.
 */
public final class Corpus {
    /** One program's result. */
    public record Result(String name, boolean ok, String expected, String got) {
    }

    private Corpus() {
    }

    /**
     * The conformance corpus of the repository ({@code corpus/conformance}, a
     * copy of the shared acceptance corpus kept in the repository so that a
     * fresh clone runs it: no test depends on a folder beside the checkout).
     */
    public static Path conformance() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("corpus/conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("corpus/conformance is missing from the repository (searched up from "
                + Path.of("").toAbsolutePath() + ")");
    }

    /** Run every program with a {@code .out} beside it. */
    public static List<Result> run(ExecutionEngine engine, Path corpus) {
        List<Result> results = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path prog : walk.filter(p -> p.toString().endsWith(".peb")).sorted().toList()) {
                Path out = Path.of(prog.toString().replaceAll("\\.peb$", ".out"));
                if (Files.exists(out)) {
                    results.add(runOne(engine, corpus, prog, Files.readString(out, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    /** Run one program of the corpus in a fresh copy of it. */
    public static Result runOne(ExecutionEngine engine, Path corpus, Path prog, String expected) throws IOException {
        String rel = corpus.relativize(prog).toString().replace('\\', '/');
        Path disk = Files.createTempDirectory("pebble-corpus");
        try {
            copy(corpus, disk);
            HostContext ctx = new HostContext(disk, HostContext.systemTree());
            List<String> argv = new ArrayList<>();
            argv.add(rel);
            String first = Files.readString(prog).split("\n", 2)[0];
            if (first.startsWith("# args:")) {
                argv.addAll(Shlex.split(first.substring("# args:".length()).strip()));
            }
            String got;
            try {
                Outcome o = engine.load(ctx, "/" + rel, argv).run();
                got = ctx.out + (o.error() == null ? "" : o.error() + "\n");
            } catch (Terminated t) {
                got = ctx.out + "[exit " + t.status() + "]\n";
            }
            String want = expected.strip();
            boolean isError = rel.startsWith("errors/");
            boolean ok = isError ? got.strip().startsWith(want) || got.strip().equals(want) : got.strip().equals(want);
            return new Result(rel, ok, want, got.strip());
        } finally {
            delete(disk);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().endsWith(".out")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Shell-like word splitting with quotes, for the {@code # args:} line. */
    static final class Shlex {
        private Shlex() {
        }

        static List<String> split(String s) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        out.add(cur.toString());
                        cur.setLength(0);
                        inWord = false;
                    }
                } else {
                    cur.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                out.add(cur.toString());
            }
            return out;
        }
    }
}
