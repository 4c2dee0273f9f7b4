package pebbleos.kernel.net;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.net.Addresses;
import pebbleos.api.process.Channel;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallHandler;
import pebbleos.api.value.PDict;

/**
 * What the net calls share: the one error format
 * ({@code <syscall>: <reason>: <what>}), port and timeout arguments, the
 * socket behind a descriptor, and address dicts.
 */
public final class Calls {
    private Calls() {
    }

    /** A syscall whose failures carry its name in front of the message. */
    public static Syscall named(String name, String params, String doc, SyscallHandler handler) {
        return Syscall.named(name, params, doc, handler);
    }

    /** Argument {@code i} as a port, 0 to 65535. */
    static int port(Args args, int i) {
        long port = args.integer(i);
        if (port < 0 || port > 65535) {
            throw new PebbleException(Errno.INVAL, "port out of range: " + port);
        }
        return (int) port;
    }

    /**
     * The deadline ({@link System#nanoTime()} scale) of a timeout argument in
     * milliseconds; absent, None or negative is no limit.
     */
    public static long deadline(Args args, int i) {
        return deadline(args.has(i) ? args.integer(i) : -1);
    }

    public static long deadline(long timeoutMillis) {
        return timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    /** The channel of descriptor {@code fd} when it is a {@code type}; ENOTSOCK otherwise. */
    static <T extends Channel> T socket(TaskContext caller, int fd, Class<T> type, String what) {
        OpenFile file = caller.fds().get(fd);
        if (type.isInstance(file.channel())) {
            return type.cast(file.channel());
        }
        throw new PebbleException(Errno.NOTSOCK, "descriptor " + fd + " is not " + what);
    }

    /** {@code {host, port}} of a socket address. */
    static PDict address(java.net.InetSocketAddress a) {
        if (a == null) {
            return PDict.of("host", "", "port", 0L);
        }
        return PDict.of("host", a.getAddress() == null ? a.getHostString() : Addresses.host(a.getAddress()),
                "port", (long) a.getPort());
    }

    static long bool(boolean b) {
        return b ? 1L : 0L;
    }
}
