package pebbleos.api.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.syscall.Restart;
import pebbleos.api.process.Channel;

/**
 * A UDP socket as an open file description. {@link #send} and
 * {@link #receive} carry one datagram each with its address; a plain read
 * gives the next datagram's data, a plain write needs a connected peer
 * ({@code EDESTADDRREQ} otherwise).
 */
public final class UdpSocket implements Channel {
    /** The largest datagram a receive returns whole. */
    public static final int MAX_DATAGRAM = 65507;

    /** One datagram as it arrived. */
    public record Datagram(byte[] data, InetSocketAddress from) {
    }

    private final DatagramChannel channel;
    private final Readiness readiness;
    private final long opened = System.currentTimeMillis();

    /** Take over a bound channel (made non-blocking here). */
    public UdpSocket(DatagramChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.readiness = new Readiness(channel);
    }

    public InetSocketAddress local() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw NetErrors.of(e, "udp");
        }
    }

    /** The connected peer, or {@code null}. */
    public InetSocketAddress peer() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            throw NetErrors.of(e, describe());
        }
    }

    /** Send one datagram; returns the bytes sent. */
    public int send(byte[] data, SocketAddress to) {
        if (data.length > MAX_DATAGRAM) {
            throw new PebbleException(Errno.MSGSIZE, "message too long: " + data.length + " bytes");
        }
        try {
            while (true) {
                int n = channel.send(ByteBuffer.wrap(data), to);
                if (n > 0 || data.length == 0) {
                    return n;
                }
                readiness.await(SelectionKey.OP_WRITE, Long.MAX_VALUE, Wakeups.NONE);
            }
        } catch (IOException e) {
            throw NetErrors.of(e, to.toString());
        }
    }

    /**
     * The next datagram, waiting until {@code deadline}; {@code null} when it
     * passed; {@link Restart} when the group is cancelled.
     */
    public Datagram receive(int max, long deadline, Wakeups group) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(1, Math.min(max, MAX_DATAGRAM)));
        try {
            while (true) {
                SocketAddress from = channel.receive(buffer);
                if (from != null) {
                    buffer.flip();
                    byte[] data = new byte[buffer.remaining()];
                    buffer.get(data);
                    return new Datagram(data, (InetSocketAddress) from);
                }
                switch (readiness.await(SelectionKey.OP_READ, deadline, group)) {
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

    @Override
    public int read(byte[] buffer, int offset, int len) {
        Datagram d = receive(Math.max(len, 1), Long.MAX_VALUE, Wakeups.NONE);
        int n = Math.min(len, d.data().length);
        System.arraycopy(d.data(), 0, buffer, offset, n);
        return n;
    }

    @Override
    public void write(byte[] buffer, int offset, int len) {
        InetSocketAddress to = peer();
        if (to == null) {
            throw new PebbleException(Errno.DESTADDRREQ, "destination address required: " + describe());
        }
        byte[] data = new byte[len];
        System.arraycopy(buffer, offset, data, 0, len);
        send(data, to);
    }

    @Override
    public FileStat stat() {
        return new FileStat(describe(), FileStat.SOCKET, 0, opened, opened);
    }

    @Override
    public String describe() {
        InetSocketAddress peer = channel.isOpen() ? peer() : null;
        return "udp:" + (channel.isOpen() ? Addresses.text(local()) : "closed") + (peer == null ? "" : "->" + Addresses.text(peer));
    }

    @Override
    public void close() {
        readiness.close();
        try {
            channel.close();
        } catch (IOException e) {
            throw new PebbleException(Errno.IO, "closing udp socket: " + e.getMessage());
        }
    }
}
