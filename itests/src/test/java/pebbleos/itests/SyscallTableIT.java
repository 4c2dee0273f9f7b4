package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PList;

/**
 * The syscall table alone with one test provider ({@code fixture.echo}):
 * calls reach the provider; without it they fail with NOSYS naming the
 * family; a call made while the provider is away waits for its successor;
 * updating the provider under load loses no call.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyscallTableIT {
    @Inject
    private BundleContext context;

    @Inject
    private SyscallTable table;

    @Configuration
    public Option[] config() {
        return options(
                Images.base(SyscallTableIT.class),
                Images.pebble("kernel.api"),
                Images.pebble("kernel.syscall"),
                Images.pebble("fixture.echo"));
    }

    private Bundle echo() {
        for (Bundle b : context.getBundles()) {
            if ("fixture.echo".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("fixture.echo is not installed");
    }

    private Object call(String name, Object... args) {
        return table.invoke(new TestCaller(table), name, args);
    }

    @Test
    public void callsReachTheProviderAndTheTableDescribesItself() {
        assertEquals("hello", call("echo_ping", "hello"));
        assertTrue(table.families().containsAll(List.of("clock", "echo", "syscall")));
        assertEquals("echo", table.table().get("echo_ping"));
        Object families = call("syscall_families");
        assertTrue(families instanceof PList);
        assertTrue(((PList) families).toString().contains("echo"));
        assertTrue(((Long) call("clock_monotonic")) >= 0);
    }

    @Test
    public void unknownSyscallFailsWithNosys() {
        try {
            call("no_such_call");
            fail("expected NOSYS");
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
            assertTrue(e.getMessage(), e.getMessage().contains("no_such_call"));
        }
    }

    @Test
    public void uninstalledProviderGivesNosysAndReinstallingBringsItBack() throws Exception {
        Bundle echo = echo();
        String location = echo.getLocation();
        echo.uninstall();
        long start = System.nanoTime();
        try {
            call("echo_ping", 1L);
            fail("expected NOSYS");
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
            assertTrue(e.getMessage(), e.getMessage().contains("echo_ping") && e.getMessage().contains("'echo'"));
        }
        // the first call waited the swap window; the next fails at once
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1500));
        long again = System.nanoTime();
        try {
            call("echo_ping", 1L);
            fail("expected NOSYS");
        } catch (PebbleException e) {
            assertEquals(Errno.NOSYS, e.errno());
        }
        assertTrue(System.nanoTime() - again < TimeUnit.MILLISECONDS.toNanos(500));
        Bundle back;
        try (InputStream in = new FileInputStream(Images.jar("fixture.echo"))) {
            back = context.installBundle(location, in);
        }
        back.start();
        assertEquals(7L, call("echo_ping", 7L));
    }

    @Test
    public void callBlockedInTheSwapWindowReachesTheSuccessor() throws Exception {
        Bundle echo = echo();
        echo.stop();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> pending = pool.submit(() -> call("echo_ping", "waited"));
            waitUntil("the call waits in the swap window", () -> waiting("echo") == 1);
            assertTrue("the call should be waiting", !pending.isDone());
            echo.start();
            assertEquals("waited", pending.get(5, TimeUnit.SECONDS));
            assertEquals(0L, waiting("echo"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void updatingTheProviderUnderLoadLosesNoCall() throws Exception {
        Bundle echo = echo();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicLong calls = new AtomicLong();
        AtomicLong longestNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        Object r = call("echo_ping", calls.get());
                        if (!(r instanceof Long)) {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                    longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    calls.incrementAndGet();
                }
            });
        }
        for (int i = 0; i < 10; i++) {
            try (InputStream in = new FileInputStream(Images.jar("fixture.echo"))) {
                echo.update(in);
            }
            long after = calls.get();
            waitUntil("calls go on after update " + i, () -> calls.get() > after + 20);
        }
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals("failed calls", 0, failures.get());
        assertTrue(calls.get() > 100);
        System.out.printf("syscall swap under load: %d calls, longest call %.1f ms%n",
                calls.get(), longestNanos.get() / 1e6);
    }

    /** Calls of {@code family} waiting for a successor now (the table's own status). */
    private long waiting(String family) {
        for (Map<String, Object> row : table.status()) {
            if (family.equals(row.get("family"))) {
                return ((Number) row.get("waiting")).longValue();
            }
        }
        return 0;
    }

    /** Poll observable state (no sleep of a guessed length); fail after 10 s. */
    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out: " + what);
            }
            Thread.sleep(1);
        }
    }
}
