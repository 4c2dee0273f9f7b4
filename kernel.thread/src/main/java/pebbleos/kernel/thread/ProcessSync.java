package pebbleos.kernel.thread;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;

/**
 * The synchronisation objects of one process: mutexes, condition variables
 * and channels, numbered from 1. Every operation holds this object's monitor;
 * waits happen inside {@link TaskContext#blocking} so the waiting thread gives
 * up its process lock and shows as {@code blocked-mutex}, {@code blocked-cond}
 * or {@code blocked-channel}.
 */
final class ProcessSync {
    /** A recursive mutex that hands ownership straight to its first waiter. */
    static final class Mutex {
        final int id;
        int owner;
        int count;
        final Deque<Integer> waiters = new ArrayDeque<>();

        Mutex(int id) {
            this.id = id;
        }
    }

    /** A condition variable: who waits, and who has been signalled. */
    static final class Cond {
        final int id;
        final List<Integer> waiters = new ArrayList<>();
        final List<Integer> signalled = new ArrayList<>();

        Cond(int id) {
            this.id = id;
        }
    }

    /** A bounded channel of values between the threads of the process. */
    static final class Channel {
        final int id;
        final int capacity;
        final Deque<Object> items = new ArrayDeque<>();
        boolean closed;

        Channel(int id, int capacity) {
            this.id = id;
            this.capacity = capacity;
        }
    }

    private int nextMutex = 1;
    private int nextCond = 1;
    private int nextChannel = 1;
    final Map<Integer, Mutex> mutexes = new TreeMap<>();
    final Map<Integer, Cond> conds = new TreeMap<>();
    final Map<Integer, Channel> channels = new TreeMap<>();

    // ------------------------------------------------------------------ mutexes

    synchronized int createMutex() {
        Mutex m = new Mutex(nextMutex++);
        mutexes.put(m.id, m);
        return m.id;
    }

    synchronized Mutex mutex(int id) {
        Mutex m = mutexes.get(id);
        if (m == null) {
            throw new PebbleException(Errno.INVAL, "mutex " + id + " does not exist");
        }
        return m;
    }

    /** Lock for {@code tid}; waits at most {@code timeoutMillis} (negative: no limit). */
    Object lock(TaskContext caller, int id, long timeoutMillis) {
        Mutex m = mutex(id);
        int tid = caller.tid();
        synchronized (this) {
            if (m.owner == 0 || m.owner == tid) {
                m.owner = tid;
                m.count++;
                return Boolean.TRUE;
            }
            if (timeoutMillis == 0) {
                return Boolean.FALSE;
            }
        }
        caller.setBlockedOn("mutex:" + id);
        try {
            return caller.blocking("blocked-mutex", () -> awaitOwnership(m, tid, timeoutMillis));
        } finally {
            caller.setBlockedOn("");
        }
    }

    private synchronized Object awaitOwnership(Mutex m, int tid, long timeoutMillis) {
        if (m.owner == 0 || m.owner == tid) {
            m.owner = tid;
            m.count++;
            return Boolean.TRUE;
        }
        if (!m.waiters.contains(tid)) {
            m.waiters.addLast(tid);
        }
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
        while (m.owner != tid) {
            if (m.owner == 0) {
                m.waiters.remove(tid);
                m.owner = tid;
                m.count = 1;
                return Boolean.TRUE;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                m.waiters.remove(tid);
                return Boolean.FALSE;
            }
            try {
                wait(Math.min(left, 1000));
            } catch (InterruptedException e) {
                if (m.owner == tid) {
                    return Boolean.TRUE;
                }
                m.waiters.remove(tid);
                return TaskContext.INTERRUPTED;
            }
        }
        return Boolean.TRUE;
    }

    synchronized void unlock(int id, int tid) {
        Mutex m = mutex(id);
        if (m.owner != tid) {
            throw new PebbleException(Errno.PERM, "mutex " + id + " is not owned by thread " + tid);
        }
        if (--m.count > 0) {
            return;
        }
        handOff(m);
    }

    /** Give a free mutex to its first waiter (fairness), or leave it free. */
    private void handOff(Mutex m) {
        Integer next = m.waiters.pollFirst();
        m.owner = next == null ? 0 : next;
        m.count = next == null ? 0 : 1;
        notifyAll();
    }

    // ------------------------------------------------------------------ condition variables

    synchronized int createCond() {
        Cond c = new Cond(nextCond++);
        conds.put(c.id, c);
        return c.id;
    }

