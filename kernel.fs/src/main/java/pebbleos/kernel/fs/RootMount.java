package pebbleos.kernel.fs;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;

/**
 * {@code /}: the volume of the boot mode, and the hot swap of its backend.
 *
 * <p>Operations hold the read side of a read/write lock while they run. When
 * the backend's service goes away (its bundle is updated or uninstalled),
 * {@link #providerLeaving} takes the write side, which waits for the
 * operations in flight, detaches the volume and keeps the tree it hands over.
 * Operations that arrive while there is no volume wait on a monitor, up to
 * the swap window (2 s by default, as in {@code ServiceSlot}), and the
 * longest such wait is recorded. {@link #mountSuccessor} mounts the next
 * backend of the mode with the handed-over tree and wakes them up.
 */
final class RootMount implements Mount {
    private static final Logger LOG = Logger.getLogger(RootMount.class.getName());
    /** How long a leaving backend may take to finish the operations in flight before it is detached anyway. */
    private static final long DRAIN_LIMIT_SECONDS = 30;

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Object arrival = new Object();
    /** Operations in awaitVolume now (guarded by arrival). */
    private int waiting;
    private final Object mounting = new Object();
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong longestWaitNanos = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    private volatile Volume volume;
    private volatile FileSystem provider;
    private volatile String providerName = "";
    private volatile String mode = "";
    private volatile long generation;
    private volatile long windowMillis = 2000;
    private volatile long syncedWrites;
    private Path hostRoot;
    /** The tree the last volume handed over, until a successor takes it. */
    private TreeSnapshot handoff;
    /** Between providers: the mode had a volume and waits for a successor. */
    private boolean orphaned;
    /** A wait for a successor ran out; later calls fail at once until one comes. */
    private boolean gaveUp;

