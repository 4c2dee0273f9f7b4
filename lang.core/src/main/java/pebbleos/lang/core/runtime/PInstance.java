package pebbleos.lang.core.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import pebbleos.api.value.Footprint;
import pebbleos.api.value.Printable;

/**
 * An instance of a {@link PClass}: a reference value with its own fields.
 * The fields sit in slots laid out by a {@link Shape} shared with the
 * class's other instances that gained the same fields in the same order,
 * which lets the engines cache where a field is; an instance with very many
 * fields, or one that lost a field, keeps them in a map instead ({@link #shape}
 * is then null).
 */
public final class PInstance implements Printable, Footprint.Sized {
    private static final Object[] NO_SLOTS = {};

    public final PClass cls;
    private Shape shape;
    private Object[] slots = NO_SLOTS;
    /** The fields when the instance left the shapes (insertion order kept); null while it has a shape. */
    private Map<String, Object> map;

    public PInstance(PClass cls) {
        this.cls = cls;
        this.shape = cls.emptyShape;
    }

    /** The field's value, or null when the instance has no such field. */
    public Object get(String name) {
        if (map != null) {
            return map.get(name);
        }
        return i(shape.slotOf(name));
    }

    /**
     * Set field {@code name}, adding it when it is new. Returns what a site
     * may cache to repeat the write with {@link #putCached}: the field's
     * {@link Shape.Slot}, or the shape the instance moved to; null when the
     * instance keeps its fields in a map.
     */
    public Object put(String name, Object value) {
        if (map != null) {
            map.put(name, value);
            return null;
        }
        int i = shape.slotOf(name);
        if (i >= 0) {
            if (set(i, value)) {
                return shape.slot(i);
            }
        } else if (shape.size() < Shape.MAX_FIELDS) {
            Shape next = shape.with(name);
            append(next, value);
            return next;
        }
        toMap().put(name, value);
        return null;
    }

    /** Remove field {@code name}; false when there was none. */
    public boolean remove(String name) {
        if (map == null && shape.slotOf(name) < 0) {
            return false;
        }
        return toMap().remove(name) != null;
    }

    /** How many fields the instance has. */
    public int size() {
        return map != null ? map.size() : shape.size();
    }

    /** The fields in the order they were added, as a new map. */
    public Map<String, Object> fields() {
        if (map != null) {
            return new LinkedHashMap<>(map);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (int i = 0; i < shape.size(); i++) {
            Object v = i(i);
            if (v != null) {
                copy.put(shape.name(i), v);
            }
        }
        return copy;
    }

    // ------------------------------------------------------------------ what the engines' inline caches use

    /** The instance's shape; null once it keeps its fields in a map (no cache may hold it then). */
    public Shape shape() {
        return map == null ? shape : null;
    }

    /** Field {@code slot} of the instance's shape. */
    public Object slot(int slot) {
        return i(slot);
    }

    /** The cache entry for field {@code name} (its slot in this instance's shape), or null. */
    public Shape.Slot find(String name) {
        if (map != null) {
            return null;
        }
        int i = shape.slotOf(name);
        return i < 0 ? null : shape.slot(i);
    }

    /** The field that {@code entry} (from {@link #find}) locates, when it holds for this instance's shape; else null. */
    public Object getCached(Object entry) {
        return entry instanceof Shape.Slot s && s.shape == shape ? i(s.slot) : null;
    }

    /** Repeat a write {@link #put} returned {@code entry} for, when it holds for this instance's shape; false when not. */
    public boolean putCached(Object entry, Object value) {
        if (entry instanceof Shape.Slot s && s.shape == shape) {
            return set(s.slot, value);
        }
        if (entry instanceof Shape next && next.parent == shape) {
            append(next, value);
            return true;
        }
        return false;
    }

    /** Move to {@code next}, a child of the instance's shape, the new last field holding {@code value}. */
    private void append(Shape next, Object value) {
        int n = next.size();
        Object[] s = slots;
        if (s.length < n) {
            s = Arrays.copyOf(s, Math.max(4, n + (n >> 1)));
        }
        s[n - 1] = value; // the value, then the array, then the shape that makes them visible
        slots = s;
        shape = next;
    }

    // Another thread that shares the instance may see a shape newer than the
    // slots (a data race in the program): a read then finds nothing (null,
    // which callers take as "no such field") and a write goes the slow way,
    // instead of a Java error escaping into the program.

    /** Slot i, or null when the slots seen are older than the shape. */
    private Object i(int i) {
        Object[] s = slots;
        return i >= 0 && i < s.length ? s[i] : null;
    }

    /** Set slot i; false when the slots seen are older than the shape. */
    private boolean set(int i, Object value) {
        Object[] s = slots;
        if (i < s.length) {
            s[i] = value;
            return true;
        }
        return false;
    }

    private Map<String, Object> toMap() {
        if (map == null) {
            map = fields();
            shape = Shape.root(); // its own: no cache holds it, and it has no fields
            slots = NO_SLOTS;
        }
        return map;
    }

    @Override
    public String str() {
        return "<" + cls.name + " instance>";
    }

    @Override
    public String typeName() {
        return "instance";
    }

    /** The instance, its fields and what they hold (a few measured, {@code depth} deep). */
    @Override
    public long footprint(int depth) {
        int n = size();
        Object[] s = slots; // the accounting may run on another thread: one array, read once
        long bytes = map != null
                ? 24 + 48 + 16 + 4L * Math.max(16, Integer.highestOneBit(Math.max(1, n) * 2)) + 40L * n
                : 32 + 16 + 4L * s.length;
        if (depth > 0 && n > 0) {
            Iterable<Object> values = map != null ? map.values() : Arrays.asList(s).subList(0, Math.min(n, s.length));
            long measured = 0;
            int seen = 0;
            for (Object v : values) {
                measured += Footprint.of(v, depth);
                if (++seen == 4) {
                    break;
                }
            }
            bytes += seen == 0 ? 0 : measured * n / seen;
        }
        return bytes;
    }
}
