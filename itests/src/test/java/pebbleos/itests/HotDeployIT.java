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
 * installed live, and a jar still being written is not.
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
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpebbleos.bundles=" + bundles, "-jar", Launcher.image("pebbleos").toString(), "--root",
                root.toString(), "-c", "run hot.peb");
        Path out = Files.createTempFile("hot", ".out");
        pb.redirectOutput(out.toFile()).redirectErrorStream(true);
        Process p = pb.start();
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
}
