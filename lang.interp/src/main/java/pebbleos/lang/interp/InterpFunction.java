package pebbleos.lang.interp;

import pebbleos.api.value.PList;
import pebbleos.lang.core.builtins.Limits;
import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.interp.node.StmtNode;

/** A function value of the interpreter: compiled code plus its closure. */
public final class InterpFunction extends PFunction {
    public final FunctionCode code;
    public final Cell[] closure;

    public InterpFunction(FunctionCode code, PModule module, Cell[] closure) {
        super(code.name, code.arity, module);
        this.code = code;
        this.closure = closure;
    }

    /** Call with arguments already evaluated; checks the arity and binds copies of lists and dicts. */
    public Object invoke(InterpThread t, Object[] args) {
        if (args.length != arity) {
            throw Errors.arity(name, arity, args.length);
        }
        Object[] slots = new Object[code.slotCount];
        for (int i = 0; i < args.length; i++) {
            slots[i] = PList.copyValue(args[i]);
        }
        return run(t, slots);
    }

    /** Run the body with the parameters already in {@code slots} (copied as needed). */
    public Object run(InterpThread t, Object[] slots) {
        int[] cells = code.cellSlots;
        if (cells != null) {
            for (int c : cells) {
                slots[c] = new Cell(slots[c]);
            }
        }
        if (t.ctx.attention != 0) {
            t.ctx.safePoint();
        }
        if (++t.depth > Limits.MAX_DEPTH) {
            t.depth--;
            throw Errors.recursionDepth();
        }
        try {
            Activation f = new Activation(slots, closure, module, t, this, null, code.file);
            if (code.body.exec(f) == StmtNode.RETURN) {
                return f.returnValue;
            }
            return 0L;
        } catch (StackOverflowError e) {
            throw Errors.recursionDepth();
        } finally {
            t.depth--;
        }
    }
}
