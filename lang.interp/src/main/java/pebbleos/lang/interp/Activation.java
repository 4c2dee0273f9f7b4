package pebbleos.lang.interp;

import java.util.Map;

import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.PModule;

/**
 * The state of one activation: the local slots (cells where inner functions
 * capture them), the closure of the running function, the module whose
 * globals the code sees, and for a class body the namespace being filled.
 */
public final class Activation {
    public final Object[] slots;
    public final Cell[] closure;
    public final PModule module;
    public final InterpThread thread;
    /** The running function, or null for module-level code. */
    public final InterpFunction function;
    /** The namespace of a class body being executed, or null. */
    public final Map<String, Object> namespace;
    /** The file of the code, for error locations. */
    public final String file;
    /** Set by a return statement. */
    public Object returnValue;

    public Activation(Object[] slots, Cell[] closure, PModule module, InterpThread thread, InterpFunction function,
            Map<String, Object> namespace, String file) {
        this.slots = slots;
        this.closure = closure;
        this.module = module;
        this.thread = thread;
        this.function = function;
        this.namespace = namespace;
        this.file = file;
    }

    /** The same frame executing a class body with {@code ns} as its namespace. */
    public Activation forClassBody(Map<String, Object> ns) {
        return new Activation(slots, closure, module, thread, function, ns, file);
    }
}
