package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The image without a terminal (standard streams are pipes, as in CI): the
 * console is the plain one, key reads report end of input at once, and the
 * terminal programs still run to their end.
 */
public class NoTerminalIT {
    private static Path image;

    @BeforeClass
    public static void findImage() {
        image = Path.of(System.getProperty("pebbleos.root", ".."), "distro", "target", "pebbleos.jar")
                .toAbsolutePath().normalize();
        Assume.assumeTrue("no image at " + image, Files.isRegularFile(image));
    }

    /** Run the shell on a piped script; returns stdout and stderr merged. */
    private static String run(Path root, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("java", "-jar", image.toString(), "--root", root.toString())
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue("the image did not end", p.waitFor(60, TimeUnit.SECONDS));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    public void everyTerminalProgramRunsToItsEnd() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "no-terminal-it").toAbsolutePath();
        Files.writeString(root.resolve("keys.peb"), String.join("\n",
                "import system.kernel.term as term",
                "start = syscall(\"clock_monotonic\")",
                "print \"key \" + str(term.read_key())",
                "print \"timed \" + str(term.read_key_timeout(5000))",
                "print \"waited \" + str(syscall(\"clock_monotonic\") - start < 1000)",
                "s = term.tty_state()",
                "print \"interactive \" + str(s[\"interactive\"]) + \" mode \" + s[\"mode\"]",
                "print \"size \" + str(term.screen_rows() > 0 and term.screen_cols() > 0)",
                "print \"atty \" + str(syscall(\"fd_isatty\", 0))",
                ""));
        long start = System.nanoTime();
        String out = run(root, "keys\nnano x.txt\ntop\ntop --once -H\nhtop --once\n");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(out, out.contains("key None"));
        assertTrue(out, out.contains("timed None"));
        assertTrue(out, out.contains("waited 1"));
        assertTrue(out, out.contains("interactive 0 mode cooked"));
        assertTrue(out, out.contains("size 1"));
        assertTrue(out, out.contains("atty 0"));
        assertTrue(out, out.contains("nano: standard input is not a terminal"));
        assertTrue(out, out.contains(" CPU%    MEM     TIME  PID KIND STATE PGID EXIT PROGRAM"));
        assertTrue(out, out.contains(" CPU%     TIME   TID TGID STATE NAME"));
        assertTrue(out, out.contains("#    PID   STATE        KIND      EXIT  CPU%    MEM     TIME  PROGRAM"));
        assertEquals("no file is created by a nano that could not run", false, Files.exists(root.resolve("x.txt")));
        System.out.println("terminal: without a terminal, keys + nano + top + htop ran in " + millis + " ms (boot included)");
    }
}
