package pebbleos.kernel.proc;

import java.util.Locale;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The resource limits of one process, as {@code ulimit} and
 * {@code setrlimit(2)} know them: a soft limit (the one enforced) and a hard
 * limit (the ceiling for the soft one) per resource. A child starts with a
 * copy of its parent's. A process may lower both; raising a hard limit needs
 * uid 0. {@link #UNLIMITED} is no limit.
 */
final class ResourceLimits {
    static final long UNLIMITED = -1;
    private static final long MB = 1024 * 1024;

    /** The resources, with the units the syscalls use. */
    enum Resource {
        /** CPU time of all the process's threads, in seconds ({@code ulimit -t}). */
        CPU,
        /** Bytes held by the process's Pebble values ({@code ulimit -v}, in KB there). */
        MEMORY,
        /** Descriptor numbers ({@code ulimit -n}). */
        NOFILE,
        /** Processes and threads of the process's user ({@code ulimit -u}). */
        NPROC;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Resource parse(String name) {
            for (Resource r : values()) {
                if (r.key().equals(name)) {
                    return r;
                }
            }
            throw new PebbleException(Errno.INVAL, "invalid argument: unknown resource '" + name + "' (cpu, memory, nofile, nproc)");
        }
    }

    private final long[] soft = new long[Resource.values().length];
    private final long[] hard = new long[Resource.values().length];

    private ResourceLimits() {
    }

    /**
     * The limits of a process started by the kernel (process 1): no process
     * may hold more than half of the heap (the others keep the rest), 1024
     * descriptors (4096 at most), 4096 processes and threads per user.
     */
    static ResourceLimits defaults() {
        ResourceLimits l = new ResourceLimits();
        l.set(Resource.CPU, UNLIMITED, UNLIMITED);
        l.set(Resource.MEMORY, Runtime.getRuntime().maxMemory() / 2 / MB * MB, UNLIMITED);
        l.set(Resource.NOFILE, 1024, 4096);
        l.set(Resource.NPROC, 4096, UNLIMITED);
        return l;
    }

    synchronized ResourceLimits copy() {
        ResourceLimits c = new ResourceLimits();
        System.arraycopy(soft, 0, c.soft, 0, soft.length);
        System.arraycopy(hard, 0, c.hard, 0, hard.length);
        return c;
    }

    synchronized long soft(Resource r) {
        return soft[r.ordinal()];
    }

    synchronized long hard(Resource r) {
        return hard[r.ordinal()];
    }

    private void set(Resource r, long s, long h) {
        soft[r.ordinal()] = s;
        hard[r.ordinal()] = h;
    }

    /** {@code setrlimit}: the rules of POSIX, checked here (EINVAL, EPERM), then both values set. */
    synchronized void change(Resource r, long newSoft, long newHard, boolean privileged) {
        if (newSoft < UNLIMITED || newHard < UNLIMITED) {
            throw new PebbleException(Errno.INVAL, "proc_setrlimit: invalid argument: limits are -1 (unlimited) or not negative");
        }
        if (above(newSoft, newHard)) {
            throw new PebbleException(Errno.INVAL, "proc_setrlimit: invalid argument: the soft limit cannot exceed the hard limit");
        }
        if (!privileged && above(newHard, hard[r.ordinal()])) {
            throw new PebbleException(Errno.PERM, "proc_setrlimit: operation not permitted: only uid 0 may raise a hard limit");
        }
        set(r, newSoft, newHard);
    }

    /** True when {@code a} is more than {@code b}, unlimited being the most. */
    static boolean above(long a, long b) {
        if (b == UNLIMITED) {
            return false;
        }
        return a == UNLIMITED || a > b;
    }

    /** 512 MB, 1.5 GB, 100 KB, for messages. */
    static String bytes(long n) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return n + " bytes";
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
