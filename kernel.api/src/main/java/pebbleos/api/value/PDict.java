package pebbleos.api.value;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import pebbleos.api.PebbleException;

/**
 * A Pebble dict: insertion-ordered, printed as {@code {a: 1, b: [1, 2]}}, with
 * the same copy-on-write value semantics as {@link PList}. Keys are strings,
 * numbers, booleans or None; numerically equal keys are one key ({@code 1} and
 * {@code 1.0}).
 *
 * <p>Not thread-safe: the threads of one process run under the process lock.
 */
public final class PDict {
    private LinkedHashMap<Object, Object> map;
    private boolean shared;
    /**
     * The key as first given, when it differs from its canonical form
     * ({@code True} stored as 1, {@code 1.0} as 1): printing shows it as given.
     * Null until such a key appears; shared like the map (never mutated in place).
     */
    private Map<Object, Object> given;

    public PDict() {
        map = new LinkedHashMap<>();
    }

    private PDict(LinkedHashMap<Object, Object> map, Map<Object, Object> given, boolean shared) {
        this.map = map;
        this.given = given;
        this.shared = shared;
    }

    /** A dict from alternating keys and values. */
    public static PDict of(Object... keysAndValues) {
        PDict d = new PDict();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            d.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    public int size() {
        return map.size();
    }

    /** The value for {@code key}, or {@code null} when absent. */
    public Object get(Object key) {
        Object v = map.get(key(key));
        if (shared && (v instanceof PList || v instanceof PDict)) {
            unshare();
            v = map.get(key(key));
        }
        return v;
    }

    public boolean containsKey(Object key) {
        return map.containsKey(key(key));
    }

    /** Set {@code key} to {@code value}; the value is stored as given. */
    public void put(Object key, Object value) {
        if (shared) {
            unshare();
        }
        Object canonical = key(key);
        int before = map.size();
        if (map.put(canonical, value) == null && canonical != key && !(key instanceof Long)) {
            java.util.HashMap<Object, Object> g = given == null ? new java.util.HashMap<>() : new java.util.HashMap<>(given);
            g.put(canonical, key);
            given = g;
        }
        int after = map.size();
        if (after != before && Footprint.dictDue(after)) {
            Footprint.dictEntries(map, after == Footprint.BIG_DICT ? after : after / 2, canonical, value, true);
        }
    }

    /** How a stored key prints: as it was first given. */
    public Object displayKey(Object canonical) {
        if (given == null) {
            return canonical;
        }
        Object g = given.get(canonical);
        return g == null ? canonical : g;
    }

    /** Remove {@code key}; returns the old value or {@code null}. */
    public Object remove(Object key) {
        if (shared) {
            unshare();
        }
        Object canonical = key(key);
        if (given != null && given.containsKey(canonical)) {
            java.util.HashMap<Object, Object> g = new java.util.HashMap<>(given);
            g.remove(canonical);
            given = g.isEmpty() ? null : g;
        }
        return map.remove(canonical);
    }

    /** The keys in insertion order. */
    public PList keys() {
        Object[] out = map.keySet().toArray();
        if (given != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = displayKey(out[i]);
            }
        }
        return PList.adopt(out, out.length);
    }

    /** The values in insertion order (containers copied). */
    public PList values() {
        Object[] out = new Object[map.size()];
        int i = 0;
        for (Object v : map.values()) {
            out[i++] = PList.copyValue(v);
        }
        return PList.adopt(out, out.length);
    }

    /** Read-only view for iteration by Java code; do not mutate the dict while iterating. */
    public Iterable<Map.Entry<Object, Object>> entries() {
        return map.entrySet();
    }

    /** The value-semantics copy: O(1) now, the real copy happens on the first write. */
    public PDict copy() {
        shared = true;
        return new PDict(map, given, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PDict && Values.equal(this, o);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            h += Values.hash(e.getKey()) ^ Values.hash(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return Values.str(this);
    }

    /** The canonical form of a key: integral floats become ints; containers are refused. */
    public static Object key(Object key) {
        if (key instanceof String || key instanceof Long) {
            return key;
        }
        if (key instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 9.0e18) {
                return (long) v;
            }
            return d;
        }
        if (key instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (key instanceof BigInteger || key == PNone.NONE) {
            return key;
        }
        if (key instanceof PList || key instanceof PDict) {
            throw new PebbleException("unhashable dict key: " + Values.typeName(key));
        }
        return key;
    }

    private void unshare() {
        LinkedHashMap<Object, Object> fresh = new LinkedHashMap<>(Math.max(16, map.size() * 2));
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            fresh.put(e.getKey(), PList.copyValue(e.getValue()));
        }
        if (fresh.size() >= Footprint.BIG_DICT) {
            Footprint.dictEntries(fresh, fresh.size(), null, null, false); // the keys and values are shared
        }
        map = fresh;
        shared = false;
    }

    /** What this dict holds, for {@link Footprint}: nothing when it is charged on its own. */
    long footprint(int depth) {
        int n = map.size();
        if (n >= Footprint.BIG_DICT) {
            return 0;
        }
        long table = Footprint.arrayBytes(Integer.highestOneBit(Math.max(16, n * 2)));
        long payload = n == 0 ? 0 : Footprint.entryPayload(map, null, null, depth) * n;
        return 24 + 56 + table + 40L * n + payload;
    }
}
