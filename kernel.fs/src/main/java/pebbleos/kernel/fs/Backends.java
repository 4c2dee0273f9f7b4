package pebbleos.kernel.fs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Constants;

import pebbleos.api.fs.FileSystem;

/**
 * The {@link FileSystem} services present now, with the modes each serves
 * (from its {@value FileSystem#MODE} property, a String or String[]). The best
 * provider of a mode is the highest ranked, then the oldest, as for syscall
 * families. Threads can wait for a mode's provider to appear.
 */
final class Backends {
    /** One registered backend. */
    record Backend(FileSystem service, List<String> modes, int ranking, long serviceId, String bundle) {
    }

    private static final Comparator<Backend> ORDER = new RankingOrder();

    /**
     * Best first: the highest ranking, then the oldest service (lowest id).
     * A class, not Comparator's combinators: their lambdas, and a bundle's
     * own, are spun again at every boot (docs/performance.md, fourteenth pass).
     */
    private static final class RankingOrder implements Comparator<Backend> {
        @Override
        public int compare(Backend a, Backend b) {
            int byRanking = Integer.compare(-a.ranking(), -b.ranking());
            return byRanking != 0 ? byRanking : Long.compare(a.serviceId(), b.serviceId());
        }
    }

    private final List<Backend> backends = new ArrayList<>();

    synchronized void add(FileSystem service, Map<String, Object> properties, String bundle) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        backends.add(new Backend(service, modes(properties.get(FileSystem.MODE)),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : 0L, bundle));
        backends.sort(ORDER);
        notifyAll();
    }

    synchronized void remove(FileSystem service) {
        for (Iterator<Backend> i = backends.iterator(); i.hasNext();) {
            if (i.next().service() == service) {
                i.remove();
            }
        }
    }

    /** The best backend for {@code mode}, or {@code null}. */
    synchronized Backend best(String mode) {
        for (Backend b : backends) {
            if (b.modes().contains(mode)) {
                return b;
            }
        }
        return null;
    }

    /** The backend record of a service, or {@code null}. */
    synchronized Backend of(FileSystem service) {
        for (Backend b : backends) {
            if (b.service() == service) {
                return b;
            }
        }
        return null;
    }

    /** The best backend for {@code mode}, waiting up to {@code timeoutMillis} for one; {@code null} if none came. */
    synchronized Backend await(String mode, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        Backend b = best(mode);
        while (b == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            b = best(mode);
        }
        return b;
    }

    /** Every mode some backend serves, sorted. */
    synchronized List<String> modes() {
        List<String> out = new ArrayList<>();
        for (Backend b : backends) {
            for (String m : b.modes()) {
                if (!out.contains(m)) {
                    out.add(m);
                }
            }
        }
        out.sort(null);
        return out;
    }

    static List<String> modes(Object property) {
        List<String> out = new ArrayList<>();
        if (property instanceof String s) {
            out.add(s);
        } else if (property instanceof String[] a) {
            out.addAll(List.of(a));
        } else if (property instanceof Iterable<?> i) {
            i.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
