package pebbleos.kernel.proc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.logging.Logger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The system log that dmesg shows: stamped lines, oldest first, the last thousand. */
public class KernelLogTest {
    private final Logger hostLog = Logger.getLogger("pebbleos.kernel");

    @Before
    public void quiet() {
        hostLog.setUseParentHandlers(false); // the host's log gets each line too: not on the test's console
    }

    @After
    public void loud() {
        hostLog.setUseParentHandlers(true);
    }

    @Test
    public void linesAreStampedWithTheSecondsSinceBoot() {
        KernelLog log = new KernelLog();
        String line = log.log("Out of memory: killed process 12 (grow.peb)");
        assertTrue(line, line.matches("\\[ +\\d+\\.\\d{6}\\] Out of memory: killed process 12 \\(grow\\.peb\\)"));
        assertEquals(List.of(line), log.lines());
    }

    @Test
    public void onlyTheLastThousandAreKept() {
        KernelLog log = new KernelLog();
        for (int i = 0; i < KernelLog.CAPACITY + 5; i++) {
            log.log("message " + i);
        }
        List<String> lines = log.lines();
        assertEquals(KernelLog.CAPACITY, lines.size());
        assertTrue(lines.get(0), lines.get(0).endsWith("] message 5"));
        assertTrue(lines.get(lines.size() - 1).endsWith("] message " + (KernelLog.CAPACITY + 4)));
    }
}
