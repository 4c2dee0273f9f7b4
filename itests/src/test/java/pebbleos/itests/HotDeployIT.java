package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The bundles/ hot-deploy folder of a running system: a jar dropped there is
 * installed live, and a jar still being written is not; a jar deleted from
 * there is uninstalled, or, when it had replaced a bundle of the image, the
 * image's copy comes back; every outcome is in /var/log/pebbleos.log.
 */
public class HotDeployIT {
    @Test
    public void aDroppedJarIsInstalledLiveButNotWhileHalfWritten() throws Exception {
        Path root = Launcher.freshRoot("hot");
        Path bundles = Launcher.freshRoot("hot-bundles");
        Files.writeString(root.resolve("hot.peb"), String.join("\n",
                "i = 0",
                "while syscall(\"syscall_lookup\", \"echo_ping\") == None:",
                "    syscall(\"clock_sleep\", 50)",
                "    i = i + 1",
                "    if i > 600:",
                "        print \"timeout\"",
                "        exit(1)",
                "print syscall(\"echo_ping\", \"deployed\")",
                ""));
        Path out = Files.createTempFile("hot", ".out");
        Process p = boot(root, bundles, "run hot.peb", out);
        try {
            byte[] jar = Files.readAllBytes(Images.jar("fixture.echo").toPath());
            Path target = bundles.resolve("echo.jar");
            Files.write(target, Arrays.copyOf(jar, jar.length / 2));
            // three scans see a stable but truncated jar: it must not be installed
            assertFalse("ended early: " + Files.readString(out), p.waitFor(2, TimeUnit.SECONDS));
            Files.write(target, jar);
            assertTrue("did not end", p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(Files.readString(out), 0, p.exitValue());
            assertEquals("deployed\n", Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
    }

    /** The full image on disk {@code root}, watching {@code bundles}, running one command line; its output in {@code out}. */
    private static Process boot(Path root, Path bundles, String line, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpebbleos.bundles=" + bundles, "-jar", Launcher.image("pebbleos").toString(), "--root",
                root.toString(), "-c", line);
        pb.redirectOutput(out.toFile()).redirectErrorStream(true);
        return pb.start();
    }

    /** Waits until {@code file} exists, or the process ends (then fails with its output). */
    private static void await(Path file, Process p, Path out) throws Exception {
        for (int i = 0; i < 1200 && !Files.exists(file); i++) {
            assertTrue("ended early: " + Files.readString(out), p.isAlive());
            Thread.sleep(50);
        }
        assertTrue("no " + file + ": " + Files.readString(out), Files.exists(file));
    }

    @Test
    public void aDeletedJarIsUninstalledOrGivesTheImageItsCopyBackAndTheLogSaysSo() throws Exception {
        Path root = Launcher.freshRoot("undeploy");
        Path bundles = Launcher.freshRoot("undeploy-bundles");
        Files.writeString(root.resolve("undeploy.peb"), String.join("\n",
                "def has(name):",
                "    return syscall(\"syscall_lookup\", name) != None",
                "def revision(name):",
                "    for b in syscall(\"service_bundles\"):",
                "        if b[\"name\"] == name:",
                "            return b[\"revision\"]",
                "    return 0",
                "def logged(text):",
                "    try:",
                "        return read_file(\"/var/log/pebbleos.log\").find(text) >= 0",
                "    except e:",
                "        return 0",
                "def wait_until(check, name, want):",
                "    i = 0",
                "    while check(name) != want:",
                "        syscall(\"clock_sleep\", 50)",
                "        i = i + 1",
                "        if i > 1200:",
                "            print \"timeout: \" + name",
                "            exit(1)",
                "wait_until(has, \"echo_ping\", 1)",
                "print syscall(\"echo_ping\", \"deployed\")",
                "write_file(\"/step1\", \"\")",
                "wait_until(has, \"echo_ping\", 0)",
                "print \"echo gone\"",
                "wait_until(revision, \"gogo.bridge\", 2)",
                "write_file(\"/step2\", \"\")",
                "wait_until(revision, \"gogo.bridge\", 3)",
                // the log line is written just after the update the revision shows
                "wait_until(logged, \"is the image's own again\", 1)",
                "print \"gogo.bridge at revision 3\"",
                ""));
        Path out = Files.createTempFile("undeploy", ".out");
        Process p = boot(root, bundles, "run undeploy.peb; lsmod -a | grep -c fixture.echo; "
                + "grep -o 'bundles/.*' /var/log/pebbleos.log", out);
        try {
            Files.copy(Images.jar("fixture.echo").toPath(), bundles.resolve("echo.jar"));
            await(root.resolve("step1"), p, out);
            Files.delete(bundles.resolve("echo.jar"));
            Files.copy(Images.jar("gogo.bridge").toPath(), bundles.resolve("bridge.jar"));
            await(root.resolve("step2"), p, out);
            Files.delete(bundles.resolve("bridge.jar"));
            assertTrue("did not end: " + Files.readString(out), p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(String.join("\n",
                    "deployed",
                    "echo gone",
                    "gogo.bridge at revision 3",
                    "0",
                    "bundles/echo.jar: installed fixture.echo 0.1.0",
                    "bundles/echo.jar deleted: removed fixture.echo",
                    "bundles/bridge.jar: updated gogo.bridge 0.1.0, revision 2",
                    "bundles/bridge.jar deleted: gogo.bridge 0.1.0 is the image's own again, revision 3",
                    ""), Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
    }
}
