package pebbleos.tty.console;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * Tells a full-screen program to redraw when the terminal comes back to it:
 * it watches the foreground group, and when a group that has read keys loses
 * the terminal (stopped with ^Z, detached with F1) and later owns it again
 * ({@code fg}), it queues the key {@code REDRAW} for that group, whose screen
 * was drawn over meanwhile. A group that gets the terminal for the first
 * time gets nothing.
 */
final class RedrawWatch {
    /** How often the foreground group is looked at. */
    static final long WATCH_MILLIS = 10;
    /** Groups remembered before those that ended are forgotten. */
    private static final int REMEMBERED = 64;

    private final IntSupplier foreground;
    private final KeyQueues keys;
    private final IntPredicate alive;
    private final Set<Integer> readers = ConcurrentHashMap.newKeySet();
    private final Set<Integer> away = ConcurrentHashMap.newKeySet();
    private int lastSeen;
    private ScheduledExecutorService watcher;

    RedrawWatch(IntSupplier foreground, KeyQueues keys, IntPredicate alive) {
        this.foreground = foreground;
        this.keys = keys;
        this.alive = alive;
    }

    void start() {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread w = new Thread(r, "pebble-tty-foreground");
            w.setDaemon(true);
            return w;
        });
        watcher.scheduleWithFixedDelay(this::look, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** Group {@code pgid} reads keys: it is redrawn when the terminal comes back to it. */
    void readsKeys(int pgid) {
        if (readers.add(pgid) && readers.size() > REMEMBERED) {
            readers.removeIf(g -> g != pgid && !alive.test(g));
            away.retainAll(readers);
        }
    }

    /** Look at the foreground group now. */
    synchronized void look() {
        int fg = foreground.getAsInt();
        int before = lastSeen;
        if (fg == before) {
            return;
        }
        lastSeen = fg;
        if (readers.contains(before)) {
            away.add(before);
        }
        if (away.remove(fg)) {
            keys.add(fg, "REDRAW", "");
        }
    }

    /** The foreground group seen last. */
    synchronized int lastSeen() {
        return lastSeen;
    }
}
