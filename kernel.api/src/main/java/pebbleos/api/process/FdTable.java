package pebbleos.api.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The file descriptor table of one process: small integers mapped to shared
 * {@link OpenFile}s. New descriptors take the lowest free number, as in POSIX.
 * Threads of a process share its table, so every method is synchronized.
 */
public final class FdTable {
    /** The default limit of descriptor numbers ({@code ulimit -n}). */
    public static final int LIMIT = 1024;

    private OpenFile[] slots = new OpenFile[8];
    private int open;
    /** New descriptors must be below this ({@code ulimit -n}, RLIMIT_NOFILE). */
    private volatile int limit = LIMIT;

    /** Set the limit of descriptor numbers (the kernel does, from the process's {@code ulimit -n}). */
    public void setLimit(int limit) {
        this.limit = Math.max(3, limit);
    }

    public int limit() {
        return limit;
    }

    /** Install a reference at the lowest free descriptor and return it. */
    public synchronized int install(OpenFile file) {
        int max = limit;
        for (int fd = 0; fd < slots.length && fd < max; fd++) {
            if (slots[fd] == null) {
                slots[fd] = file;
                open++;
                return fd;
            }
        }
        int fd = slots.length;
        if (fd >= max) {
            file.release();
            throw new PebbleException(Errno.MFILE, "too many open files: no descriptor below " + max + " is free (ulimit -n)");
        }
        grow(fd);
        slots[fd] = file;
        open++;
        return fd;
    }

    /** Install a reference at {@code fd}, closing what was there (dup2). */
    public synchronized void installAt(int fd, OpenFile file) {
        if (fd < 0 || fd >= limit) {
            file.release();
            throw new PebbleException(Errno.BADF, "bad file descriptor " + fd);
        }
        grow(fd);
        OpenFile old = slots[fd];
        slots[fd] = file;
        if (old == null) {
            open++;
        } else {
            old.release();
        }
    }

    /** The open file at {@code fd}; EBADF when nothing is open there. */
    public synchronized OpenFile get(int fd) {
        if (fd < 0 || fd >= slots.length || slots[fd] == null) {
            throw new PebbleException(Errno.BADF, "bad file descriptor " + fd);
        }
        return slots[fd];
    }

    /** The open file at {@code fd}, or {@code null}. */
    public synchronized OpenFile find(int fd) {
        return fd >= 0 && fd < slots.length ? slots[fd] : null;
    }

    /** Close {@code fd}; EBADF when nothing is open there. */
    public void close(int fd) {
        OpenFile file;
        synchronized (this) {
            file = get(fd);
            slots[fd] = null;
            open--;
        }
        file.release();
    }

    /** Point a new descriptor at the same open file as {@code fd}. */
    public int dup(int fd) {
        OpenFile file = get(fd).retain();
        return install(file);
    }

    /** Point {@code target} at the open file of {@code fd} (dup2). */
    public void dup2(int fd, int target) {
        if (fd == target) {
            get(fd);
            return;
        }
        installAt(target, get(fd).retain());
    }

    /** A copy for a child process: every descriptor shared, one more reference each. */
    public synchronized FdTable inherit() {
        FdTable child = new FdTable();
        child.slots = new OpenFile[slots.length];
        for (int fd = 0; fd < slots.length; fd++) {
            if (slots[fd] != null) {
                child.slots[fd] = slots[fd].retain();
                child.open++;
            }
        }
        return child;
    }

    /** Close every descriptor (process exit). */
    public void closeAll() {
        List<OpenFile> files = new ArrayList<>();
        synchronized (this) {
            for (int fd = 0; fd < slots.length; fd++) {
                if (slots[fd] != null) {
                    files.add(slots[fd]);
                    slots[fd] = null;
                }
            }
            open = 0;
        }
        for (OpenFile file : files) {
            file.release();
        }
    }

    /** How many descriptors are open. */
    public synchronized int size() {
        return open;
    }

    /** Descriptor number to description, for listings such as {@code /proc}-style views. */
    public synchronized Map<Integer, String> describe() {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int fd = 0; fd < slots.length; fd++) {
            if (slots[fd] != null) {
                out.put(fd, slots[fd].channel().describe());
            }
        }
        return out;
    }

    private void grow(int fd) {
        if (fd >= slots.length) {
            OpenFile[] bigger = new OpenFile[Math.max(fd + 1, slots.length * 2)];
            System.arraycopy(slots, 0, bigger, 0, slots.length);
            slots = bigger;
        }
    }
}
