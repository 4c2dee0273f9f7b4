package pebbleos.lang.core.builtins;

/**
 * Resource limits that keep one program from taking the system down: a
 * clean Pebble error instead of the JVM running out of memory or stack.
 */
public final class Limits {
    /** The most elements a list built in one step ({@code range}, repetition) may have. */
    public static final long MAX_LIST = 100_000_000L;
    /** The longest string one operation may build. */
    public static final long MAX_STRING = 256L * 1024 * 1024;
    /**
     * The widest integer (about 1.26 million decimal digits). Arithmetic on
     * bigger numbers takes seconds per operation with no safe point inside,
     * so a runaway {@code x = x * x} would hold its thread beyond the reach
     * of signals; past this size it fails with {@code integer result too large}.
     */
    public static final int MAX_INT_BITS = 1 << 22;
    /** The deepest call nesting of Pebble functions. */
    public static final int MAX_DEPTH = 100_000;

    private Limits() {
    }
}
