package pebbleos.lang.core.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The layout of an instance's fields (a hidden class, as in V8 or
 * SELF): which slot of {@link PInstance} holds which field name. Instances
 * of one class that gained the same fields in the same order share a shape,
 * so a site that read field {@code x} at slot 0 of one instance finds it
 * there in the next one after a single identity test ({@link Slot}).
 *
 * <p>Shapes are immutable and form a tree per class: the class's empty
 * shape at the root, one child per field added. Adding fields beyond
 * {@link #MAX_FIELDS}, or deleting one, moves the instance to a plain map
 * instead ({@link PInstance}), which no cache ever matches.
 */
public final class Shape {
    /** Beyond this many fields an instance keeps its fields in a map: a shape tree per field name would grow without bound. */
    public static final int MAX_FIELDS = 64;
    /** Names are found by a scan up to this many fields, by a map beyond. */
    private static final int SCAN = 8;

    /** The shape this one adds a field to; null for a class's empty shape. */
    public final Shape parent;
    /** The field names, by slot. */
    private final String[] names;
    private final Map<String, Shape> children = new ConcurrentHashMap<>(4);
    /** Name to slot, made on the first lookup of a large shape. */
    private volatile Map<String, Integer> index;
    /** One cache entry per slot, made when a site first caches it: a miss allocates nothing. */
    private final Slot[] slots;

    /** A cache entry: field {@code slot} of instances of {@code shape}. Immutable, so a racing reader sees a consistent pair. */
    public static final class Slot {
        public final Shape shape;
        public final int slot;

        private Slot(Shape shape, int slot) {
            this.shape = shape;
            this.slot = slot;
        }
    }

    /** A class's empty shape. */
    static Shape root() {
        return new Shape(null, new String[0]);
    }

    private Shape(Shape parent, String[] names) {
        this.parent = parent;
        this.names = names;
        this.slots = new Slot[names.length];
    }

    /** How many fields instances of this shape have. */
    public int size() {
        return names.length;
    }

    /** The name of field {@code slot}. */
    public String name(int slot) {
        return names[slot];
    }

    /** The slot of field {@code name}, or -1. */
    public int slotOf(String name) {
        int n = names.length;
        if (n <= SCAN) {
            for (int i = 0; i < n; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < n; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        Map<String, Integer> map = index;
        if (map == null) {
            map = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                map.put(names[i], i);
            }
            index = map;
        }
        Integer i = map.get(name);
        return i == null ? -1 : i;
    }

    /** The shape with field {@code name} added as the last slot (shared by every instance that adds it here). */
    public Shape with(String name) {
        Shape child = children.get(name);
        if (child == null) {
            String[] more = java.util.Arrays.copyOf(names, names.length + 1);
            more[names.length] = name;
            // a class, not a lambda: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
            child = children.computeIfAbsent(name, new Child(this, more));
        }
        return child;
    }

    /** The child shape {@link #with} makes when no other instance added the field before. */
    private static final class Child implements Function<String, Shape> {
        private final Shape parent;
        private final String[] names;

        Child(Shape parent, String[] names) {
            this.parent = parent;
            this.names = names;
        }

        @Override
        public Shape apply(String name) {
            return new Shape(parent, names);
        }
    }

    /** The cache entry for {@code slot}. */
    public Slot slot(int slot) {
        Slot s = slots[slot];
        if (s == null) {
            s = new Slot(this, slot);
            slots[slot] = s; // a racing thread may make its own: equal, and either serves
        }
        return s;
    }
}
