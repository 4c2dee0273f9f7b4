package pebbleos.lang.interp;

import pebbleos.lang.interp.node.StmtNode;

/**
 * A compiled function body and its frame layout: shared by every function
 * value made from the same {@code def} (and, through the code cache, by every
 * process running the same source). Immutable.
 */
public final class FunctionCode {
    public final String name;
    public final int arity;
    public final int slotCount;
    /** Slots that hold cells because inner functions capture them; null when none. */
    public final int[] cellSlots;
    /** Where each captured variable comes from in the defining frame (see the resolver). */
    public final int[] freeSources;
    public final StmtNode body;
    public final String file;
    public final int line;

    public FunctionCode(String name, int arity, int slotCount, int[] cellSlots, int[] freeSources, StmtNode body,
            String file, int line) {
        this.name = name;
        this.arity = arity;
        this.slotCount = slotCount;
        this.cellSlots = cellSlots;
        this.freeSources = freeSources;
        this.body = body;
        this.file = file;
        this.line = line;
    }
}
