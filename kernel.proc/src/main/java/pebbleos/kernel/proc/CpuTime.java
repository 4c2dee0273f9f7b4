package pebbleos.kernel.proc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time Pebble threads have used, from the JVM's per-thread CPU
 * clocks ({@link ThreadMXBean}, user and system time together). Each
 * process keeps the time of its ended threads here; a process's time is
 * that plus its live threads' clocks, so {@code top} can show CPU% as the
 * difference between two snapshots. Where the JVM has no thread CPU clock
 * every time reads 0.
 */
final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = enable();

    /** CPU nanoseconds of the process's threads that have ended. */
    private final AtomicLong ended = new AtomicLong();

    private static boolean enable() {
        try {
            if (!THREADS.isThreadCpuTimeSupported()) {
                return false;
            }
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** CPU nanoseconds a live Java thread has used; 0 for a thread that has not started or has ended. */
    static long of(Thread t) {
        if (!SUPPORTED || t == null) {
            return 0;
        }
        long ns = THREADS.getThreadCpuTime(t.getId());
        return Math.max(0, ns);
    }

    /** CPU nanoseconds the calling thread has used. */
    static long current() {
        return SUPPORTED ? Math.max(0, THREADS.getCurrentThreadCpuTime()) : 0;
    }

    /** A thread of the process ends, having used {@code nanos}. */
    void threadEnded(long nanos) {
        ended.addAndGet(nanos);
    }

    /** The process's total: its ended threads and the live ones. */
    long total(Iterable<PebbleThread> live) {
        long sum = ended.get();
        for (PebbleThread t : live) {
            if (!t.finished()) {
                sum += of(t.javaThread);
            }
        }
        return sum;
    }
}
