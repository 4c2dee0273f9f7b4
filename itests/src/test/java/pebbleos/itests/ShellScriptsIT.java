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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
 */
@RunWith(Parameterized.class)
public class ShellScriptsIT {
    static final Path ROOT = Path.of(System.getProperty("pebbleos.root", "..")).toAbsolutePath().normalize();
    static final Path SCRIPTS = ROOT.resolve("itests/src/test/resources/shell");
    static final Path IMAGE = ROOT.resolve("distro/target/pebbleos.jar");
    static final long TIMEOUT_SECONDS = 60;

    @Parameters(name = "{0}")
    public static Collection<Object[]> cases() throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            for (Path p : files.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".out")) {
                    out.add(new Object[] {file.substring(0, file.length() - 4)});
                }
            }
        }
        return out;
    }

    private final String name;

    public ShellScriptsIT(String name) {
        this.name = name;
    }

    private Path beside(String suffix) {
        return SCRIPTS.resolve(name + suffix);
    }

    private String read(String suffix, String otherwise) throws IOException {
        Path p = beside(suffix);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : otherwise;
    }

    @Test
    public void printsWhatItShould() throws Exception {
        assertTrue("the image is built first: " + IMAGE, Files.isRegularFile(IMAGE));
        Path disk = Files.createTempDirectory("pebble-shell-" + name);
        try {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Dpebbleos.home=" + ROOT, "-jar", IMAGE.toString(), "--root", disk.toString()));
            Path files = beside(".disk");
            if (Files.isDirectory(files)) {
                copyTree(files, disk);
            }
            if (Files.exists(beside(".args"))) {
                String args = read(".args", "");
                if (!args.isBlank()) {
                    command.addAll(List.of(args.strip().split("\n")));
                }
            } else {
                Files.copy(beside(".sh"), disk.resolve(name + ".sh"));
                command.add(name + ".sh");
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("PEBBLE_TRACE");
            pb.environment().put("TERM", "dumb");
            Path stdout = disk.resolveSibling(disk.getFileName() + ".stdout");
            Path stderr = disk.resolveSibling(disk.getFileName() + ".stderr");
            pb.redirectOutput(stdout.toFile());
            pb.redirectError(stderr.toFile());
            pb.redirectInput(Files.exists(beside(".in")) ? beside(".in").toFile() : nullFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(name + " did not end within " + TIMEOUT_SECONDS + " s; stdout so far:\n"
                        + Files.readString(stdout));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            assertEquals(name + ": standard output (stderr was:\n" + err + ")", read(".out", ""), out);
            if (Files.exists(beside(".err"))) {
                assertEquals(name + ": standard error", read(".err", ""), err);
            }
            assertEquals(name + ": exit status (stderr was:\n" + err + ")", Integer.parseInt(read(".status", "0").strip()),
                    p.exitValue());
        } finally {
            delete(disk);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void copyTree(Path from, Path to) throws IOException {
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

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
