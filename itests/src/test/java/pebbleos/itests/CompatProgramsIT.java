package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
 * The compatibility personality end to end (docs/compat.md): each
 * {@code compat/NAME.peb} is a program written against the original
 * PebbleOS's documented names, run through the exported image by both
 * engines, {@code run NAME.peb ARGS} then {@code exec NAME.peb ARGS} in one
 * boot on a fresh disk (with the files of {@code compat/NAME.disk/} when there
 * is one). What each prints, standard error included, must be
 * {@code NAME.out}, and its exit status {@code NAME.status} (default 0).
 * Optional: {@code NAME.args} (the program's arguments, one line),
 * {@code NAME.in} (standard input of each run).
 */
@RunWith(Parameterized.class)
public class CompatProgramsIT {
    static final Path ROOT = ShellScriptsIT.ROOT;
    static final Path PROGRAMS = ROOT.resolve("itests/src/test/resources/compat");
    static final Path IMAGE = ShellScriptsIT.IMAGE;
    static final long TIMEOUT_SECONDS = 90;
    /** Printed between the two runs and after the second, with the run's status. */
    static final String MARK = "@@ status ";

    private static final Map<String, Future<String>> RUNS = new ConcurrentHashMap<>();

    @Parameters(name = "{0}")
    public static Collection<Object[]> cases() throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROGRAMS)) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".out")) {
                    out.add(new Object[] {file.substring(0, file.length() - 4)});
                }
            }
        }
        return out;
    }

    @BeforeClass
    public static void startAll() throws IOException {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compat-programs");
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

    public CompatProgramsIT(String name) {
        this.name = name;
    }

    private static String read(String name, String suffix, String otherwise) throws IOException {
        Path p = PROGRAMS.resolve(name + suffix);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : otherwise;
    }

    @Test
    public void bothEnginesPrintWhatTheOriginalDid() throws Exception {
        assertTrue("the image is built first: " + IMAGE, Files.isRegularFile(IMAGE));
        String printed;
        try {
            printed = RUNS.get(name).get();
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": " + e.getCause().getMessage(), e.getCause());
        }
        String expected = read(name, ".out", "");
        String status = read(name, ".status", "0").strip();
        String[] parts = printed.split(MARK + "\\d+\n", -1);
        assertEquals(name + ": two runs in:\n" + printed, 3, parts.length);
        assertEquals(name + " [run]", expected, parts[0]);
        assertEquals(name + " [exec]", expected, parts[1]);
        List<String> statuses = new ArrayList<>();
        for (String line : printed.split("\n")) {
            if (line.startsWith(MARK)) {
                statuses.add(line.substring(MARK.length()));
            }
        }
        assertEquals(name + ": exit statuses [run, exec]", List.of(status, status), statuses);
    }

    /** Boot the image on a fresh disk and run the program with both engines. */
    static String run(String name) throws IOException, InterruptedException {
        Path disk = Files.createTempDirectory("pebble-compat-" + name);
        Path stdout = Files.createTempFile("pebble-compat-" + name, ".stdout");
        try {
            Path files = PROGRAMS.resolve(name + ".disk");
            if (Files.isDirectory(files)) {
                ShellScriptsIT.copyTree(files, disk);
            }
            Files.copy(PROGRAMS.resolve(name + ".peb"), disk.resolve(name + ".peb"));
            String args = read(name, ".args", "").strip();
            String program = name + ".peb" + (args.isEmpty() ? "" : " " + args);
            Path in = PROGRAMS.resolve(name + ".in");
            if (Files.exists(in)) {
                Files.copy(in, disk.resolve(name + ".in"));
                program = program + " < " + name + ".in";
            }
            String line = "run " + program + " 2>&1; echo \"" + MARK + "$?\"; exec " + program + " 2>&1; echo \""
                    + MARK + "$?\"";
            ProcessBuilder pb = new ProcessBuilder(ShellScriptsIT.javaBinary(), "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Dpebbleos.home=" + ROOT, "-jar", IMAGE.toString(), "--root", disk.toString(), "-c", line);
            pb.environment().remove("PEBBLE_TRACE");
            pb.environment().put("TERM", "dumb");
            pb.redirectOutput(stdout.toFile());
            pb.redirectErrorStream(true);
            pb.redirectInput(ShellScriptsIT.nullFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(name + " did not end within " + TIMEOUT_SECONDS + " s; printed so far:\n"
                        + Files.readString(stdout));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            ShellScriptsIT.delete(disk);
        }
    }
}
