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
 * strike whichever thread allocated last (the shell, often). Instead, the
 * old generation is watched (JMX usage and collection-usage thresholds on
 * that pool, checked again every second, and by a process itself when its
 * account passes half of the heap). When it is {@value #EARLY_PERCENT}% full
 * and one process alone holds half of the heap by its account, that process
 * is ended at once, before the collector must do full collections over its
 * data (each a pause for every process); when a collection finds the old
 * generation still {@value #THRESHOLD_PERCENT}% full, the process with the
 * largest accounted memory is ended. Ending is SIGKILL, and {@code Out of memory: killed process N
 * (NAME)} is written to the console and the system log ({@code dmesg}).
 * Every other process goes on. Never chosen: process 1, the processes the kernel started itself (the
 * console's shell) and, having none, the kernel's own threads.
 *
 * <p>Accounting does not see everything (see {@link pebbleos.api.value.Footprint}):
 * when no process holds an eighth of the heap by its account, the one that
 * used the most CPU time (a second at least) is chosen, the likeliest to be
 * building what fills the heap. Only one victim at a time: the next is chosen
 * only once the last has ended and a later collection still finds the heap
 * full.
 */
final class OomKiller implements NotificationListener {
    static final int THRESHOLD_PERCENT = 85;
    /** With one process holding half of the heap, the old generation's fill at which it is ended. */
    static final int EARLY_PERCENT = 50;
    private static final Logger LOG = Logger.getLogger(OomKiller.class.getName());

    private final ProcessTable table;
    private final KernelLog log;
    private final Supplier<Console> console;
    private MemoryPoolMXBean pool;
    private long threshold;
    private long early;
    private PebbleProcess lastVictim;
    /** Collections found above the threshold when the last victim was chosen: a newer one is needed to choose again. */
    private long countAtLastKill = -1;

    OomKiller(ProcessTable table, KernelLog log, Supplier<Console> console) {
        this.table = table;
        this.log = log;
        this.console = console;
    }

    /** Watch the old generation (the heap pool collected last, with the largest maximum). */
    synchronized void start() {
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
        early = pool.getUsage().getMax() / 100 * EARLY_PERCENT;
        pool.setCollectionUsageThreshold(threshold);
        if (pool.isUsageThresholdSupported()) {
            pool.setUsageThreshold(early);
        }
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(this, null, null);
    }

    private static boolean isOld(MemoryPoolMXBean p) {
        return p.getName().contains("Old") || p.getName().contains("Tenured");
    }

    synchronized void stop() {
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
        String type = notification.getType();
        if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(type)
                || MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(type)) {
            check();
        }
    }

    /**
     * When the old generation passes the threshold (a notification, or once
     * a second): end a process if one alone holds half of the heap by its
     * account, before the collector has to do a full collection over it (a
     * pause for every process); otherwise, if a collection finds the heap
     * still that full, end the biggest.
     */
    synchronized void check() {
        if (pool == null || lastVictim != null && !lastVictim.ended) {
            return; // the last victim's memory is on the way back
        }
        MemoryUsage now = pool.getUsage();
        if (now.getUsed() >= early) {
            PebbleProcess biggest = biggest();
            if (biggest != null && biggest.memory.held() >= Runtime.getRuntime().maxMemory() / 2) {
                kill(biggest, now, "filling");
                return;
            }
        }
        MemoryUsage after = pool.getCollectionUsage();
        if (after == null || after.getUsed() < threshold) {
            return;
        }
        long count = pool.getCollectionUsageThresholdCount();
        if (count == countAtLastKill) {
            return; // no collection since the last victim: the usage seen is from before it ended
        }
        PebbleProcess victim = choose(now.getMax());
        if (victim != null) {
            countAtLastKill = count;
            kill(victim, after, "full after collection");
        }
    }

    private void kill(PebbleProcess victim, MemoryUsage heap, String how) {
        lastVictim = victim;
        long held = victim.memory.held();
        String message = "Out of memory: killed process " + victim.pid + " (" + victim.name() + ")";
        log.log(message + ", holding " + ResourceLimits.bytes(held) + " by its account; old generation "
                + ResourceLimits.bytes(heap.getUsed()) + " of " + ResourceLimits.bytes(heap.getMax()) + ", " + how);
        table.kill(victim, Signals.SIGKILL);
        tell(message + "\n");
    }

    /** The killable process holding the most by its account, or null. */
    private PebbleProcess biggest() {
        PebbleProcess biggest = null;
        long most = -1;
        for (PebbleProcess p : table.list()) {
            if (killable(p) && p.memory.held() > most) {
                most = p.memory.held();
                biggest = p;
            }
        }
        return biggest;
    }

    /** Never process 1, nor what the kernel started itself (the console's shell), nor the ending. */
    private static boolean killable(PebbleProcess p) {
        return !p.ended && p.pid != 1 && !p.kernelChild && p.fatalSignal == 0;
    }

    /** The process to end: the biggest by account, or by CPU time when no account explains the heap. */
    private PebbleProcess choose(long heap) {
        PebbleProcess biggest = null;
        long most = -1;
        PebbleProcess busiest = null;
        long cpu = -1;
        for (PebbleProcess p : table.list()) {
            if (!killable(p)) {
                continue;
            }
            long held = p.memory.held();
            if (held > most) {
                most = held;
                biggest = p;
            }
            long c = p.cpuNanos();
            if (c > cpu && c >= 1_000_000_000L) { // a second of CPU at least: busy building, not a passer-by
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
