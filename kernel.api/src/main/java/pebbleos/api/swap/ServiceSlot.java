package pebbleos.api.swap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The providers of one service role (a syscall family, the root volume's
 * backend, an engine kind), best first, and the one calls go to now.
 *
 * <p>The rules, which are what makes a hot swap invisible to callers:
 * <ul>
 * <li>The highest ranking wins; on equal ranking the oldest service (lowest
 *     id) wins; an explicit preference by provider name overrides both.</li>
 * <li>A call {@link #acquire acquires} a lease on the current provider and
 *     releases it when done, so the slot knows the calls in flight.</li>
 * <li>{@link #unbind} waits (bounded by the swap window) for the calls in flight
 *     on the leaving provider to finish, so its deactivation sees it quiet.</li>
 * <li>A call arriving while no provider is bound, after one was, waits up to
 *     the swap window for a successor; when none comes it fails with NOSYS and
 *     later calls fail at once until a provider appears again. A role that
 *     never had a provider fails at once.</li>
 * </ul>
 */
public final class ServiceSlot<T> {
    /** The default swap window: how long a call waits for a successor. */
    public static final long DEFAULT_WINDOW_MILLIS = 2000;

    /** One provider of the role. */
    public static final class Candidate<T> {
        private final T service;
        private final int ranking;
        private final long serviceId;
        private final String provider;
        private final Map<String, Object> properties;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicLong calls = new AtomicLong();
        private volatile boolean gone;

        Candidate(T service, int ranking, long serviceId, String provider, Map<String, Object> properties) {
            this.service = service;
            this.ranking = ranking;
            this.serviceId = serviceId;
            this.provider = provider;
            this.properties = properties;
        }

        public T service() {
            return service;
        }

        public int ranking() {
            return ranking;
        }

        public long serviceId() {
            return serviceId;
        }

        /** The providing bundle's symbolic name (or another name for the provider). */
        public String provider() {
            return provider;
        }

        public Map<String, Object> properties() {
            return properties;
        }

        public long calls() {
            return calls.get();
        }

        public int inFlight() {
            return inFlight.get();
        }
    }

    /** A call's hold on a provider; close it when the call is done. */
    public static final class Lease<T> implements AutoCloseable {
        private final Candidate<T> candidate;
        private final ServiceSlot<T> slot;

        Lease(ServiceSlot<T> slot, Candidate<T> candidate) {
            this.slot = slot;
            this.candidate = candidate;
        }

        public T service() {
            return candidate.service;
        }

        public Candidate<T> candidate() {
            return candidate;
        }

        @Override
        public void close() {
            slot.release(candidate);
        }
    }

    private static final Comparator<Candidate<?>> ORDER = new RankingOrder();

    /**
     * Best first: the highest ranking, then the oldest service (lowest id).
     * A class, not Comparator's combinators: their lambdas, and a bundle's
     * own, are spun again at every boot (docs/performance.md, fourteenth pass).
     */
    private static final class RankingOrder implements Comparator<Candidate<?>> {
        @Override
        public int compare(Candidate<?> a, Candidate<?> b) {
            int byRanking = Integer.compare(-a.ranking, -b.ranking);
            return byRanking != 0 ? byRanking : Long.compare(a.serviceId, b.serviceId);
        }
    }

    private final String role;
    private final Object lock = new Object();
    private final List<Candidate<T>> candidates = new ArrayList<>();
    private volatile Candidate<T> current;
    private volatile long windowMillis = DEFAULT_WINDOW_MILLIS;
    private String preferred;
    private boolean everBound;
    private boolean gaveUp;
    /** Calls in awaitProvider now (guarded by lock). */
    private int waiting;
    private final AtomicLong swapWaits = new AtomicLong();
    private final AtomicLong longestWaitNanos = new AtomicLong();

    /** A slot for {@code role}, a name used in messages ("family 'fs'"). */
    public ServiceSlot(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    /** Set how long a call waits for a successor. */
    public void setWindowMillis(long millis) {
        this.windowMillis = Math.max(0, millis);
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** A provider arrived. */
    public void bind(T service, int ranking, long serviceId, String provider, Map<String, Object> properties) {
        synchronized (lock) {
            candidates.add(new Candidate<>(service, ranking, serviceId, provider, properties));
            candidates.sort(ORDER);
            everBound = true;
            gaveUp = false;
            choose();
            lock.notifyAll();
        }
    }

    /** A provider arrived, described by its service reference (ranking, id, bundle name, properties). */
    public void bind(T service, ServiceReference<?> reference) {
        Map<String, Object> properties = new java.util.HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        Object id = reference.getProperty(Constants.SERVICE_ID);
        bind(service, ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : 0L,
                reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName(), properties);
    }

    /**
     * A provider is leaving: stop routing to it, then wait (at most the swap
     * window) until the calls in flight on it have finished.
     */
    public void unbind(T service) {
        Candidate<T> leaving = null;
        synchronized (lock) {
            for (Candidate<T> c : candidates) {
                if (c.service == service) {
                    leaving = c;
                    break;
                }
            }
            if (leaving == null) {
                return;
            }
            candidates.remove(leaving);
            leaving.gone = true;
            choose();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
            while (leaving.inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    /** Route to the provider of this name whatever the rankings say; {@code null} restores ranking order. */
    public void prefer(String provider) {
        synchronized (lock) {
            preferred = provider;
            choose();
        }
    }

    public String preferred() {
        synchronized (lock) {
            return preferred;
        }
    }

    /** The provider calls go to now, or {@code null}. */
    public T current() {
        Candidate<T> c = current;
        return c == null ? null : c.service;
    }

    /** The current candidate, or {@code null}. */
    public Candidate<T> currentCandidate() {
        return current;
    }

    /** All providers, best first. */
    public List<Candidate<T>> candidates() {
        synchronized (lock) {
            return new ArrayList<>(candidates);
        }
    }

    /**
     * Take a lease on the current provider, waiting for a successor within the
     * swap window if the role is between providers.
     *
     * @param absent the message of the NOSYS failure when no provider comes
     */
    public Lease<T> acquire(Supplier<String> absent) {
        Candidate<T> c = current;
        if (c == null) {
            c = awaitProvider(absent);
        }
        c.inFlight.incrementAndGet();
        if (c.gone) {
            // lost a race with unbind: give the lease back (waking the unbind) and take the successor's
            release(c);
            return acquire(absent);
        }
        c.calls.incrementAndGet();
        return new Lease<>(this, c);
    }

    /** A call on {@code c} is done; the last one out of a leaving provider wakes its unbind. */
    private void release(Candidate<T> c) {
        if (c.inFlight.decrementAndGet() == 0 && c.gone) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** How many calls are waiting for a successor now (what a swap holds up). */
    public int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }

    /** How many calls had to wait for a successor. */
    public long swapWaits() {
        return swapWaits.get();
    }

    /** The longest time a call waited for a successor, in milliseconds. */
    public double longestWaitMillis() {
        return longestWaitNanos.get() / 1_000_000.0;
    }

    private Candidate<T> awaitProvider(Supplier<String> absent) {
        long start = System.nanoTime();
        synchronized (lock) {
            if (current == null && (!everBound || gaveUp)) {
                throw new PebbleException(Errno.NOSYS, absent.get());
            }
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(windowMillis);
            waiting++;
            try {
                while (current == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        gaveUp = true;
                        throw new PebbleException(Errno.NOSYS, absent.get());
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new PebbleException(Errno.INTR, "interrupted while waiting for " + role);
                    }
                }
            } finally {
                waiting--;
            }
            long waited = System.nanoTime() - start;
            swapWaits.incrementAndGet();
            longestWaitNanos.accumulateAndGet(waited, Math::max);
            return current;
        }
    }

    private void choose() {
        Candidate<T> best = candidates.isEmpty() ? null : candidates.get(0);
        if (preferred != null) {
            for (Candidate<T> c : candidates) {
                if (preferred.equals(c.provider)) {
                    best = c;
                    break;
                }
            }
        }
        current = best;
    }
}
