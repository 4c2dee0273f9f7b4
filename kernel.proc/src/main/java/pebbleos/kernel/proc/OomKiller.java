package pebbleos.kernel.proc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

import pebbleos.api.console.Console;
import pebbleos.api.process.Signals;

/**
 * The low-memory watchdog. All processes share one Java heap, so a program
 * that keeps growing would otherwise drive the JVM into back-to-back full
 * collections, freezing every process, and the {@code OutOfMemoryError} would
 * strike whichever thread allocated last (the shell, often). Instead, when
 * the old generation is still more than {@value #THRESHOLD_PERCENT}% full
 * after a collection (a JMX collection-usage threshold on that pool, checked
 * again every second), the process with the largest accounted memory is ended
 * with SIGKILL, and {@code Out of memory: killed process N (NAME)} is written
 * to the console and the system log ({@code dmesg}). Every other process goes
 * on. Never chosen: process 1, the processes the kernel started itself (the
 * console's shell) and, having none, the kernel's own threads.
 *
 * <p>Accounting does not see everything (see {@link pebbleos.api.value.Footprint}):
 * when no process holds an eighth of the heap by its account, the one that
 * used the most CPU time is chosen, the likeliest to be building what fills
 * the heap. Only one victim at a time: the next is chosen only once the last
 * has ended and a collection still finds the heap full.
 */
final class OomKiller implements NotificationListener {
    static final int THRESHOLD_PERCENT = 85;
    private static final Logger LOG = Logger.getLogger(OomKiller.class.getName());

    private final ProcessTable table;
    private final KernelLog log;
    private final Supplier<Console> console;
    private MemoryPoolMXBean pool;
    private long threshold;
    private PebbleProcess lastVictim;

    OomKiller(ProcessTable table, KernelLog log, Supplier<Console> console) {
        this.table = table;
        this.log = log;
        this.console = console;
    }

    /** Watch the old generation (the heap pool collected last, with the largest maximum). */
    void start() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() != MemoryType.HEAP || !p.isCollectionUsageThresholdSupported() || p.getUsage().getMax() <= 0) {
                continue;
            }
            if (pool == null || isOld(p) && !isOld(pool)
                    || isOld(p) == isOld(pool) && p.getUsage().getMax() > pool.getUsage().getMax()) {
                pool = p;
            }
        }
        if (pool == null) {
            log.log("OOM killer: no heap pool with a collection threshold; not watching");
            return;
        }
        threshold = pool.getUsage().getMax() / 100 * THRESHOLD_PERCENT;
        pool.setCollectionUsageThreshold(threshold);
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(this, null, null);
    }

    private static boolean isOld(MemoryPoolMXBean p) {
        return p.getName().contains("Old") || p.getName().contains("Tenured");
    }

    void stop() {
        if (pool == null) {
            return;
        }
        try {
            ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).removeNotificationListener(this);
        } catch (ListenerNotFoundException e) {
            // not listening
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            check();
        }
    }

    /** After a collection (or once a second): end the biggest process if the heap stayed full. */
    synchronized void check() {
        if (pool == null) {
            return;
        }
        MemoryUsage after = pool.getCollectionUsage();
        if (after == null || after.getUsed() < threshold) {
            return;
        }
        if (lastVictim != null && !lastVictim.ended) {
            return; // its memory is on the way back
        }
        PebbleProcess victim = choose(pool.getUsage().getMax());
        if (victim == null) {
            return;
        }
        lastVictim = victim;
        long held = victim.memory.held();
        String message = "Out of memory: killed process " + victim.pid + " (" + victim.name() + ")";
        log.log(message + ", holding " + ResourceLimits.bytes(held) + " by its account; heap "
                + ResourceLimits.bytes(after.getUsed()) + " of " + ResourceLimits.bytes(after.getMax())
                + " after collection");
        table.kill(victim, Signals.SIGKILL);
        tell(message + "\n");
    }

    /** The process to end: the biggest by account, or by CPU time when no account explains the heap. */
    private PebbleProcess choose(long heap) {
        PebbleProcess biggest = null;
        long most = -1;
        PebbleProcess busiest = null;
        long cpu = -1;
        for (PebbleProcess p : table.list()) {
            if (p.ended || p.pid == 1 || p.kernelChild || p.fatalSignal != 0) {
                continue;
            }
            long held = p.memory.held();
            if (held > most) {
                most = held;
                biggest = p;
            }
            long c = p.cpuNanos();
            if (c > cpu) {
                cpu = c;
                busiest = p;
            }
        }
        return most >= heap / 8 ? biggest : busiest;
    }

    private void tell(String text) {
        Console c = console.get();
        if (c == null) {
            return;
        }
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            var channel = c.channel(Console.STDERR);
            channel.write(b, 0, b.length);
            channel.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the console did not take the OOM message", e);
        }
    }
}
