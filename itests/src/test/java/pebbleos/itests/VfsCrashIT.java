package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * vfs-persistent survives a crash: a Pebble program writes files and prints
 * each name once its write has returned; the JVM is killed with SIGKILL in
 * the middle; the next boot opens the store and finds every reported file.
 */
public class VfsCrashIT {
    static final String WRITER = String.join("\n",
            "if not directory_exists(\"/data\"):",
            "    make_directory(\"/data\")",
            "i = 0",
            "while 1:",
            "    name = \"/data/f\" + str(i)",
            "    write_file(name, \"content \" + str(i))",
            "    print name",
            "    i = i + 1",
            "");

    static final String CHECKER = String.join("\n",
            "missing = 0",
            "checked = 0",
            "line = read_line()",
            "while line != None:",
            "    if line != \"\":",
            "        checked = checked + 1",
            "        if not file_exists(line) or read_file(line) != \"content \" + line[7:]:",
            "            print \"MISSING \" + line",
            "            missing = missing + 1",
            "    line = read_line()",
            "print \"checked \" + str(checked) + \", missing \" + str(missing)",
            "");

    @Test
    public void everyWriteThatReturnedSurvivesKillNine() throws Exception {
        Path root = Launcher.freshRoot("crash");
        Files.writeString(root.resolve("writer.peb"), WRITER);
        Files.writeString(root.resolve("check.peb"), CHECKER);
        // first boot: the programs enter a fresh store
        Launcher.Result imported = Launcher.run("pebbleos", List.of(), "", "--root", root.toString(), "--fs-mode",
                "vfs-import", "-c", "pwd");
        assertEquals(imported.err(), 0, imported.status());

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Launcher.image("pebbleos").toString(), "--root", root.toString(), "--fs-mode",
                "vfs-persistent", "-c", "run /writer.peb");
        Path out = Files.createTempFile(root.getParent(), "crash", ".out");
        pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (Files.readAllLines(out).size() < 300 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no store close
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        List<String> written = Files.readAllLines(out);
        assertTrue("wrote " + written.size(), written.size() >= 300);
        // the last line may have been cut; every complete one came after its write returned
        String names = String.join("\n", written.subList(0, written.size() - 1)) + "\n";
        Launcher.Result after = Launcher.run("pebbleos", List.of(), names, "--root", root.toString(), "--fs-mode",
                "vfs-persistent", "-c", "run /check.peb");
        assertEquals(after.err(), 0, after.status());
        assertEquals("checked " + (written.size() - 1) + ", missing 0\n", after.out());
        System.out.printf("vfs-persistent after kill -9: %d reported writes, all present%n", written.size() - 1);
    }
}
