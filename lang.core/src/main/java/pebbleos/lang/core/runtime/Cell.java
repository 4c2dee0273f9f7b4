package pebbleos.lang.core.runtime;

/** A variable captured by an inner function: the frame slot and the closure share it. */
public final class Cell {
    /** The value, {@code null} while unassigned. */
    public Object value;

    public Cell() {
    }

    public Cell(Object value) {
        this.value = value;
    }
}
