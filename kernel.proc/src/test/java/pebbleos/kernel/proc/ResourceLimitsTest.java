package pebbleos.kernel.proc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.kernel.proc.ResourceLimits.Resource;

/** The rules of {@code setrlimit} and the defaults that keep the shell and the others alive. */
public class ResourceLimitsTest {
    @Test
    public void theDefaultsLeaveHalfOfTheHeapToTheOthers() {
        ResourceLimits l = ResourceLimits.defaults();
        long half = Runtime.getRuntime().maxMemory() / 2;
        long memory = l.soft(Resource.MEMORY);
        assertTrue(memory + " of a heap of " + Runtime.getRuntime().maxMemory(), memory <= half && memory > half - (1 << 20));
        assertEquals(0, memory % (1 << 20)); // whole megabytes, as ulimit -v shows them
        assertEquals(ResourceLimits.UNLIMITED, l.hard(Resource.MEMORY));
        assertEquals(1024, l.soft(Resource.NOFILE));
        assertEquals(4096, l.hard(Resource.NOFILE));
        assertEquals(ResourceLimits.UNLIMITED, l.soft(Resource.CPU));
    }

    @Test
    public void aChildsCopyIsItsOwn() {
        ResourceLimits parent = ResourceLimits.defaults();
        ResourceLimits child = parent.copy();
        child.change(Resource.CPU, 5, 10, false);
        assertEquals(5, child.soft(Resource.CPU));
        assertEquals(ResourceLimits.UNLIMITED, parent.soft(Resource.CPU));
    }

    @Test
    public void anyoneMayLowerOnlyUidZeroMayRaiseTheHardLimit() {
        ResourceLimits l = ResourceLimits.defaults();
        l.change(Resource.NOFILE, 100, 200, false);
        l.change(Resource.NOFILE, 150, 200, false); // the soft one may go up to the hard one
        assertEquals(150, l.soft(Resource.NOFILE));
        refused(() -> l.change(Resource.NOFILE, 150, 300, false), Errno.PERM);
        refused(() -> l.change(Resource.NOFILE, 150, ResourceLimits.UNLIMITED, false), Errno.PERM);
        l.change(Resource.NOFILE, 150, 300, true);
        assertEquals(300, l.hard(Resource.NOFILE));
    }

    @Test
    public void theSoftLimitCannotPassTheHardOne() {
        ResourceLimits l = ResourceLimits.defaults();
        refused(() -> l.change(Resource.CPU, 50, 40, false), Errno.INVAL);
        refused(() -> l.change(Resource.CPU, ResourceLimits.UNLIMITED, 40, false), Errno.INVAL);
        refused(() -> l.change(Resource.CPU, -2, 40, true), Errno.INVAL);
        assertEquals("nothing changed", ResourceLimits.UNLIMITED, l.soft(Resource.CPU));
    }

    @Test
    public void resourcesAreNamedAsTheSyscallsNameThem() {
        assertEquals(Resource.MEMORY, Resource.parse("memory"));
        assertEquals(Resource.NPROC, Resource.parse("nproc"));
        refused(() -> Resource.parse("stack"), Errno.INVAL);
    }

    @Test
    public void bytesAreWrittenForPeople() {
        assertEquals("512 MB", ResourceLimits.bytes(512L << 20));
        assertEquals("1.5 GB", ResourceLimits.bytes(3L << 29));
        assertEquals("100 KB", ResourceLimits.bytes(100 * 1024));
        assertEquals("12 bytes", ResourceLimits.bytes(12));
    }

    static void refused(Runnable r, Errno expected) {
        try {
            r.run();
            fail("not refused");
        } catch (PebbleException e) {
            assertEquals(e.getMessage(), expected, e.errno());
        }
    }
}
