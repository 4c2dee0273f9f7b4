package pebbleos.tty.console;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.Test;

public class KeyQueuesTest {
    private final KeyQueues queues = new KeyQueues();
    private final Set<Integer> alive = new HashSet<>(Set.of(1, 2, 3));

    private String take(int pgid, long timeout) throws InterruptedException {
        KeyQueues.Key k = queues.take(pgid, timeout, alive::contains, () -> true);
        return k == null ? null : k.name();
    }

    /** Until the reader blocks in its wait for a key (what these tests are about). */
    private static void awaitWaiting(Thread reader) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> reader.getState() == Thread.State.WAITING
                || reader.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    public void eachGroupReadsItsOwnKeysInOrder() throws InterruptedException {
        queues.add(2, "a", "a");
        queues.add(3, "x", "x");
        queues.add(2, "b", "b");
        assertEquals("a", take(2, 0));
        assertEquals("b", take(2, 0));
        assertEquals("x", take(3, 0));
        assertEquals(0, queues.size(2));
    }

    @Test
    public void aTimeoutGivesNull() throws InterruptedException {
        long start = System.nanoTime();
        assertNull(take(2, 60));
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 55);
    }

    @Test
    public void keysOfAGroupThatEndedAreTypeaheadForTheNextReader() throws InterruptedException {
        queues.add(2, "l", "l");
        queues.add(1, "x", "x");
        queues.add(2, "s", "s");
        queues.add(0, "ENTER", "\r");
        alive.remove(2); // the program that was typed at ended without reading
        List<KeyQueues.Key> keys = queues.drain(1, alive::contains);
        assertEquals(List.of("l", "x", "s", "ENTER"), keys.stream().map(KeyQueues.Key::name).collect(Collectors.toList()));
        assertEquals("lxs\r", keys.stream().map(KeyQueues.Key::raw).collect(Collectors.joining()));
    }

    @Test
    public void keysOfAStoppedGroupStayWithIt() {
        queues.add(2, "q", "q");
        assertTrue(queues.drain(1, alive::contains).isEmpty());
        assertEquals(1, queues.size(2));
    }

    @Test
    public void aWaitingReaderWakesForItsKey() throws Exception {
        AtomicReference<String> got = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                got.set(take(2, 5000));
            } catch (InterruptedException e) {
                got.set("interrupted");
            }
        });
        reader.start();
        awaitWaiting(reader);
        queues.add(2, "k", "k");
        reader.join(2000);
        assertEquals("k", got.get());
    }

    @Test
    public void anInterruptEndsTheWait() throws Exception {
        AtomicReference<String> got = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                got.set(take(2, -1));
            } catch (InterruptedException e) {
                got.set("interrupted");
            }
        });
        reader.start();
        awaitWaiting(reader);
        reader.interrupt();
        reader.join(2000);
        assertEquals("interrupted", got.get());
    }

    @Test
    public void aReaderThatLeavesTheForegroundStopsWaiting() throws InterruptedException {
        try {
            queues.take(2, -1, alive::contains, () -> false);
            fail("a background reader must not wait for keys");
        } catch (KeyQueues.LostTerminal expected) {
            // the term family then claims the terminal again (SIGTTIN)
        }
    }

    @Test
    public void afterTheEndOfInputQueuedKeysComeFirstThenNull() throws InterruptedException {
        queues.add(2, "z", "z");
        queues.close();
        assertEquals("z", take(2, -1));
        assertNull(take(2, -1));
        assertTrue(queues.isClosed());
    }

    @Test
    public void aFloodKeepsTheNewestKeys() throws InterruptedException {
        for (int i = 0; i < KeyQueues.LIMIT + 10; i++) {
            queues.add(2, Integer.toString(i), "");
        }
        assertEquals(KeyQueues.LIMIT, queues.size(2));
        assertEquals("10", take(2, 0));
    }
}
