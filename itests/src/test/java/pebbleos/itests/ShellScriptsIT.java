package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The shell and the userland end to end, through the exported image: each
 * {@code shell/NAME.sh} runs as {@code java -jar distro/target/pebbleos.jar
 * --root <fresh disk> NAME.sh} (the script copied onto the disk first, with
 * the files of a folder {@code NAME.disk/} beside it when there is one), and
 * what it prints must be {@code NAME.out} exactly. Optional: {@code NAME.err}
 * (standard error, exactly), {@code NAME.status} (the exit status, default 0),
 * {@code NAME.in} (standard input, default none), {@code NAME.args} (one
 * launcher argument per line instead of {@code NAME.sh}, e.g. {@code -c} and
 * a command line; an empty file: none, so that standard input is the script).
 * The scripts run side by side, a few JVMs at a time.
 */
@RunWith(Parameterized.class)
public class ShellScriptsIT {
    static final Path ROOT = Path.of(System.getProperty("pebbleos.root", "..")).toAbsolutePath().normalize();
    static final Path SCRIPTS = ROOT.resolve("itests/src/test/resources/shell");
    static final Path IMAGE = ROOT.resolve("distro/target/pebbleos.jar");
    static final long TIMEOUT_SECONDS = 60;

    /** The scripts run side by side (one JVM each); each test checks its own run. */
    private static final Map<String, Future<Run>> RUNS = new ConcurrentHashMap<>();

    /** What one run printed. */
    record Run(String stdout, String stderr, int status) {
    }

    @Parameters(name = "{0}")
    public static Collection<Object[]> cases() throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".out") && chosen(file.substring(0, file.length() - 4))) {
                    out.add(new Object[] {file.substring(0, file.length() - 4)});
                }
            }
        }
        return out;
    }

    /**
     * The scripts to run: all, or those the property {@code shell.scripts}
     * names (comma-separated: {@code -Dshell.scripts=pkg,pipes}).
     */
    static boolean chosen(String name) {
        String wanted = System.getProperty("shell.scripts", "");
        if (wanted.isBlank() || wanted.startsWith("${")) {
            return true;
        }
        return List.of(wanted.split(",")).contains(name);
    }

    /**
     * Start every run when the class starts (not when JUnit lists the
     * parameters, which may happen while other test classes run).
     */
    @BeforeClass
    public static void startAll() throws IOException {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shell-scripts");
            t.setDaemon(true);
            return t;
        });
        for (Object[] c : cases()) {
            String name = (String) c[0];
            RUNS.computeIfAbsent(name, n -> pool.submit(() -> run(n)));
        }
        pool.shutdown();
    }

    private final String name;

    public ShellScriptsIT(String name) {
        this.name = name;
    }

    private static Path beside(String name, String suffix) {
        return SCRIPTS.resolve(name + suffix);
    }

    private static String read(String name, String suffix, String otherwise) throws IOException {
        Path p = beside(name, suffix);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : otherwise;
    }

    @Test
    public void printsWhatItShould() throws Exception {
        assertTrue("the image is built first: " + IMAGE, Files.isRegularFile(IMAGE));
        Future<Run> started = RUNS.get(name);
        Run r;
        try {
            r = started != null ? started.get() : run(name);
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": " + e.getCause().getMessage(), e.getCause());
        }
        assertEquals(name + ": standard output (stderr was:\n" + r.stderr() + ")", read(name, ".out", ""), r.stdout());
        if (Files.exists(beside(name, ".err"))) {
            assertEquals(name + ": standard error", read(name, ".err", ""), r.stderr());
        }
        assertEquals(name + ": exit status (stderr was:\n" + r.stderr() + ")",
                Integer.parseInt(read(name, ".status", "0").strip()), r.status());
    }

    /** Boot the image on a fresh disk for one script. */
    static Run run(String name) throws IOException, InterruptedException {
        Path disk = Files.createTempDirectory("pebble-shell-" + name);
        Path stdout = Files.createTempFile("pebble-shell-" + name, ".stdout");
        Path stderr = Files.createTempFile("pebble-shell-" + name, ".stderr");
        try {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Dpebbleos.home=" + ROOT, "-jar", IMAGE.toString(),
                    "--root", disk.toString()));
            Path files = beside(name, ".disk");
            if (Files.isDirectory(files)) {
                copyTree(files, disk);
            }
            if (Files.exists(beside(name, ".sh"))) {
                Files.copy(beside(name, ".sh"), disk.resolve(name + ".sh"));
            }
            if (Files.exists(beside(name, ".args"))) {
                // the boot's arguments in full, one a line (--user root, then pkg.sh)
                String args = read(name, ".args", "");
                if (!args.isBlank()) {
                    command.addAll(List.of(args.strip().split("\n")));
                }
            } else {
                command.add(name + ".sh");
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("PEBBLE_TRACE");
            pb.environment().put("TERM", "dumb");
            pb.redirectOutput(stdout.toFile());
            pb.redirectError(stderr.toFile());
            pb.redirectInput(Files.exists(beside(name, ".in")) ? beside(name, ".in").toFile() : nullFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(name + " did not end within " + TIMEOUT_SECONDS + " s; stdout so far:\n"
                        + Files.readString(stdout));
            }
            return new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8),
                    p.exitValue());
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            delete(disk);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
