package pebbleos.lang.vm;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.Test;

/**
 * The benchmark of issue 4 until the shell's {@code time} exists: every
 * {@code shared/bench/NAME.peb} through each engine in a fresh JVM per run
 * ({@link BenchMain}, the launcher's JVM flags), alternating with
 * {@code python3 NAME.py} timed as a whole process, as {@code shared/bin/bench}
 * does. Prints medians, ratios and the geometric means; outputs must agree.
 *
 * <p>Not part of the default test run (it takes minutes):
 * {@code mvn -pl lang.vm test -Dtest=BenchmarkHarness -Dbench.runs=5 [-Dbench.engines=vm,interp] [-Dbench.only=fib,loop]
 * [-Dbench.booted=true]}; booted: the language core was loaded by a shell-like program first (see BenchMain).
 */
public class BenchmarkHarness {
    private static final Pattern REAL = Pattern.compile("real\\s+([0-9.]+)s");

    @Test
    public void benchmark() throws Exception {
        Path bench = shared("bench");
        Assume.assumeTrue("shared/bench is not beside the repository", bench != null);
        int runs = Integer.getInteger("bench.runs", 3);
        String[] engines = System.getProperty("bench.engines", "vm,vm-cached,interp").split(",");
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(bench)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".peb")).map(n -> n.replace(".peb", ""))
                    .filter(n -> Files.exists(bench.resolve(n + ".py")))
                    .filter(n -> only.get(0).isEmpty() || only.contains(n)).sorted().forEach(names::add);
        }
        if (Files.isDirectory(CACHE)) {
            try (Stream<Path> walk = Files.walk(CACHE)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("JDK ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", ").append(runs)
                .append(" runs each, medians\n");
        boolean allAgree = true;
        for (String engine : engines) {
            report.append(String.format("%n%-10s %10s %10s %8s   (%s)%n", "program", "in-JVM s", "cpython s", "ratio",
                    engine));
            double logSum = 0;
            double worst = 0;
            for (String name : names) {
                List<Double> ours = new ArrayList<>();
                List<Double> theirs = new ArrayList<>();
                String status = "";
                for (int i = 0; i < runs; i++) {
                    Run r = ours(engine, bench, name);
                    Run c = python(bench, name);
                    ours.add(r.seconds);
                    theirs.add(c.seconds);
                    if (!r.output.strip().equals(c.output.strip())) {
                        status = "  MISMATCH: " + last(r.output) + " vs " + last(c.output);
                        allAgree = false;
                    }
                }
                double o = median(ours);
                double c = median(theirs);
                logSum += Math.log(o / c);
                worst = Math.max(worst, o / c);
                report.append(String.format("%-10s %10.3f %10.3f %8.2f%s%n", name, o, c, o / c, status));
            }
            report.append(String.format("%s: geomean in-JVM/cpython %.2f, worst %.2f over %d programs%n", engine,
                    Math.exp(logSum / names.size()), worst, names.size()));
        }
        System.out.println(report);
        Path out = Path.of("target", "bench-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertTrue("outputs differ from CPython's", allAgree);
    }

    private record Run(double seconds, String output) {
    }

    private static final Path CACHE = Path.of("target", "bench-bytecode-cache").toAbsolutePath();

    /**
     * One fresh JVM. {@code vm-cached} keeps bytecode in a folder across runs as
     * the bundle's data area does across boots; a first, untimed run fills it.
     */
    private static Run ours(String engine, Path bench, String name) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-Dbench.booted=" + Boolean.getBoolean("bench.booted"),
                "-cp", System.getProperty("java.class.path"),
                BenchMain.class.getName(), engine, bench.toString(), name));
        if (engine.equals("vm-cached")) {
            cmd.add(CACHE.toString());
            if (!Files.isDirectory(CACHE.resolve("primed-" + name))) {
                launch(cmd, engine, name);
                Files.createDirectories(CACHE.resolve("primed-" + name));
            }
        }
        return launch(cmd, engine, name);
    }

    private static Run launch(List<String> cmd, String engine, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = REAL.matcher(err);
        if (!m.find()) {
            throw new IllegalStateException(engine + " " + name + " failed: " + err + out);
        }
        return new Run(Double.parseDouble(m.group(1)), out);
    }

    private static Run python(Path bench, String name) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("python3", bench.resolve(name + ".py").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return new Run((System.nanoTime() - t0) / 1e9, out);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String last(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    static Path shared(String what) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(what);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
