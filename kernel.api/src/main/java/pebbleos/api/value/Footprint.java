package pebbleos.api.value;

import java.math.BigInteger;
import java.util.Map;

import pebbleos.api.process.MemoryAccount;

/**
 * What Pebble values hold in memory, charged to the process that builds them
 * ({@link MemoryAccount}). All processes share one Java heap, so a process's
 * memory is counted where its values grow, at the few places where a lot of
 * it is allocated at once:
 * <ul>
 * <li>a list's element array of {@value #BIG_ARRAY} slots or more (when a
 *     list grows, is built whole by {@code range}, {@code split}, {@code +},
 *     a slice, or is copied on write);</li>
 * <li>a dict reaching {@value #BIG_DICT} entries, and each doubling after;</li>
 * <li>a string of {@value #BIG_STRING} characters or more built by
 *     {@code +}, {@code join} or repetition.</li>
 * </ul>
 * Each charge is the array's (dict's, string's) own size plus an estimate of
 * what its elements hold: a few elements are measured (at most
 * {@value #SAMPLES}, evenly spaced, and their contents to a small depth) and
 * the average is taken for every filled slot and half of the empty ones (a
 * list that has just grown fills them before it grows again; when it does,
 * the old array's charge is given back at once). An element seen by several samples is
 * counted once, so a list of a million references to one string costs the
 * array and one string. The charge stays on the account until the array
 * (dict, string) is collected, so it measures what a process <em>holds</em>,
 * not what it allocated: a loop that builds and drops big lists does not
 * accumulate. Small values that no big container holds are not counted (a
 * chain of small instances linked through their fields, for one); the OOM
 * killer does not rely on accounting alone for that reason.
 */
public final class Footprint {
    /** List element arrays of at least this many slots are charged. */
    public static final int BIG_ARRAY = 2048;
    /** Strings of at least this many characters are charged. */
    public static final int BIG_STRING = 8192;
    /** Dicts are charged when they reach this many entries, and at each doubling after. */
    public static final int BIG_DICT = 1024;
    /** Elements measured to estimate what a container's elements hold. */
    static final int SAMPLES = 8;
    /** How deep the measurement of one element goes into nested containers. */
    private static final int DEPTH = 3;
    /** A reference (compressed) and an object header, as HotSpot lays them out on 64-bit. */
    private static final int REF = 4;
    private static final int HEADER = 16;

    /**
     * A value that holds others and knows roughly what (instances): its
     * fields, measured to {@code depth} more levels.
     */
    public interface Sized {
        long footprint(int depth);
    }

    private Footprint() {
    }

    // ------------------------------------------------------------------ charges

    /**
     * Charge a list's new element array of {@code capacity} slots, {@code size}
     * of them filled; {@code withElements} false when the elements are shared
     * with another list that was charged for them (a copy on write).
     */
    static void listArray(Object[] array, int size, boolean withElements) {
        MemoryAccount account = MemoryAccount.current();
        if (account == null) {
            return;
        }
        long bytes = arrayBytes(array.length);
        if (withElements) {
            // the slots filled now and half of those still empty, which a growing list fills:
            // within a sixth of the truth over the list's next growth
            bytes += elements(array, size, size + (array.length - size) / 2, DEPTH);
        }
        account.hold(array, bytes);
    }

    /** A list's element array was replaced (grown, cleared): its charge comes back now. */
    static void released(Object[] array) {
        MemoryAccount account = MemoryAccount.current();
        if (account != null) {
            account.release(array);
        }
    }

    /** Charge {@code added} more entries of a dict's map that now has {@code map.size()}. */
    static void dictEntries(Map<Object, Object> map, int added, Object key, Object value, boolean withElements) {
        MemoryAccount account = MemoryAccount.current();
        if (account == null) {
            return;
        }
        long perEntry = 48; // a linked hash map node and its table slot
        if (withElements) {
            perEntry += entryPayload(map, key, value, DEPTH);
        }
        account.hold(map, perEntry * added);
    }

    /** True when a dict of {@code size} entries (just grown by one) is due a charge. */
    static boolean dictDue(int size) {
        return size >= BIG_DICT && (size & (size - 1)) == 0;
    }

    /** Charge a newly built string when it is big; returns it. */
    public static String string(String s) {
        if (s.length() >= BIG_STRING) {
            MemoryAccount account = MemoryAccount.current();
            if (account != null) {
                account.hold(s, stringBytes(s));
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ estimates

    /** What {@code v} holds, its contents measured {@code depth} levels deep (sampled beyond). */
    public static long of(Object v, int depth) {
        if (v == null || v instanceof Boolean || v == PNone.NONE) {
            return 0;
        }
        if (v instanceof Long l) {
            return l >= -128 && l <= 127 ? 0 : HEADER + 8; // the small ones are cached
        }
        if (v instanceof Double) {
            return HEADER + 8;
        }
        if (v instanceof String s) {
            return s.length() >= BIG_STRING ? 0 : stringBytes(s); // a big one is charged itself
        }
        if (v instanceof BigInteger b) {
            return HEADER + 24 + arrayBytes(0) + (b.bitLength() + 7) / 8;
        }
        if (v instanceof PList l) {
            return l.footprint(depth);
        }
        if (v instanceof PDict d) {
            return d.footprint(depth);
        }
        if (v instanceof Sized s) {
            return depth <= 0 ? HEADER : s.footprint(depth - 1);
        }
        return 0; // functions, classes, modules: code, shared
    }

    static long arrayBytes(int slots) {
        return HEADER + (long) REF * slots;
    }

    static long stringBytes(String s) {
        return HEADER + 8 + arrayBytes(0) + s.length();
    }

    /**
     * What the elements of an array hold, estimated for {@code slots} of them
     * from samples of the {@code size} filled ones.
     */
    static long elements(Object[] array, int size, int slots, int depth) {
        if (size <= 0 || depth <= 0) {
            return 0;
        }
        int samples = Math.min(size, depth == DEPTH ? SAMPLES : SAMPLES / 2);
        long total = 0;
        Object first = array[0];
        boolean allSame = true;
        for (int i = 0; i < samples; i++) {
            Object e = array[(int) ((long) i * (size - 1) / Math.max(1, samples - 1))];
            allSame &= e == first;
            total += of(e, depth - 1);
        }
        if (allSame) {
            return of(first, depth - 1); // one value referenced from every slot
        }
        return total * slots / samples;
    }

    /** The estimated key and value payload of one entry of {@code map} ({@code key}, {@code value}: one just put, or null). */
    static long entryPayload(Map<Object, Object> map, Object key, Object value, int depth) {
        if (depth <= 0) {
            return 0;
        }
        long total = 0;
        int seen = 0;
        if (key != null || value != null) {
            total = of(key, depth - 1) + of(value, depth - 1); // the entry just put
            seen = 1;
        }
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (seen >= SAMPLES / 2) {
                break;
            }
            total += of(e.getKey(), depth - 1) + of(e.getValue(), depth - 1);
            seen++;
        }
        return seen == 0 ? 0 : total / seen;
    }
}
