package pebbleos.fs.vfs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.Volume;
import pebbleos.kernel.fs.VolumeContract;

/**
 * {@code kill -9} while a program writes in {@code vfs-persistent}: a child
 * JVM writes files in a loop and prints each one whose write returned; the
 * test kills it with SIGKILL mid-run, reopens the store, and checks that the
 * store opens and every printed file is there with its content. Two rounds,
 * so the second child also starts from a store that was killed.
 */
public class VfsCrashTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void everyReturnedWriteSurvivesSigkill() throws Exception {
        Path root = folder.newFolder("disk").toPath();
        List<String> written = new ArrayList<>();
        written.addAll(runAndKill(root, 0, 150));
        written.addAll(runAndKill(root, 100_000, 300));
        Volume v = new VfsFileSystem(new VfsStores()).mount(new MountRequest("vfs-persistent", root, null));
        try {
            for (String name : written) {
                int i = Integer.parseInt(name.substring("/crash/f".length()));
                assertNotNull("missing after the crash: " + name, v.find(name));
                assertArrayEquals(name, CrashWriter.content(i), v.read(name));
            }
            String log = new String(v.read("/crash/log"), StandardCharsets.UTF_8);
            for (String name : written) {
                assertTrue(log.contains("wrote " + name.substring("/crash/f".length()) + "\n"));
            }
            System.out.printf("vfs crash test: %d returned writes, all present after two SIGKILLs%n", written.size());
        } finally {
            VolumeContract.close(v);
        }
    }

    /** Start a writer, let it report at least {@code atLeast} writes, kill it, and return every name it printed. */
    private List<String> runAndKill(Path root, int from, int atLeast) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // the child's stdout goes to a file: what it printed before SIGKILL is still there afterwards
        File report = folder.newFile("written-from-" + from + ".txt");
        Process child = new ProcessBuilder(java, "-cp", classpath, CrashWriter.class.getName(), root.toString(),
                String.valueOf(from)).redirectOutput(report).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (completeLines(report).size() < atLeast && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(5);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        List<String> names = completeLines(report);
        assertTrue("the writer reported only " + names.size() + " writes", names.size() >= atLeast);
        return names;
    }

    /** The lines of {@code file} that end with a newline (a kill may cut the last one). */
    private static List<String> completeLines(File file) throws Exception {
        String text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}