    synchronized Cond cond(int id) {
        Cond c = conds.get(id);
        if (c == null) {
            throw new PebbleException(Errno.INVAL, "condition " + id + " does not exist");
        }
        return c;
    }

    /**
     * Release the mutex, wait for a signal (at most {@code timeoutMillis}), take
     * the mutex again. True when signalled, false on timeout.
     */
    Object await(TaskContext caller, int condId, int mutexId, long timeoutMillis) {
        Cond c = cond(condId);
        Mutex m = mutex(mutexId);
        int tid = caller.tid();
        int count;
        synchronized (this) {
            if (m.owner != tid) {
                throw new PebbleException(Errno.PERM, "mutex " + mutexId + " is not owned by thread " + tid);
            }
            count = m.count;
            m.count = 0;
            handOff(m);
            c.waiters.add(tid);
        }
        caller.setBlockedOn("cond:" + condId);
        Object signalled;
        try {
            signalled = caller.blocking("blocked-cond", () -> awaitSignal(c, tid, timeoutMillis));
        } finally {
            caller.setBlockedOn("");
        }
        lock(caller, mutexId, -1);
        synchronized (this) {
            m.count = count;
        }
        return signalled;
    }

    private synchronized Object awaitSignal(Cond c, Integer tid, long timeoutMillis) {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
        while (!c.signalled.contains(tid)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                c.waiters.remove(tid);
                return Boolean.FALSE;
            }
            try {
                wait(Math.min(left, 1000));
            } catch (InterruptedException e) {
                return TaskContext.INTERRUPTED;
            }
        }
        c.signalled.remove(tid);
        return Boolean.TRUE;
    }

    synchronized int signal(int condId, boolean all) {
        Cond c = cond(condId);
        int woken = 0;
        while (!c.waiters.isEmpty()) {
            c.signalled.add(c.waiters.remove(0));
            woken++;
            if (!all) {
                break;
            }
        }
        notifyAll();
        return woken;
    }

    // ------------------------------------------------------------------ channels

    synchronized int createChannel(int capacity) {
        Channel ch = new Channel(nextChannel++, Math.max(1, capacity));
        channels.put(ch.id, ch);
        return ch.id;
    }

    synchronized Channel channel(int id) {
        Channel ch = channels.get(id);
        if (ch == null) {
            throw new PebbleException(Errno.INVAL, "channel " + id + " does not exist");
        }
        return ch;
    }

    Object send(TaskContext caller, int id, Object value, long timeoutMillis) {
        Channel ch = channel(id);
        Object copy = PList.copyValue(value);
        caller.setBlockedOn("channel:" + id);
        try {
            return caller.blocking("blocked-channel", () -> {
                synchronized (this) {
                    long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
                    while (!ch.closed && ch.items.size() >= ch.capacity) {
                        long left = deadline - System.currentTimeMillis();
                        if (left <= 0) {
                            return Boolean.FALSE;
                        }
                        try {
                            wait(Math.min(left, 1000));
                        } catch (InterruptedException e) {
                            return TaskContext.INTERRUPTED;
                        }
                    }
                    if (ch.closed) {
                        throw new PebbleException(Errno.PIPE, "channel " + id + " is closed");
                    }
                    ch.items.addLast(copy);
                    notifyAll();
                    return Boolean.TRUE;
                }
            });
        } finally {
            caller.setBlockedOn("");
        }
    }

    /** The next value; {@code null} when the channel is closed and empty, or on timeout. */
    Object receive(TaskContext caller, int id, long timeoutMillis) {
        Channel ch = channel(id);
        caller.setBlockedOn("channel:" + id);
        try {
            return caller.blocking("blocked-channel", () -> {
                synchronized (this) {
                    long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
                    while (ch.items.isEmpty()) {
                        if (ch.closed) {
                            return NOTHING;
                        }
                        long left = deadline - System.currentTimeMillis();
                        if (left <= 0) {
                            return NOTHING;
                        }
                        try {
                            wait(Math.min(left, 1000));
                        } catch (InterruptedException e) {
                            return TaskContext.INTERRUPTED;
                        }
                    }
                    Object v = ch.items.pollFirst();
                    notifyAll();
                    return v;
                }
            });
        } finally {
            caller.setBlockedOn("");
        }
    }

    /** What {@link #receive} returns when there is no value. */
    static final Object NOTHING = new Object();

    synchronized void close(int id) {
        channel(id).closed = true;
        notifyAll();
    }
}
