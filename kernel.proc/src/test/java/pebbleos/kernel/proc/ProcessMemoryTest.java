package pebbleos.kernel.proc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/** A process's memory account: charges, early release, the limit's MemoryError, the watchdog's call. */
public class ProcessMemoryTest {
    @Test
    public void chargesAddUpAndAReleaseGivesOneBack() {
        ProcessMemory m = new ProcessMemory(42);
        Object a = new Object();
        Object b = new Object();
        m.hold(a, 1000);
        m.hold(b, 500);
        assertEquals(1500, m.held());
        m.release(a);
        assertEquals(500, m.held());
        m.release(a); // once only
        assertEquals(500, m.held());
        m.release(b);
        assertEquals(0, m.held());
    }

    @Test
    public void aChargePastTheLimitIsAMemoryErrorNamingTheProcess() {
        ProcessMemory m = new ProcessMemory(42);
        m.limit = 1 << 20;
        Object kept = new Object();
        m.hold(kept, 900 * 1024);
        try {
            m.hold(new Object(), 200 * 1024);
            fail("no MemoryError");
        } catch (PebbleException e) {
            assertEquals(Errno.NOMEM, e.errno());
            assertEquals("MemoryError: process 42 exceeded its memory limit (1 MB)", e.getMessage());
        }
        assertEquals("the refused charge is not kept", 900 * 1024, m.held());
        m.hold(new Object(), 100 * 1024); // what fits still does
        m.limit = ResourceLimits.UNLIMITED;
        m.hold(new Object(), 1L << 30);
        assertTrue(m.held() > 1L << 30);
    }

    @Test
    public void whatTheCollectorTookComesBack() throws Exception {
        ProcessMemory m = new ProcessMemory(7);
        m.hold(new byte[16], 10_000); // referenced by nothing else
        Object kept = new Object();
        m.hold(kept, 1);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (m.held() > 1 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, m.held());
        Reference.reachabilityFence(kept);
    }

    @Test
    public void holdingHalfOfTheHeapTellsTheWatchdog() {
        ProcessMemory m = new ProcessMemory(9);
        AtomicInteger told = new AtomicInteger();
        m.pressure = told::incrementAndGet;
        Object small = new Object();
        m.hold(small, 1024);
        assertEquals(0, told.get());
        Object big = new Object();
        m.hold(big, Runtime.getRuntime().maxMemory() / 2);
        assertEquals(1, told.get());
    }
}
