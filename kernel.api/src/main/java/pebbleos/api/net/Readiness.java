package pebbleos.api.net;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * Waiting until one non-blocking channel is ready (readable, writable,
 * connected, acceptable). The channel keeps one selector for the common case
 * of one thread waiting at a time; a second thread waiting at the same moment
 * gets a selector of its own for that wait. A wait ends when the channel is
 * ready, when the deadline passes, when the thread is interrupted (a signal:
 * {@code EINTR}, the socket stays open) or when its {@link Wakeups} group is
 * cancelled.
 */
final class Readiness {
    /** How a wait ended. */
    enum Outcome { READY, TIMED_OUT, CANCELLED }

    private final SelectableChannel channel;
    private final AtomicReference<Selector> spare = new AtomicReference<>();
    private volatile boolean closed;

    Readiness(SelectableChannel channel) {
        this.channel = channel;
    }

    /**
     * Wait for {@code ops} ({@link SelectionKey} bits) until {@code deadline}
     * ({@link System#nanoTime()} scale; {@link Long#MAX_VALUE} for none).
     */
    Outcome await(int ops, long deadline, Wakeups group) {
        if (Thread.interrupted()) {
            throw new PebbleException(Errno.INTR, "interrupted");
        }
        if (group.cancelled()) {
            return Outcome.CANCELLED;
        }
        Selector selector = spare.getAndSet(null);
        try {
            if (selector == null) {
                selector = Selector.open();
            }
            SelectionKey key = channel.register(selector, ops);
            group.enlist(selector);
            try {
                while (true) {
                    long left = deadline == Long.MAX_VALUE ? 0 : deadline - System.nanoTime();
                    if (deadline != Long.MAX_VALUE && left <= 0) {
                        return Outcome.TIMED_OUT;
                    }
                    int ready = deadline == Long.MAX_VALUE ? selector.select()
                            : selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    selector.selectedKeys().clear();
                    if (ready > 0 || (key.isValid() && (key.readyOps() & ops) != 0)) {
                        return Outcome.READY;
                    }
                    if (Thread.interrupted()) {
                        throw new PebbleException(Errno.INTR, "interrupted");
                    }
                    if (group.cancelled()) {
                        return Outcome.CANCELLED;
                    }
                    if (!channel.isOpen()) {
                        throw new PebbleException(Errno.BADF, "socket closed");
                    }
                }
            } finally {
                group.delist(selector);
                if (key.isValid()) {
                    key.interestOps(0);
                }
            }
        } catch (ClosedChannelException e) {
            throw new PebbleException(Errno.BADF, "socket closed");
        } catch (IOException e) {
            throw NetErrors.of(e, "waiting on a socket");
        } finally {
            if (selector != null) {
                giveBack(selector);
            }
        }
    }

    /** Keep the selector for the next wait, unless one is kept already or the channel is closed. */
    private void giveBack(Selector selector) {
        if (closed || !spare.compareAndSet(null, selector)) {
            closeQuietly(selector);
        } else if (closed && spare.compareAndSet(selector, null)) {
            closeQuietly(selector);
        }
    }

    /** Close the kept selector; the channel is closed by its owner. */
    void close() {
        closed = true;
        Selector s = spare.getAndSet(null);
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Selector s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do: the selector is gone either way
        }
    }
}
