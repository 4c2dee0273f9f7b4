package pebbleos.api.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.syscall.Restart;
import pebbleos.api.process.Channel;

/**
 * A listening TCP socket as an open file description. It is neither read
 * nor written: {@link #accept} hands out the connections that arrive, each a
 * new {@link TcpSocket}. Several threads may accept on one listener at once.
 */
public final class TcpListener implements Channel {
    private final ServerSocketChannel channel;
    private final Readiness readiness;
    private final InetSocketAddress local;
    private final long opened = System.currentTimeMillis();
    private volatile long timeoutMillis = -1;

    /** Take over a bound channel (made non-blocking here). */
    public TcpListener(ServerSocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.readiness = new Readiness(channel);
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    public InetSocketAddress local() {
        return local;
    }

    /**
     * The next connection, waiting until {@code deadline} ({@link System#nanoTime()}
     * scale, {@link Long#MAX_VALUE} for ever); {@code null} when the deadline
     * passed. EINTR on a signal; {@link Restart} when the group is cancelled.
     */
    public TcpSocket accept(long deadline, Wakeups group) {
        try {
            while (true) {
                SocketChannel s = channel.accept();
                if (s != null) {
                    TcpSocket socket = new TcpSocket(s);
                    socket.setTimeout(timeoutMillis);
                    return socket;
                }
                switch (readiness.await(SelectionKey.OP_ACCEPT, deadline, group)) {
                    case TIMED_OUT:
                        return null;
                    case CANCELLED:
                        throw new Restart();
                    default:
                        break;
                }
            }
        } catch (IOException e) {
            throw NetErrors.of(e, describe());
        }
    }

    /** The read and write timeout every connection accepted from now on starts with (negative: none). */
    public void setTimeout(long millis) {
        timeoutMillis = millis;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
        throw new PebbleException(Errno.NOTCONN, "a listening socket is not connected: " + describe());
    }

    @Override
    public void write(byte[] buffer, int offset, int len) {
        throw new PebbleException(Errno.NOTCONN, "a listening socket is not connected: " + describe());
    }

    @Override
    public FileStat stat() {
        return new FileStat(describe(), FileStat.SOCKET, 0, opened, opened);
    }

    @Override
    public String describe() {
        return "tcp-listen:" + Addresses.text(local);
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
