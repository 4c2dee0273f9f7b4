package pebbleos.api.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;
import pebbleos.api.syscall.Restart;

/**
 * A connected TCP stream as an open file description. Reads are buffered (a
 * line read byte by byte costs one system call per buffer, not per byte) and
 * return what has arrived, waiting only when nothing has; writes wait while
 * the peer's window is full. Both waits end with EINTR on a signal and leave
 * the connection as it was. The peer closing its side is end of input.
 */
public final class TcpSocket implements Channel {
    private static final int BUFFER = 8 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final Readiness readiness;
    private final InetSocketAddress local;
    private final InetSocketAddress peer;
    private final long opened = System.currentTimeMillis();
    private final String name;
    private ByteBuffer input = EMPTY;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    /** What {@link #input} holds, readable without {@link #readLock}: a reader waiting for data holds that lock. */
    private volatile int buffered;
    private volatile long timeoutNanos = Long.MAX_VALUE;

    /** Take over a connected channel (made non-blocking here). */
    public TcpSocket(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        channel.socket().setTcpNoDelay(true);
        this.readiness = new Readiness(channel);
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.peer = (InetSocketAddress) channel.getRemoteAddress();
        this.name = "tcp:" + Addresses.text(local) + "->" + Addresses.text(peer);
    }

    /**
     * Connect to {@code to}, waiting until {@code deadline} ({@link System#nanoTime()}
     * scale, {@link Long#MAX_VALUE} for the system's own limit): ETIMEDOUT when
     * it passes, ECONNREFUSED, EHOSTUNREACH..., EINTR on a signal, and
     * {@link Restart} when the group is cancelled.
     */
    public static TcpSocket connect(InetSocketAddress to, long deadline, Wakeups group) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            if (!ch.connect(to)) {
                Readiness connecting = new Readiness(ch);
                try {
                    while (!ch.finishConnect()) {
                        Readiness.Outcome outcome = connecting.await(SelectionKey.OP_CONNECT, deadline, group);
                        if (outcome == Readiness.Outcome.TIMED_OUT) {
                            throw new PebbleException(Errno.TIMEDOUT, "timed out: " + Addresses.text(to));
                        }
                        if (outcome == Readiness.Outcome.CANCELLED) {
                            throw new Restart();
                        }
                    }
                } finally {
                    connecting.close();
                }
            }
            TcpSocket socket = new TcpSocket(ch);
            ch = null;
            return socket;
        } catch (IOException e) {
            throw NetErrors.of(e, Addresses.text(to));
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // the attempt failed already
                }
            }
        }
    }

    public InetSocketAddress local() {
        return local;
    }

    public InetSocketAddress peer() {
        return peer;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
        if (len == 0) {
            return 0;
        }
        synchronized (readLock) {
            try {
                while (!input.hasRemaining()) {
                    if (input == EMPTY) {
                        input = ByteBuffer.allocate(BUFFER); // on the first read: a socket only written needs none
                    }
                    input.clear();
                    int n = channel.read(input);
                    input.flip();
                    if (n < 0) {
                        return -1;
                    }
                    if (n == 0) {
                        long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
                        if (readiness.await(SelectionKey.OP_READ, deadline, Wakeups.NONE) == Readiness.Outcome.TIMED_OUT) {
                            throw new PebbleException(Errno.TIMEDOUT, "timed out waiting for data: " + describe());
                        }
                    }
                }
            } catch (IOException e) {
                throw NetErrors.of(e, describe());
            }
            int n = Math.min(len, input.remaining());
            input.get(buffer, offset, n);
            buffered = input.remaining();
            return n;
        }
    }

    /**
     * How long one read or write may wait for the peer before it fails with
     * ETIMEDOUT (a server's guard against clients that connect and say
     * nothing); negative: for ever, the default.
     */
    public void setTimeout(long millis) {
        timeoutNanos = millis < 0 ? Long.MAX_VALUE : millis * 1_000_000L;
    }

    /**
     * Bytes already received and not yet read, without waiting: a writer asks
     * (through {@link #stat}) while another thread waits in {@link #read}, and
     * must not wait for that read (nc's two directions deadlocked so).
     */
    public int available() {
        return buffered;
    }

    @Override
    public void write(byte[] buffer, int offset, int len) {
        synchronized (writeLock) {
            ByteBuffer out = ByteBuffer.wrap(buffer, offset, len);
            try {
                while (out.hasRemaining()) {
                    if (channel.write(out) == 0) {
                        long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
                        if (readiness.await(SelectionKey.OP_WRITE, deadline, Wakeups.NONE) == Readiness.Outcome.TIMED_OUT) {
                            throw new PebbleException(Errno.TIMEDOUT, "timed out sending: " + describe());
                        }
                    }
                }
            } catch (IOException e) {
                throw NetErrors.of(e, describe());
            }
        }
    }

    /** End the sending direction (the peer reads end of input); reading goes on. */
    public void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw NetErrors.of(e, describe());
        }
    }

    @Override
    public FileStat stat() {
        return new FileStat(describe(), FileStat.SOCKET, available(), opened, opened);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        readiness.close();
        try {
            channel.close();
        } catch (IOException e) {
            throw new PebbleException(Errno.IO, "closing " + describe() + ": " + e.getMessage());
        }
    }
}
