package pebbleos.lang.vm.code;

/**
 * A compiled function body (or a module's top-level code): its instructions
 * and everything the VM needs to run them. Immutable once built, shared by
 * every function value made from the same {@code def} and, through the code
 * cache, by every process running the same source.
 *
 * <p>Frame layout: registers {@code 0 .. arity-1} are the parameters,
 * {@code 0 .. locals-1} the locals (cells where {@link #cellSlots} says so),
 * then temporaries up to {@link #registers}.
 */
public final class Proto {
    public final String name;
    public final int arity;
    public final int locals;
    public final int registers;
    /** The local slots that hold cells because inner functions capture them (ascending). */
    public final int[] cellSlots;
    /** Per captured variable: the defining frame's slot ({@code >= 0}) or its own capture {@code -1 - i}. */
    public final int[] freeSources;
    public final String[] localNames;
    public final String[] freeNames;
    public final int[] code;
    /** Pairs (first code index, source line), ascending. */
    public final int[] lines;
    /** Quads (start, end, handler, register): an error in [start, end) goes to handler with the error in R[register]. */
    public final int[] handlers;
    /** Triples (start, end, register): inside [start, end) a bare {@code raise} re-raises the error in R[register]. */
    public final int[] handling;
    public final int firstLine;
    /** True for a module's top-level code. */
    public final boolean isModule;
    /** The unit this proto belongs to; set once when the unit is assembled. */
    private Unit unit;
    /** This proto's index in its unit. */
    private int position;
    /** The unit's constants, kept here so the dispatch loop reaches them in one load. */
    public Object[] constants;
    /**
     * JIT state, not part of the bytecode (never written to files or snapshots):
     * the proto's JVM code once made (a {@code machine.Compiled}), or a marker
     * when it cannot be made; null before. Racy by design: the object is
     * stateless, so a thread that sees it late only interprets a little longer.
     */
    public Object compiled;
    /** Calls and loop back-edges run interpreted so far; the JIT compiles past a threshold. */
    public int heat;

    public Proto(String name, int arity, int locals, int registers, int[] cellSlots, int[] freeSources,
            String[] localNames, String[] freeNames, int[] code, int[] lines, int[] handlers, int[] handling,
            int firstLine, boolean isModule) {
        this.name = name;
        this.arity = arity;
        this.locals = locals;
        this.registers = registers;
        this.cellSlots = cellSlots;
        this.freeSources = freeSources;
        this.localNames = localNames;
        this.freeNames = freeNames;
        this.code = code;
        this.lines = lines;
        this.handlers = handlers;
        this.handling = handling;
        this.firstLine = firstLine;
        this.isModule = isModule;
    }

    void attach(Unit owner, int position) {
        this.unit = owner;
        this.position = position;
        this.constants = owner.constants;
    }

    public Unit unit() {
        return unit;
    }

    /** The file errors in this code are reported against. */
    public String file() {
        return unit.file;
    }

    /** The source line of the instruction at code index {@code pc}. */
    public int line(int pc) {
        int lo = 0;
        int hi = lines.length / 2 - 1;
        int found = firstLine;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lines[mid * 2] <= pc) {
                found = lines[mid * 2 + 1];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The handler for an error at {@code pc}: its index in {@link #handlers} (a multiple of 4), or -1. */
    public int handlerAt(int pc) {
        for (int i = 0; i < handlers.length; i += 4) {
            if (handlers[i] <= pc && pc < handlers[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    /** The register holding the error a bare {@code raise} at {@code pc} re-raises, or -1. */
    public int handlingAt(int pc) {
        for (int i = 0; i < handling.length; i += 3) {
            if (handling[i] <= pc && pc < handling[i + 1]) {
                return handling[i + 2];
            }
        }
        return -1;
    }

    /** The index of this proto in its unit. */
    public int index() {
        return position;
    }

    @Override
    public String toString() {
        return "<proto " + name + ">";
    }
}
