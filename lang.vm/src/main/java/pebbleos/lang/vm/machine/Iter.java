package pebbleos.lang.vm.machine;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.Errors;

/**
 * The state of a running {@code for} loop, held in a register: a counter for
 * {@code range(...)}, or a position in a list snapshot or a string. Mutable,
 * so stepping a loop allocates nothing but the item.
 */
public abstract class Iter {
    /** The next item (already copied for binding), or null at the end. */
    abstract Object next();

    /** The iterator {@code for x in v} uses: a list snapshot, the characters of a string, the keys of a dict. */
    static Iter over(Object v) {
        if (v instanceof PList l) {
            return new Items(l.copy(), 0);
        }
        if (v instanceof String s) {
            return new Chars(s, 0);
        }
        if (v instanceof PDict d) {
            return new Items(d.keys(), 0);
        }
        throw Errors.notIterable();
    }

    /** {@code range(start, stop, step)} counted without a list. */
    public static final class Range extends Iter {
        public long next;
        public final long stop;
        public final long step;

        public Range(long next, long stop, long step) {
            this.next = next;
            this.stop = stop;
            this.step = step;
        }

        /** Whether {@code i} is in the range (the one test the loop, the VM's fast path and the JIT make). */
        public boolean has(long i) {
            return step > 0 ? i < stop : i > stop;
        }

        /**
         * The item after {@code i}: {@code i + step}, or {@code stop} when
         * that would pass the end of the 64-bit integers (the range is then
         * over; {@code range(9223372036854775800, 9223372036854775807, 5)} has
         * two items, not a wrap to negative numbers).
         */
        public long after(long i) {
            long n = i + step;
            return ((i ^ n) & (step ^ n)) < 0 ? stop : n;
        }

        @Override
        Object next() {
            long i = next;
            if (has(i)) {
                next = after(i);
                return i;
            }
            return null;
        }
    }

    /** The elements of a list snapshot (or of a dict's keys). */
    public static final class Items extends Iter {
        public final PList items;
        public int index;

        public Items(PList items, int index) {
            this.items = items;
            this.index = index;
        }

        @Override
        Object next() {
            if (index < items.size()) {
                return PList.copyValue(items.get(index++));
            }
            return null;
        }
    }

    /** The characters of a string. */
    public static final class Chars extends Iter {
        public final String text;
        public int index;

        public Chars(String text, int index) {
            this.text = text;
            this.index = index;
        }

        @Override
        Object next() {
            if (index < text.length()) {
                return String.valueOf(text.charAt(index++));
            }
            return null;
        }
    }
}
