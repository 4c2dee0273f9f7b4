package pebbleos.api.net;

import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waits a provider has in flight, so that it can end them all at once
 * when it leaves (a hot swap): {@link #cancel} marks the group cancelled and
 * wakes every selector enlisted in it. A wait that finds its group cancelled
 * returns without waiting, and the provider hands the call to its successor.
 * {@link #NONE} is a group never cancelled, for waits no provider owns (the
 * reads and writes of an established socket).
 */
public final class Wakeups {
    /** A group that is never cancelled. */
    public static final Wakeups NONE = new Wakeups();

    private final Set<Selector> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** True once {@link #cancel} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /** End every wait of the group, now and later. */
    public void cancel() {
        cancelled = true;
        for (Selector s : waiting) {
            s.wakeup();
        }
    }

    void enlist(Selector selector) {
        if (this != NONE) {
            waiting.add(selector);
            if (cancelled) {
                selector.wakeup();
            }
        }
    }

    void delist(Selector selector) {
        if (this != NONE) {
            waiting.remove(selector);
        }
    }
}
