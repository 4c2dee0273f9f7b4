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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Users and permissions end to end, in every storage mode, through the
 * exported image: {@code security/attacks.sh} runs as the session's user
 * ({@code pebble}) and tries, through commands, the shell's redirections and
 * Pebble programs on both engines, to write {@code /etc/passwd} and
 * {@code /etc/shadow}, read the shadow file and another user's 0600 file,
 * remove, rename, chmod and chown another user's file in {@code /tmp},
 * rename out of a directory it may not write, kill a root process, and
 * {@code su} and {@code sudo -S} with a wrong password. What it prints must
 * be {@code attacks.out} and {@code attacks.err} exactly: every attempt
 * refused with its reason, every target as it was. The script is read from
 * standard input, so it runs on a disk that starts empty ({@code mfs}).
 * Where the mode persists, a second boot on the same disk finds the owners
 * and modes again.
 */
@RunWith(Parameterized.class)
public class PermissionsIT {
    static final Path SECURITY = ShellScriptsIT.ROOT.resolve("itests/src/test/resources/security");

    @Parameters(name = "{0}")
    public static Collection<Object[]> modes() {
        List<Object[]> out = new ArrayList<>();
        for (String mode : List.of("hostfs", "mfs", "mfs-import", "vfs-import", "vfs-persistent")) {
            out.add(new Object[] {mode});
        }
        return out;
    }

    private final String mode;

    public PermissionsIT(String mode) {
        this.mode = mode;
    }

    @Test
    public void attacksAreRefusedAndChangeNothing() throws Exception {
        Path disk = Files.createTempDirectory("pebble-permissions-" + mode);
        try {
            Boot r = boot(disk, SECURITY.resolve("attacks.sh"), List.of("--fs-mode", mode));
            assertEquals(mode + ": standard output (stderr was:\n" + r.err + ")", read("attacks.out"), r.out);
            assertEquals(mode + ": standard error", read("attacks.err"), r.err);
            assertEquals(mode + ": exit status", 0, r.status);
            if (mode.equals("hostfs") || mode.equals("vfs-persistent")) {
                Boot again = boot(disk, null, List.of("--fs-mode", mode, "-c",
                        "cd /home/pebble; run perms.peb /etc/shadow /tmp/alice.txt /tmp/private.txt /tmp/locked /home/alice"));
                assertEquals(mode + ": after a reboot (stderr was:\n" + again.err + ")", String.join("\n",
                        "-rw------- root root /etc/shadow",
                        "-rw-r--r-- alice root /tmp/alice.txt",
                        "-rw------- alice root /tmp/private.txt",
                        "dr-xr-xr-x pebble pebble /tmp/locked",
                        "drwxr-xr-x alice alice /home/alice", ""), again.out);
            }
        } finally {
            ShellScriptsIT.delete(disk);
        }
    }

    /**
     * A wrong password takes as long to refuse whether the user exists or
     * not: su answers a refusal a fixed delay (2 s) after the attempt began,
     * after exactly one hash check either way. Interleaved runs, medians.
     */
    @Test
    public void aRefusalTakesAsLongWhetherTheUserExistsOrNot() throws Exception {
        if (!mode.equals("hostfs")) {
            return; // the rule is in Pebble, the same for every mode; timing once is enough
        }
        Path disk = Files.createTempDirectory("pebble-permissions-timing");
        try {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                line.append("time sh -c 'echo wrong | su pebble -c true 2>/dev/null'; ");
                line.append("time sh -c 'echo wrong | su nosuchuser -c true 2>/dev/null'; ");
                line.append("time sh -c 'echo wrong | sudo -S true 2>/dev/null'; ");
            }
            Boot r = boot(disk, null, List.of("-c", line.toString()));
            List<Double> seconds = new ArrayList<>();
            Matcher m = Pattern.compile("real (\\d+\\.\\d+)s").matcher(r.err);
            while (m.find()) {
                seconds.add(Double.parseDouble(m.group(1)));
            }
            assertEquals(r.err, 9, seconds.size());
            List<Double> existing = new ArrayList<>();
            List<Double> missing = new ArrayList<>();
            List<Double> sudo = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                (i % 3 == 0 ? existing : i % 3 == 1 ? missing : sudo).add(seconds.get(i));
            }
            double a = median(existing);
            double b = median(missing);
            System.out.printf("wrong password, medians of 3: su pebble %.3f s, su nosuchuser %.3f s, sudo -S %.3f s%n",
                    a, b, median(sudo));
            for (double s : seconds) {
                assertTrue("every refusal waits the 2 s delay: " + seconds, s >= 2.0);
            }
            assertTrue("su pebble " + existing + " against su nosuchuser " + missing, Math.abs(a - b) < 0.5);
        } finally {
            ShellScriptsIT.delete(disk);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String read(String name) throws IOException {
        return Files.readString(SECURITY.resolve(name), StandardCharsets.UTF_8);
    }

    /** What one boot printed. */
    record Boot(String out, String err, int status) {
    }

    /** Boot the image on {@code disk} with {@code args}, standard input from {@code input} (or none). */
    static Boot boot(Path disk, Path input, List<String> args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pebble-permissions", ".out");
        Path err = Files.createTempFile("pebble-permissions", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                    "-Xshare:auto", "-Dpebbleos.home=" + ShellScriptsIT.ROOT, "-jar", ShellScriptsIT.IMAGE.toString(),
                    "--root", disk.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("PEBBLE_TRACE");
            pb.environment().put("TERM", "dumb");
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            pb.redirectInput(input != null ? input.toFile() : ShellScriptsIT.nullFile());
            Process p = pb.start();
            if (!p.waitFor(3 * ShellScriptsIT.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the boot did not end; stdout so far:\n" + Files.readString(out));
            }
            return new Boot(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    p.exitValue());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
