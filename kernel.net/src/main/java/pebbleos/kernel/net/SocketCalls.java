package pebbleos.kernel.net;

import static pebbleos.kernel.net.Calls.named;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.net.NetErrors;
import pebbleos.api.net.StreamChannel;
import pebbleos.api.net.TcpListener;
import pebbleos.api.net.TcpSocket;
import pebbleos.api.net.UdpSocket;
import pebbleos.api.net.Wakeups;
import pebbleos.api.process.Channel;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;

/**
 * TCP: connect, listen, accept, the addresses of a socket, half-close, and
 * name lookup. A connection is a descriptor read and written with the fd
 * calls ({@code fd_read}, {@code fd_readline}, {@code fd_write},
 * {@code fd_close}), inherited by children like any descriptor.
 */
final class SocketCalls implements Dispatch.Table {
    /** The backlog of a listening socket when none is given. */
    static final int DEFAULT_BACKLOG = 128;

    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int LOOKUP = 0;
    private static final int CONNECT = 1;
    private static final int LISTEN = 2;
    private static final int ACCEPT = 3;
    private static final int PEER = 4;
    private static final int LOCAL = 5;
    private static final int SHUTDOWN = 6;
    private static final int SET_TIMEOUT = 7;

    private final Resolver resolver;
    private final Wakeups waits;

    SocketCalls(Resolver resolver, Wakeups waits) {
        this.resolver = resolver;
        this.waits = waits;
    }

