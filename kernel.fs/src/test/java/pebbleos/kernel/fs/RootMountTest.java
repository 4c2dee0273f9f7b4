package pebbleos.kernel.fs;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.Ownership;
import pebbleos.kernel.fs.fd.OpenMode;
import pebbleos.kernel.fs.fd.VolumeFileChannel;

/** The root's hot swap, against a stub backend: waiting, handing over, draining, open files. */
public class RootMountTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final RootMount root = new RootMount();
    private final StubFileSystem first = new StubFileSystem();
    private final StubFileSystem second = new StubFileSystem();

    @After
    public void stop() {
        pool.shutdownNow();
    }

    private String read(String path) {
        return new String(root.call(v -> v.read(path)), StandardCharsets.UTF_8);
    }

    private void write(String path, String text) {
        root.call(v -> {
            v.write(path, text.getBytes(StandardCharsets.UTF_8), false);
            return null;
        });
    }

    @Test
    public void aCallDuringTheSwapWaitsForTheSuccessorAndSeesTheHandedOverTree() throws Exception {
        root.mount(first, "first", "stub", Path.of("/tmp"));
        write("/a", "kept");
        root.providerLeaving(first);
        assertTrue(first.last.detached);
        Future<String> pending = pool.submit(() -> read("/a"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> root.waiting() == 1);
        assertFalse(pending.isDone());
        root.mountSuccessor(second, "second");
        assertEquals("kept", pending.get(2, TimeUnit.SECONDS));
        assertEquals("second", root.provider());
        assertEquals(1, root.swaps());
        assertEquals(0, root.waiting());
        assertTrue(root.longestWaitMillis() > 0);
    }

    @Test
    public void detachWaitsForOperationsInFlight() throws Exception {
        root.mount(first, "first", "stub", Path.of("/tmp"));
        first.operationMillis = 300;
        Future<?> slow = pool.submit(() -> write("/slow", "x"));
        // wait until the write is inside the volume, however slow the thread is to start
        assertTrue(first.slowStarted.tryAcquire(10, TimeUnit.SECONDS));
        root.providerLeaving(first);
        // the write was inside the volume (in flight 1) when the detach began: it waited for it
        assertEquals(0, first.last.inFlightAtDetach);
        slow.get(5, TimeUnit.SECONDS); // its future completes a moment after the call returned
        root.mountSuccessor(second, "second");
        first.operationMillis = 0;
        assertEquals("x", read("/slow"));
    }

    @Test
    public void withoutASuccessorCallsFailWithNosysAfterTheWindowThenAtOnce() {
        root.setWindowMillis(200);
        root.mount(first, "first", "stub", Path.of("/tmp"));
        write("/a", "kept");
        root.providerLeaving(first);
        long start = System.nanoTime();
        expectNosys();
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
        // a second call must not wait again: with a window of a minute, waiting would show
        root.setWindowMillis(60_000);
        start = System.nanoTime();
        expectNosys();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
        root.mountSuccessor(second, "second");
        assertEquals("kept", read("/a"));
    }

    @Test
    public void nothingMountedFailsAtOnce() {
        try {
            read("/a");
            fail();
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
            assertEquals("no root filesystem is mounted", e.getMessage());
        }
    }

    @Test
    public void openFilesKeepTheirPositionAcrossASwap() {
        root.mount(first, "first", "stub", Path.of("/tmp"));
        VolumeFileChannel file = VolumeFileChannel.open(root, "/f", "/f", OpenMode.parse("w+"), Ownership.ROOT_FILE);
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        file.write(abc, 0, 3);
        root.providerLeaving(first);
        root.mountSuccessor(second, "second");
        byte[] def = "def".getBytes(StandardCharsets.UTF_8);
        file.write(def, 0, 3);
        assertEquals("abcdef", read("/f"));
        assertEquals(6, file.position());
        file.seek(1, 0);
        byte[] back = new byte[10];
        assertEquals(5, file.read(back, 0, 10));
        assertEquals("bcdef", new String(back, 0, 5, StandardCharsets.UTF_8));
        file.close();
    }

    @Test
    public void syncReportsWhetherAnythingWasWritten() {
        root.mount(first, "first", "stub", Path.of("/tmp"));
        assertFalse(root.sync());
        write("/a", "x");
        root.changed();
        assertTrue(root.sync());
        assertFalse(root.sync());
    }

    private void expectNosys() {
        try {
            read("/a");
            fail("expected NOSYS");
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
            assertTrue(e.getMessage(), e.getMessage().contains("'stub'"));
        }
    }
}
