package pebbleos.api.process;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference-counted share of a {@link Channel}: {@code dup}, spawning a child
 * with inherited descriptors and redirections all add a reference; the channel
 * is closed when the count drops to zero. That is what lets a pipe reader see
 * end of input once every writer has gone.
 */
public final class OpenFile {
    /** Open for reading. */
    public static final int READ = 1;
    /** Open for writing. */
    public static final int WRITE = 2;
    /** Every write goes to the end. */
    public static final int APPEND = 4;

    private final Channel channel;
    private final int mode;
    private final AtomicInteger references = new AtomicInteger(1);

    public OpenFile(Channel channel, int mode) {
        this.channel = channel;
        this.mode = mode;
    }

    public Channel channel() {
        return channel;
    }

    /** Bit set of {@link #READ}, {@link #WRITE}, {@link #APPEND}. */
    public int mode() {
        return mode;
    }

    public boolean readable() {
        return (mode & READ) != 0;
    }

    public boolean writable() {
        return (mode & WRITE) != 0;
    }

    /** Add a reference (a new descriptor points here). */
    public OpenFile retain() {
        references.incrementAndGet();
        return this;
    }

    /** Drop a reference; closes the channel when it was the last. */
    public void release() {
        if (references.decrementAndGet() == 0) {
            channel.close();
        }
    }

    public int references() {
        return references.get();
    }
}