    List<Syscall> syscalls() {
        return List.of(
                named("net_lookup", "host", "the addresses of a host name (IPv4 first), as text",
                        new Dispatch(this, LOOKUP)),
                named("net_connect", "host, port[, timeout_ms]",
                        "a TCP connection to host:port (each address in turn); its descriptor",
                        new Dispatch(this, CONNECT)),
                named("net_listen", "host, port[, backlog]",
                        "a listening TCP socket on host:port (\"\" all addresses, port 0 any free port); its descriptor",
                        new Dispatch(this, LISTEN)),
                named("net_accept", "fd[, timeout_ms]",
                        "the next connection of a listening socket: its descriptor, or None when the timeout passed",
                        new Dispatch(this, ACCEPT)),
                named("net_peer", "fd", "{host, port} of the other end of a connection", new Dispatch(this, PEER)),
                named("net_local", "fd", "{host, port} a socket is bound to", new Dispatch(this, LOCAL)),
                named("net_shutdown", "fd", "stop sending on a connection (the peer reads end of input); 0",
                        new Dispatch(this, SHUTDOWN)),
                named("net_set_timeout", "fd, timeout_ms",
                        "how long each read or write of a connection may wait before ETIMEDOUT (-1: for ever); "
                                + "on a listening socket, for the connections it accepts; 0",
                        new Dispatch(this, SET_TIMEOUT)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case LOOKUP -> lookup(c, a);
            case CONNECT -> connect(c, a);
            case LISTEN -> listen(c, a);
            case ACCEPT -> accept(c, a);
            case PEER -> peer(c, a);
            case LOCAL -> local(c, a);
            case SHUTDOWN -> shutdown(c, a);
            case SET_TIMEOUT -> setTimeout(c, a);
            default -> throw new IllegalArgumentException("net (tcp): no syscall " + id);
        };
    }

    private Object lookup(TaskContext c, Object[] a) {
        Args args = Args.of("net_lookup", a, 1, 1);
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        for (InetAddress address : resolver.lookup(c, args.string(0), Long.MAX_VALUE)) {
            texts.add(pebbleos.api.net.Addresses.host(address));
        }
        return PList.from(List.copyOf(texts));
    }

    private Object connect(TaskContext c, Object[] a) {
        Args args = Args.of("net_connect", a, 2, 3);
        String host = args.string(0);
        int port = Calls.port(args, 1);
        long deadline = Calls.deadline(args, 2);
        List<InetAddress> addresses = resolver.lookup(c, host, deadline);
        PebbleException last = null;
        for (InetAddress address : addresses) {
            InetSocketAddress to = new InetSocketAddress(address, port);
            try {
                TcpSocket socket = c.blocking(NetFamily.BLOCKED, () -> TcpSocket.connect(to, deadline, waits));
                return (long) c.fds().install(new OpenFile(socket, OpenFile.READ | OpenFile.WRITE));
            } catch (PebbleException e) {
                if (e.errno() == Errno.TIMEDOUT || e.errno() == Errno.INTR) {
                    throw withHost(e, host, port);
                }
                last = e;
            }
        }
        throw withHost(last, host, port);
    }

    /** "connection refused: 127.0.0.1:9" names the host as the caller gave it: "localhost:9". */
    private static PebbleException withHost(PebbleException e, String host, int port) {
        return new PebbleException(e.errno(), e.errno().description() + ": " + host + ":" + port);
    }

    private Object listen(TaskContext c, Object[] a) {
        Args args = Args.of("net_listen", a, 2, 3);
        String host = args.string(0);
        int port = Calls.port(args, 1);
        int backlog = args.intValue(2, DEFAULT_BACKLOG);
        InetSocketAddress at = host.isEmpty() || host.equals("*") ? new InetSocketAddress(port)
                : new InetSocketAddress(resolver.lookup(c, host, Long.MAX_VALUE).get(0), port);
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(at, backlog);
            TcpListener listener = new TcpListener(channel);
            channel = null;
            return (long) c.fds().install(new OpenFile(listener, OpenFile.READ));
        } catch (IOException e) {
            throw NetErrors.of(e, (host.isEmpty() ? "*" : host) + ":" + port);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // the bind failed already
                }
            }
        }
    }

    private Object accept(TaskContext c, Object[] a) {
        Args args = Args.of("net_accept", a, 1, 2);
        TcpListener listener = Calls.socket(c, args.intValue(0), TcpListener.class, "a listening socket");
        long deadline = Calls.deadline(args, 1);
        TcpSocket socket = c.blocking(NetFamily.BLOCKED, () -> listener.accept(deadline, waits));
        if (socket == null) {
            return PNone.NONE;
        }
        return (long) c.fds().install(new OpenFile(socket, OpenFile.READ | OpenFile.WRITE));
    }

    private Object peer(TaskContext c, Object[] a) {
        int fd = Args.of("net_peer", a, 1, 1).intValue(0);
        Channel channel = c.fds().get(fd).channel();
        if (channel instanceof TcpSocket s) {
            return Calls.address(s.peer());
        }
        if (channel instanceof UdpSocket u) {
            if (u.peer() == null) {
                throw new PebbleException(Errno.NOTCONN, "not connected: descriptor " + fd);
            }
            return Calls.address(u.peer());
        }
        if (channel instanceof TcpListener) {
            throw new PebbleException(Errno.NOTCONN, "a listening socket has no peer: descriptor " + fd);
        }
        throw new PebbleException(Errno.NOTSOCK, "descriptor " + fd + " is not a socket");
    }

    private Object local(TaskContext c, Object[] a) {
        int fd = Args.of("net_local", a, 1, 1).intValue(0);
        Channel channel = c.fds().get(fd).channel();
        if (channel instanceof TcpSocket s) {
            return Calls.address(s.local());
        }
        if (channel instanceof TcpListener l) {
            return Calls.address(l.local());
        }
        if (channel instanceof UdpSocket u) {
            return Calls.address(u.local());
        }
        throw new PebbleException(Errno.NOTSOCK, "descriptor " + fd + " is not a socket");
    }

    private Object setTimeout(TaskContext c, Object[] a) {
        Args args = Args.of("net_set_timeout", a, 2, 2);
        int fd = args.intValue(0);
        if (c.fds().get(fd).channel() instanceof TcpListener listener) {
            listener.setTimeout(args.integer(1));
            return 0L;
        }
        Calls.socket(c, fd, TcpSocket.class, "a connection").setTimeout(args.integer(1));
        return 0L;
    }

    private Object shutdown(TaskContext c, Object[] a) {
        int fd = Args.of("net_shutdown", a, 1, 1).intValue(0);
        Channel channel = c.fds().get(fd).channel();
        if (channel instanceof StreamChannel) {
            return 0L;
        }
        Calls.socket(c, fd, TcpSocket.class, "a connection").shutdownOutput();
        return 0L;
    }
}