    @Override
    public String point() {
        return "/";
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public String provider() {
        return providerName;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public long generation() {
        return generation;
    }

    boolean mounted() {
        return volume != null || orphaned;
    }

    FileSystem currentProvider() {
        return provider;
    }

    Path hostRoot() {
        return hostRoot;
    }

    void setWindowMillis(long millis) {
        windowMillis = Math.max(0, millis);
    }

    long swaps() {
        return swaps.get();
    }

    long waits() {
        return waits.get();
    }

    /** How many operations are waiting for a successor volume now. */
    int waiting() {
        synchronized (arrival) {
            return waiting;
        }
    }

    /** The longest time an operation waited for a successor volume, in milliseconds. */
    double longestWaitMillis() {
        return longestWaitNanos.get() / 1_000_000.0;
    }

    @Override
    public <T> T call(Function<Volume, T> operation) {
        long start = 0;
        while (true) {
            gate.readLock().lock();
            Volume v = volume;
            if (v != null) {
                try {
                    if (start != 0) {
                        recordWait(System.nanoTime() - start);
                    }
                    return operation.apply(v);
                } finally {
                    gate.readLock().unlock();
                }
            }
            gate.readLock().unlock();
            if (start == 0) {
                start = System.nanoTime();
            }
            awaitVolume(start);
        }
    }

    /** Count a change, so that {@code fs_sync} knows whether there is anything to sync. */
    @Override
    public void changed() {
        writes.incrementAndGet();
    }

    /** Sync the volume; true when something had been written since the last sync. */
    boolean sync() {
        long seen = writes.get();
        if (seen == syncedWrites) {
            return false;
        }
        call(v -> {
            v.sync();
            return null;
        });
        syncedWrites = seen;
        return true;
    }

    /**
     * Mount {@code backend} as the root for {@code newMode}, replacing any
     * volume there (its tree is dropped; a persistent one is flushed first).
     */
    void mount(FileSystem backend, String backendName, String newMode, Path root) {
        synchronized (mounting) {
            // detach first: a persistent backend must close its store before it is opened again
            Volume old = take();
            if (old != null) {
                discard(detachQuietly(old));
            }
            synchronized (arrival) {
                orphaned = false;
                provider = null;
                providerName = "";
                discard(handoff);
                handoff = null;
            }
            Volume fresh = backend.mount(new MountRequest(newMode, root, null, false));
            synchronized (arrival) {
                mode = newMode;
                hostRoot = root;
                handoff = null;
                syncedWrites = writes.get();
                swaps.set(0);
                waits.set(0);
                longestWaitNanos.set(0);
                install(fresh, backend, backendName);
            }
        }
    }

    /**
     * The service of {@code leaving} is going away. If it serves the root,
     * wait for the operations in flight, detach its volume and keep what it
     * hands over; operations wait for a successor from now on. Called by DS
     * before the service is gone, so the volume is still usable here.
     */
    void providerLeaving(FileSystem leaving) {
        synchronized (mounting) {
            if (leaving != provider) {
                return;
            }
            synchronized (arrival) {
                // before the volume goes: from now on a call that finds no volume waits instead of failing
                orphaned = true;
                gaveUp = false;
            }
            Volume old = take();
            TreeSnapshot tree = old == null ? null : detachQuietly(old);
            synchronized (arrival) {
                handoff = tree;
                provider = null;
                providerName = "";
            }
        }
    }

    /** Mount {@code successor} for the root's mode with the handed-over tree, if the root waits for one. */
    void mountSuccessor(FileSystem successor, String successorName) {
        synchronized (mounting) {
            TreeSnapshot tree;
            synchronized (arrival) {
                if (!orphaned) {
                    return;
                }
                tree = handoff;
            }
            Volume fresh;
            try {
                fresh = successor.mount(new MountRequest(mode, hostRoot, tree, true));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the successor backend " + successorName + " failed to mount " + mode, e);
                return;
            }
            synchronized (arrival) {
                handoff = null;
                orphaned = false;
                install(fresh, successor, successorName);
                swaps.incrementAndGet();
            }
        }
    }

    /** Detach the volume for good (the kernel itself is stopping). */
    void close() {
        synchronized (mounting) {
            Volume old = take();
            if (old != null) {
                discard(detachQuietly(old));
            }
            synchronized (arrival) {
                orphaned = false;
                discard(handoff);
                handoff = null;
                provider = null;
                arrival.notifyAll();
            }
        }
    }

    /** Take the volume away once the operations in flight are done; later operations wait. */
    private Volume take() {
        boolean locked = false;
        try {
            locked = gate.writeLock().tryLock(DRAIN_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            LOG.warning("operations on " + mode + " did not finish in " + DRAIN_LIMIT_SECONDS + " s; detaching anyway");
        }
        try {
            Volume old = volume;
            volume = null;
            generation++;
            return old;
        } finally {
            if (locked) {
                gate.writeLock().unlock();
            }
        }
    }

    private void install(Volume fresh, FileSystem backend, String backendName) {
        provider = backend;
        providerName = backendName;
        gaveUp = false;
        generation++;
        volume = fresh;
        arrival.notifyAll();
    }

    /** Drop a handed-over state no successor took (an open store in it is closed). */
    private static void discard(TreeSnapshot tree) {
        if (tree != null) {
            tree.discard();
        }
    }

    private static TreeSnapshot detachQuietly(Volume old) {
        try {
            return old.detach();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "detaching the root volume failed", e);
            return null;
        }
    }

    private void awaitVolume(long start) {
        synchronized (arrival) {
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(windowMillis);
            waiting++;
            try {
                while (volume == null) {
                    if (!orphaned) {
                        throw new PebbleException(Errno.NOSYS, "no root filesystem is mounted");
                    }
                    if (gaveUp) {
                        throw unavailable();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        gaveUp = true;
                        throw unavailable();
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(arrival, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new PebbleException(Errno.INTR, "interrupted while waiting for the filesystem backend");
                    }
                }
            } finally {
                waiting--;
            }
        }
    }

    private PebbleException unavailable() {
        return new PebbleException(Errno.NOSYS, "the filesystem backend for mode '" + mode + "' is not available");
    }

    private void recordWait(long nanos) {
        waits.incrementAndGet();
        longestWaitNanos.accumulateAndGet(nanos, Math::max);
    }
}
