package pebbleos.tty.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * The per-task key queues: every key the terminal delivers is queued for the
 * process group that owned the terminal when it was typed, so fast typing is
 * never lost, and keys typed for a program that is then stopped or detached
 * stay with it until it reads again.
 *
 * <p>Keys queued for a group that no longer exists (the program ended before
 * reading them) are typeahead: the next reader of any group adopts them, in
 * the order they were typed. Group 0 (no foreground group) is never alive.
 */
final class KeyQueues {
    /** Keys kept per group at most; older ones are dropped beyond it. */
    static final int LIMIT = 65_536;

    /** The reading group is no longer in the foreground: it must claim the terminal again. */
    static final class LostTerminal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostTerminal() {
            super("the process group left the foreground", null, false, false);
        }
    }

    /** One key: its name, the characters it came from, its place in typing order. */
    record Key(String name, String raw, long seq) {
    }

    private final Map<Integer, ArrayDeque<Key>> queues = new HashMap<>();
    private long nextSeq;
    private boolean closed;

    /** Queue a key for group {@code pgid} and wake its readers. */
    synchronized void add(int pgid, String name, String raw) {
        ArrayDeque<Key> q = queues.computeIfAbsent(pgid, k -> new ArrayDeque<>());
        q.addLast(new Key(name, raw, nextSeq++));
        if (q.size() > LIMIT) {
            q.removeFirst();
        }
        notifyAll();
    }

    /**
     * The next key for group {@code pgid}, waiting up to {@code timeoutMillis}
     * (forever when negative). Returns {@code null} when the time passes or the
     * input has ended ({@link #isClosed()} tells which).
     *
     * @param alive tells whether a group still exists (orphaned keys are adopted)
     * @param owner   tells whether the group still owns the terminal
     * @throws LostTerminal when the group leaves the foreground while it waits
     */
    synchronized Key take(int pgid, long timeoutMillis, IntPredicate alive, BooleanSupplier owner)
            throws InterruptedException {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
        while (true) {
            if (!owner.getAsBoolean()) {
                throw new LostTerminal();
            }
            adoptOrphans(pgid, alive);
            ArrayDeque<Key> q = queues.get(pgid);
            if (q != null && !q.isEmpty()) {
                Key k = q.removeFirst();
                if (q.isEmpty()) {
                    queues.remove(pgid);
                }
                return k;
            }
            if (closed) {
                return null;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            // wake now and then to adopt keys of groups that ended meanwhile, and to see the foreground change
            wait(Math.min(left, 50));
        }
    }

    /** Take every key of group {@code pgid} (and adopted orphans), in typing order. */
    synchronized List<Key> drain(int pgid, IntPredicate alive) {
        adoptOrphans(pgid, alive);
        ArrayDeque<Key> q = queues.remove(pgid);
        return q == null ? List.of() : new ArrayList<>(q);
    }

    /** Keys waiting for group {@code pgid}. */
    synchronized int size(int pgid) {
        ArrayDeque<Key> q = queues.get(pgid);
        return q == null ? 0 : q.size();
    }

    /** The input has ended: readers get {@code null} once the queues are empty. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Move the keys of groups that are gone into {@code pgid}'s queue, keeping typing order. */
    private void adoptOrphans(int pgid, IntPredicate alive) {
        List<Key> adopted = null;
        for (Iterator<Map.Entry<Integer, ArrayDeque<Key>>> it = queues.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Integer, ArrayDeque<Key>> e = it.next();
            int group = e.getKey();
            if (group == pgid || group != 0 && alive.test(group)) {
                continue;
            }
            if (adopted == null) {
                adopted = new ArrayList<>();
            }
            adopted.addAll(e.getValue());
            it.remove();
        }
        if (adopted == null) {
            return;
        }
        ArrayDeque<Key> own = queues.get(pgid);
        if (own != null) {
            adopted.addAll(own);
        }
        adopted.sort(Comparator.comparingLong(Key::seq));
        queues.put(pgid, new ArrayDeque<>(adopted));
    }
}
