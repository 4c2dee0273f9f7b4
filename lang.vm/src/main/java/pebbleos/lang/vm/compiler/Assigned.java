package pebbleos.lang.vm.compiler;

import java.util.BitSet;

/**
 * Definite assignment of a function's locals at the point being compiled: a
 * local known to hold a value is read straight from its register; any other
 * is checked first, so that reading it early reports {@code unknown variable}
 * as the interpreter does. After {@code return}, {@code raise}, {@code break}
 * or {@code continue} the code is unreachable and every local counts as
 * assigned (the neutral element of {@link #meet}).
 */
final class Assigned {
    private final BitSet bits;
    private boolean unreachable;

    Assigned() {
        this.bits = new BitSet();
    }

    private Assigned(BitSet bits, boolean unreachable) {
        this.bits = bits;
        this.unreachable = unreachable;
    }

    boolean has(int slot) {
        return unreachable || bits.get(slot);
    }

    void mark(int slot) {
        bits.set(slot);
    }

    void markUnreachable() {
        unreachable = true;
    }

    Assigned copy() {
        return new Assigned((BitSet) bits.clone(), unreachable);
    }

    /** What is assigned on both paths joining here. */
    Assigned meet(Assigned other) {
        if (unreachable) {
            return other.copy();
        }
        if (other.unreachable) {
            return copy();
        }
        BitSet both = (BitSet) bits.clone();
        both.and(other.bits);
        return new Assigned(both, false);
    }
}
