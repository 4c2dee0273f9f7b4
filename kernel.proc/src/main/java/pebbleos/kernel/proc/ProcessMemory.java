package pebbleos.kernel.proc;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.MemoryAccount;

/**
 * The memory account of one process: each charge is a weak reference to the
 * value that holds the memory, and its bytes come back when the collector
 * clears it. {@link #hold} refuses a charge that would take the process past
 * its limit with a catchable {@code MemoryError}; before refusing it may ask
 * for a full collection (see {@link #fitsAfterCollection}), so that big values
 * the program has already dropped, which the collector has not looked at yet,
 * do not count against it.
 */
final class ProcessMemory extends MemoryAccount {
    /** When a collection was last requested for a limit check (one per ten seconds at most, system-wide). */
    private static final AtomicLong LAST_COLLECTION = new AtomicLong(System.nanoTime() - 10_000_000_000L);

    private final int pid;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    /** The charges by the identity hash of their value (chained in {@link Held#next}), so one can be released early. */
    private final Map<Integer, Held> holdings = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    /** The soft memory limit in bytes, or {@link ResourceLimits#UNLIMITED}. */
    volatile long limit = ResourceLimits.UNLIMITED;
    /** A collection asked for at the limit freed too little; no other until the account falls well below it. */
    private volatile boolean collectedInVain;
    /** Told (by the allocating thread itself) when the account holds half of the heap or more: the OOM killer. */
    volatile Runnable pressure;
    private static final long HALF_HEAP = Runtime.getRuntime().maxMemory() / 2;

    /** One charge: the value and what it holds. */
    private static final class Held extends WeakReference<Object> {
        final long bytes;
        final int hash;
        /** Another charge whose value has the same identity hash. */
        Held next;

        Held(Object referent, long bytes, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.bytes = bytes;
            this.hash = System.identityHashCode(referent);
        }
    }

    ProcessMemory(int pid) {
        this.pid = pid;
    }

    @Override
    public void hold(Object referent, long n) {
        returnCollected();
        long max = limit;
        if (collectedInVain && bytes.get() < max / 10 * 9) {
            collectedInVain = false;
        }
        if (max != ResourceLimits.UNLIMITED && bytes.get() + n > max && !fitsAfterCollection(n, max)) {
            throw new PebbleException(Errno.NOMEM,
                    "MemoryError: process " + pid + " exceeded its memory limit (" + ResourceLimits.bytes(max) + ")");
        }
        Held h = new Held(referent, n, collected);
        holdings.compute(h.hash, (k, first) -> {
            h.next = first;
            return h;
        });
        Runnable watchdog = pressure;
        if (bytes.addAndGet(n) >= HALF_HEAP && watchdog != null) {
            // the growing process itself asks, so the answer does not wait for a watchdog thread to be scheduled
            watchdog.run();
        }
    }

    @Override
    public void release(Object referent) {
        Held h = unlink(System.identityHashCode(referent), c -> c.get() == referent);
        if (h != null) {
            h.clear(); // never enqueued now: its bytes come back here, once
            bytes.addAndGet(-h.bytes);
        }
    }

    /** Remove from its chain the first charge of {@code hash} that {@code which} accepts; null when none. */
    private Held unlink(int hash, Predicate<Held> which) {
        Held[] found = new Held[1];
        holdings.computeIfPresent(hash, (k, first) -> {
            Held prev = null;
            for (Held h = first; h != null; prev = h, h = h.next) {
                if (which.test(h)) {
                    found[0] = h;
                    if (prev == null) {
                        return h.next;
                    }
                    prev.next = h.next;
                    break;
                }
            }
            return first;
        });
        return found[0];
    }

    /**
     * Ask for a full collection and look again, once per time the process
     * reaches its limit (it must drop below nine tenths of it to be granted
     * another), and at most once every ten seconds in the whole system: a
     * full collection stops every process for a while.
     */
    private boolean fitsAfterCollection(long n, long max) {
        if (collectedInVain) {
            return false;
        }
        long now = System.nanoTime();
        long last = LAST_COLLECTION.get();
        if (now - last < 10_000_000_000L || !LAST_COLLECTION.compareAndSet(last, now)) {
            return false;
        }
        collectedInVain = true;
        System.gc();
        for (int i = 0; i < 20; i++) {
            // the collector's reference handler enqueues cleared charges shortly after
            returnCollected();
            if (bytes.get() + n <= max) {
                collectedInVain = false;
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
        returnCollected();
        return Math.max(0, bytes.get());
    }

    /** Give back the charges of collected values. */
    private void returnCollected() {
        for (Reference<?> r = collected.poll(); r != null; r = collected.poll()) {
            Held gone = (Held) r;
            if (unlink(gone.hash, c -> c == gone) != null) {
                bytes.addAndGet(-gone.bytes);
            }
        }
    }

    /** The process has ended: nothing it held counts any more. */
    void clear() {
        holdings.clear();
        bytes.set(0);
    }
}
