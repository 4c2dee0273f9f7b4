package pebbleos.kernel.proc;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.MemoryAccount;

/**
 * The memory account of one process: each charge is a weak reference to the
 * value that holds the memory, and its bytes come back when the collector
 * clears it. {@link #hold} refuses a charge that would take the process past
 * its limit with a catchable {@code MemoryError}; before refusing it asks for
 * a collection once (at most once a second in the whole system), so that big
 * values the program has already dropped, which the collector has not looked
 * at yet, do not count against it.
 */
final class ProcessMemory extends MemoryAccount {
    /** When a collection was last requested for a limit check (one per second at most, system-wide). */
    private static final AtomicLong LAST_COLLECTION = new AtomicLong();

    private final int pid;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Set<Held> holdings = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    /** The soft memory limit in bytes, or {@link ResourceLimits#UNLIMITED}. */
    volatile long limit = ResourceLimits.UNLIMITED;

    /** One charge: the value and what it holds. */
    private static final class Held extends WeakReference<Object> {
        final long bytes;

        Held(Object referent, long bytes, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.bytes = bytes;
        }
    }

    ProcessMemory(int pid) {
        this.pid = pid;
    }

    @Override
    public void hold(Object referent, long n) {
        release();
        long max = limit;
        if (max != ResourceLimits.UNLIMITED && bytes.get() + n > max && !fitsAfterCollection(n, max)) {
            throw new PebbleException(Errno.NOMEM,
                    "MemoryError: process " + pid + " exceeded its memory limit (" + ResourceLimits.bytes(max) + ")");
        }
        holdings.add(new Held(referent, n, collected));
        bytes.addAndGet(n);
    }

    /** Ask for a collection (unless one was asked for within the last second) and look again. */
    private boolean fitsAfterCollection(long n, long max) {
        long now = System.nanoTime();
        long last = LAST_COLLECTION.get();
        if (now - last < 1_000_000_000L || !LAST_COLLECTION.compareAndSet(last, now)) {
            return false;
        }
        System.gc();
        for (int i = 0; i < 20; i++) {
            // the collector's reference handler enqueues cleared charges shortly after
            release();
            if (bytes.get() + n <= max) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public long held() {
        release();
        return Math.max(0, bytes.get());
    }

    /** Give back the charges of collected values. */
    private void release() {
        for (Reference<?> r = collected.poll(); r != null; r = collected.poll()) {
            if (holdings.remove(r)) {
                bytes.addAndGet(-((Held) r).bytes);
            }
        }
    }

    /** The process has ended: nothing it held counts any more. */
    void clear() {
        holdings.clear();
        bytes.set(0);
    }
}
