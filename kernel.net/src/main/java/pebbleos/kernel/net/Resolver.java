package pebbleos.kernel.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.net.NetErrors;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Restart;

/**
 * Host names to addresses. The JDK's lookup cannot be interrupted, so a
 * name (not a numeric address) is looked up on a helper thread while the
 * caller waits as {@code blocked-net}: a signal or the caller's deadline
 * ends the wait at once, and the lookup finishes in the background.
 * IPv4 addresses come first (what most servers on a loopback listen on).
 */
final class Resolver {
    // a class, not a lambda: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
    private final ExecutorService lookups = Executors.newCachedThreadPool(new LookupThreadFactory());

    /** Makes the lookups' threads: daemons named {@code pebble-net-lookup}. */
    private static final class LookupThreadFactory implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pebble-net-lookup");
            t.setDaemon(true);
            return t;
        }
    }

    Resolver() {
    }

    /** The addresses of {@code host}, waiting until {@code deadline}; ENONAME, ETIMEDOUT, EINTR. */
    List<InetAddress> lookup(TaskContext caller, String host, long deadline) {
        String name = host.isEmpty() ? "localhost" : host;
        if (literal(name)) {
            return ordered(resolve(name));
        }
        Future<InetAddress[]> pending = lookups.submit(() -> resolve(name));
        try {
            Object got = caller.blocking(NetFamily.BLOCKED, () -> {
                try {
                    long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new PebbleException(Errno.TIMEDOUT, "timed out looking up " + name);
                    }
                    return left == Long.MAX_VALUE ? pending.get() : pending.get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    return TaskContext.INTERRUPTED;
                } catch (java.util.concurrent.CancellationException e) {
                    throw new Restart(); // this provider left while the lookup ran
                } catch (TimeoutException e) {
                    throw new PebbleException(Errno.TIMEDOUT, "timed out looking up " + name);
                } catch (ExecutionException e) {
                    throw NetErrors.of(e.getCause(), name);
                }
            });
            return ordered((InetAddress[]) got);
        } finally {
            pending.cancel(false);
        }
    }

    private static InetAddress[] resolve(String name) {
        try {
            return InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new PebbleException(Errno.NONAME, "name or service not known: " + name);
        } catch (SecurityException | IllegalArgumentException e) {
            throw new PebbleException(Errno.INVAL, "invalid host name: " + name);
        }
    }

    /** A numeric IPv4 or IPv6 address, which needs no lookup. */
    static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    private static List<InetAddress> ordered(InetAddress[] found) {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : found) {
            if (a instanceof java.net.Inet4Address && !out.contains(a)) {
                out.add(a);
            }
        }
        for (InetAddress a : Arrays.asList(found)) {
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    void close() {
        lookups.shutdownNow();
    }
}
