package pebbleos.api.value;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A Pebble list. Pebble gives lists value semantics: assigning a list or
 * passing it to a user function binds a copy. {@link #copy()} makes that copy
 * in O(1) by sharing the element array; the first mutation of either side then
 * clones it (copy-on-write). Nested lists and dicts are copied lazily the same
 * way, so a mutation through an element of a copy never shows in the original.
 *
 * <p>Not thread-safe: the threads of one process run under the process lock.
 */
public final class PList implements Iterable<Object> {
    private static final Object[] EMPTY = {};

    private Object[] items;
    private int size;
    /** The array may be seen by another list: clone before writing, copy containers before handing them out. */
    private boolean shared;

    public PList() {
        items = EMPTY;
    }

    public PList(int capacity) {
        items = capacity == 0 ? EMPTY : new Object[capacity];
        if (capacity >= Footprint.BIG_ARRAY) {
            Footprint.listArray(items, 0, false);
        }
    }

    private PList(Object[] items, int size, boolean shared) {
        this.items = items;
        this.size = size;
        this.shared = shared;
    }

    /** A list on a fresh array of its own elements, charged to the process when it is big. */
    private static PList fresh(Object[] items, int size) {
        if (items.length >= Footprint.BIG_ARRAY) {
            Footprint.listArray(items, size, true);
        }
        return new PList(items, size, false);
    }

    /** A list of these elements (the array is copied). */
    public static PList of(Object... values) {
        return fresh(values.clone(), values.length);
    }

    /** A list that takes ownership of {@code values}; the caller must not touch it again. */
    public static PList adopt(Object[] values, int size) {
        return fresh(values, size);
    }

    /** A list of the elements of a Java list. */
    public static PList from(List<?> values) {
        return fresh(values.toArray(), values.size());
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The element at {@code index} (0 <= index < size; callers check bounds). */
    public Object get(int index) {
        Object v = items[index];
        if (shared && (v instanceof PList || v instanceof PDict)) {
            unshare();
            v = items[index];
        }
        return v;
    }

    /** Replace the element at {@code index} (0 <= index < size). */
    public void set(int index, Object value) {
        if (shared) {
            unshare();
        }
        items[index] = value;
    }

    /** Add at the end (the {@code append} builtin). */
    public void append(Object value) {
        if (shared) {
            unshare();
        }
        if (size == items.length) {
            items = grown();
        }
        items[size++] = value;
    }

    /** Insert before {@code index} (0 <= index <= size). */
    public void insert(int index, Object value) {
        if (shared) {
            unshare();
        }
        if (size == items.length) {
            items = grown();
        }
        System.arraycopy(items, index, items, index + 1, size - index);
        items[index] = value;
        size++;
    }

    /** A copy of the full element array half as big again, charged (before it is used) when it is big. */
    private Object[] grown() {
        Object[] bigger = Arrays.copyOf(items, Math.max(8, size + (size >> 1)));
        if (bigger.length >= Footprint.BIG_ARRAY) {
            Footprint.listArray(bigger, size, true);
            if (items.length >= Footprint.BIG_ARRAY) {
                Footprint.released(items); // not shared (it would have been copied first): it dies now
            }
        }
        return bigger;
    }

    /** Remove and return the element at {@code index} (0 <= index < size). */
    public Object removeAt(int index) {
        if (shared) {
            unshare();
        }
        Object v = items[index];
        System.arraycopy(items, index + 1, items, index, size - index - 1);
        items[--size] = null;
        return v;
    }

    /** Remove every element. */
    public void clear() {
        if (!shared && items.length >= Footprint.BIG_ARRAY) {
            Footprint.released(items);
        }
        items = EMPTY;
        size = 0;
        shared = false;
    }

    /** The value-semantics copy: O(1) now, the real copy happens on the first write. */
    public PList copy() {
        shared = true;
        return new PList(items, size, true);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive), already clamped by the caller. */
    public PList slice(int from, int to) {
        int n = Math.max(0, to - from);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = copyValue(items[from + i]);
        }
        return fresh(out, n);
    }

    /** A new list: this one's elements then {@code other}'s. */
    public PList concat(PList other) {
        Object[] out = new Object[size + other.size];
        for (int i = 0; i < size; i++) {
            out[i] = copyValue(items[i]);
        }
        for (int i = 0; i < other.size; i++) {
            out[size + i] = copyValue(other.items[i]);
        }
        return fresh(out, out.length);
    }

    /** Add every element of {@code other} (the {@code +=} of lists). */
    public void extend(PList other) {
        Object[] add = other.items;
        int n = other.size;
        for (int i = 0; i < n; i++) {
            append(copyValue(add[i]));
        }
    }

    /** A fresh array of the elements (containers copied). */
    public Object[] toArray() {
        Object[] out = new Object[size];
        for (int i = 0; i < size; i++) {
            out[i] = copyValue(items[i]);
        }
        return out;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Object next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PList && Values.equal(this, o);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + Values.hash(items[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return Values.str(this);
    }

    /** The copy a container gets when it is stored or bound: containers share lazily, the rest as is. */
    public static Object copyValue(Object v) {
        if (v instanceof PList l) {
            return l.copy();
        }
        if (v instanceof PDict d) {
            return d.copy();
        }
        return v;
    }

    private void unshare() {
        Object[] fresh = new Object[Math.max(size, Math.min(items.length, size + 8))];
        for (int i = 0; i < size; i++) {
            fresh[i] = copyValue(items[i]);
        }
        if (fresh.length >= Footprint.BIG_ARRAY) {
            Footprint.listArray(fresh, size, false); // the elements are the other list's too
        }
        items = fresh;
        shared = false;
    }

    /** What this list holds, for {@link Footprint}: nothing when its array is charged on its own. */
    long footprint(int depth) {
        if (items.length >= Footprint.BIG_ARRAY) {
            return 0;
        }
        return 24 + Footprint.arrayBytes(items.length) + Footprint.elements(items, size, size, depth);
    }
}
