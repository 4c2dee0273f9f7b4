package pebbleos.api.swap;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

public class ServiceSlotTest {
    private static ServiceSlot.Lease<String> take(ServiceSlot<String> slot) {
        return slot.acquire(() -> "absent");
    }

    @Test
    public void highestRankingWinsThenOldest() {
        ServiceSlot<String> slot = new ServiceSlot<>("test");
        slot.bind("low", 0, 1, "a", Map.of());
        slot.bind("high", 10, 2, "b", Map.of());
        slot.bind("high-newer", 10, 3, "c", Map.of());
        assertEquals("high", slot.current());
        slot.prefer("c");
        assertEquals("high-newer", slot.current());
        slot.prefer(null);
        slot.unbind("high");
        assertEquals("high-newer", slot.current());
    }

    @Test
    public void neverBoundFailsAtOnce() {
        ServiceSlot<String> slot = new ServiceSlot<>("test");
        slot.setWindowMillis(60_000); // waiting would take a minute
        long start = System.nanoTime();
        try {
            take(slot);
            fail();
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
            assertEquals("absent", e.getMessage());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    public void aCallBetweenProvidersWaitsForTheSuccessor() throws Exception {
        ServiceSlot<String> slot = new ServiceSlot<>("test");
        slot.bind("old", 0, 1, "p", Map.of());
        slot.unbind("old");
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
            try (ServiceSlot.Lease<String> lease = take(slot)) {
                return lease.service();
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> slot.waiting() == 1);
        slot.bind("new", 0, 2, "p", Map.of());
        assertEquals("new", call.get(2, TimeUnit.SECONDS));
        assertEquals(1, slot.swapWaits());
        assertEquals(0, slot.waiting());
        assertTrue(slot.longestWaitMillis() > 0);
    }

    @Test
    public void afterTheWindowCallsFailAndThenFailFast() {
        ServiceSlot<String> slot = new ServiceSlot<>("test");
        slot.setWindowMillis(100);
        slot.bind("old", 0, 1, "p", Map.of());
        slot.unbind("old");
        long start = System.nanoTime();
        try {
            take(slot);
            fail();
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
        }
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
        slot.setWindowMillis(60_000); // a second wait would now take a minute
        start = System.nanoTime();
        try {
            take(slot);
            fail();
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    public void unbindWaitsForCallsInFlight() throws Exception {
        ServiceSlot<String> slot = new ServiceSlot<>("test");
        slot.bind("busy", 0, 1, "p", Map.of());
        ServiceSlot.Lease<String> lease = take(slot);
        CompletableFuture<Void> unbind = CompletableFuture.runAsync(() -> slot.unbind("busy"));
        // the provider is out of the slot, and its unbind waits for the lease
        await().atMost(10, TimeUnit.SECONDS).until(() -> slot.currentCandidate() == null);
        assertFalse(unbind.isDone());
        lease.close();
        unbind.get(10, TimeUnit.SECONDS);
    }
}
