package pebbleos.kernel.proc;

import java.util.concurrent.locks.ReentrantLock;

import pebbleos.api.process.TaskContext;

/**
 * The process lock: one thread of a process runs Pebble code at a time, so
 * threads sharing globals can never corrupt a value. A thread gives it up
 * in blocking calls and, when another thread of its process waits for it,
 * at its next safe point. Fair, so waiting threads take turns.
 */
final class ProcessLock {
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile TaskContext owner;
    /** Since when a thread has been waiting for the lock (0: none waits). */
    private volatile long waitingSinceNanos;
    /** How long a thread keeps the lock against waiters, as CPython's switch interval. */
    static final long SLICE_NANOS = 5_000_000L;

    /** Take the lock; a waiting caller asks the holder to yield at its next safe point. */
    void acquire(TaskContext thread) {
        if (!lock.tryLock()) {
            if (waitingSinceNanos == 0) {
                waitingSinceNanos = System.nanoTime();
            }
            TaskContext holder = owner;
            if (holder != null) {
                holder.raise(TaskContext.YIELD);
            }
            lock.lock();
            waitingSinceNanos = lock.hasQueuedThreads() ? System.nanoTime() : 0;
        }
        owner = thread;
    }

    /** True when a waiting thread has waited a whole slice: the owner should yield now. */
    boolean sliceUsed() {
        long since = waitingSinceNanos;
        return since != 0 && System.nanoTime() - since >= SLICE_NANOS;
    }

    void release() {
        owner = null;
        lock.unlock();
    }

    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** True when another thread waits for the lock. */
    boolean contended() {
        return lock.hasQueuedThreads();
    }
}
