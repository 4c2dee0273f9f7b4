package pebbleos.kernel.net;

import static pebbleos.kernel.net.Calls.named;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

import pebbleos.api.net.NetErrors;
import pebbleos.api.net.UdpSocket;
import pebbleos.api.net.Wakeups;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PNone;

/** UDP: a socket, one datagram sent to an address, one datagram received with its sender. */
final class DatagramCalls implements Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int UDP_OPEN = 0;
    private static final int SENDTO = 1;
    private static final int RECVFROM = 2;

    private final Resolver resolver;
    private final Wakeups waits;

    DatagramCalls(Resolver resolver, Wakeups waits) {
        this.resolver = resolver;
        this.waits = waits;
    }

    List<Syscall> syscalls() {
        return List.of(
                named("net_udp_open", "[host, port]",
                        "a UDP socket bound to host:port (default: all addresses, any free port); its descriptor",
                        new Dispatch(this, UDP_OPEN)),
                named("net_sendto", "fd, text, host, port", "send text as one datagram; the bytes sent",
                        new Dispatch(this, SENDTO)),
                named("net_recvfrom", "fd[, max_bytes, timeout_ms]",
                        "the next datagram: {data, host, port}, or None when the timeout passed",
                        new Dispatch(this, RECVFROM)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case UDP_OPEN -> open(c, a);
            case SENDTO -> sendTo(c, a);
            case RECVFROM -> receiveFrom(c, a);
            default -> throw new IllegalArgumentException("net (udp): no syscall " + id);
        };
    }

    private Object open(TaskContext c, Object[] a) {
        Args args = Args.of("net_udp_open", a, 0, 2);
        String host = args.string(0, "");
        int port = args.has(1) ? Calls.port(args, 1) : 0;
        InetSocketAddress at = host.isEmpty() || host.equals("*") ? new InetSocketAddress(port)
                : new InetSocketAddress(resolver.lookup(c, host, Long.MAX_VALUE).get(0), port);
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open();
            channel.bind(at);
            UdpSocket socket = new UdpSocket(channel);
            channel = null;
            return (long) c.fds().install(new OpenFile(socket, OpenFile.READ | OpenFile.WRITE));
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

    private Object sendTo(TaskContext c, Object[] a) {
        Args args = Args.of("net_sendto", a, 4, 4);
        UdpSocket socket = Calls.socket(c, args.intValue(0), UdpSocket.class, "a UDP socket");
        byte[] data = args.string(1).getBytes(StandardCharsets.UTF_8);
        int port = Calls.port(args, 3);
        InetAddress to = resolver.lookup(c, args.string(2), Long.MAX_VALUE).get(0);
        return (long) c.blocking("blocked-output", () -> socket.send(data, new InetSocketAddress(to, port)));
    }

    private Object receiveFrom(TaskContext c, Object[] a) {
        Args args = Args.of("net_recvfrom", a, 1, 3);
        UdpSocket socket = Calls.socket(c, args.intValue(0), UdpSocket.class, "a UDP socket");
        int max = args.has(1) ? Math.max(1, args.intValue(1)) : UdpSocket.MAX_DATAGRAM;
        long deadline = Calls.deadline(args, 2);
        UdpSocket.Datagram d = c.blocking(NetFamily.BLOCKED, () -> socket.receive(max, deadline, waits));
        if (d == null) {
            return PNone.NONE;
        }
        PDict out = Calls.address(d.from());
        PDict result = PDict.of("data", new String(d.data(), StandardCharsets.UTF_8));
        result.put("host", out.get("host"));
        result.put("port", out.get("port"));
        return result;
    }
}
