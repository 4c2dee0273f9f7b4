package pebbleos.api.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The errno of a failed socket operation, from the JDK's exception and its
 * message (the JDK keeps the operating system's text: "Connection refused",
 * "Address already in use"). The message a user reads is the errno's
 * description followed by what was being done: {@code connection refused:
 * 127.0.0.1:9}.
 */
public final class NetErrors {
    private NetErrors() {
    }

    /** A Pebble-visible failure for {@code e}; {@code what} names the address or socket. */
    public static PebbleException of(Throwable e, String what) {
        Errno errno = errno(e);
        String detail = errno == Errno.IO && e.getMessage() != null ? e.getMessage().toLowerCase(Locale.ROOT)
                : errno.description();
        return new PebbleException(errno, what == null || what.isEmpty() ? detail : detail + ": " + what);
    }

    /** The errno that best says what {@code e} means. */
    public static Errno errno(Throwable e) {
        if (e instanceof PebbleException p && p.errno() != null) {
            return p.errno();
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Errno.NONAME; // the HTTP client wraps it in a ConnectException
            }
        }
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return Errno.TIMEDOUT;
        }
        if (e instanceof ConnectException || e instanceof PortUnreachableException
                || message.contains("connection refused")) {
            return message.contains("timed out") ? Errno.TIMEDOUT
                    : message.contains("no route") ? Errno.HOSTUNREACH
                    : message.contains("network is unreachable") ? Errno.NETUNREACH : Errno.CONNREFUSED;
        }
        if (e instanceof NoRouteToHostException || message.contains("no route to host")) {
            return Errno.HOSTUNREACH;
        }
        if (message.contains("network is unreachable")) {
            return Errno.NETUNREACH;
        }
        if (e instanceof BindException || message.contains("already in use")) {
            return message.contains("assign requested address") ? Errno.ADDRNOTAVAIL
                    : message.contains("permission denied") ? Errno.ACCES : Errno.ADDRINUSE;
        }
        if (message.contains("connection reset")) {
            return Errno.CONNRESET;
        }
        if (message.contains("broken pipe")) {
            return Errno.PIPE;
        }
        if (message.contains("permission denied")) {
            return Errno.ACCES;
        }
        if (e instanceof AsynchronousCloseException || e instanceof ClosedChannelException) {
            return Errno.BADF;
        }
        if (e instanceof SocketException && message.contains("message too long")) {
            return Errno.MSGSIZE;
        }
        if (e.getCause() != null && e.getCause() != e) {
            Errno inner = errno(e.getCause());
            if (inner != Errno.IO) {
                return inner;
            }
        }
        return Errno.IO;
    }
}
