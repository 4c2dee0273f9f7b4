package pebbleos.lang.core.runtime;

import pebbleos.api.value.Printable;

/**
 * A user-defined function value. Each engine subclasses it with its own code
 * form; what is common is the name, the arity, the module whose globals the
 * body sees, and the class it was defined in (for methods).
 */
public abstract class PFunction implements Printable {
    public final String name;
    public final int arity;
    public final PModule module;
    /** The class whose body defined this function, set when the class is created; or null. */
    public PClass owner;

    protected PFunction(String name, int arity, PModule module) {
        this.name = name;
        this.arity = arity;
        this.module = module;
    }

    @Override
    public String str() {
        return owner == null ? "<function " + name + ">" : "<function " + owner.name + "." + name + ">";
    }

    @Override
    public String typeName() {
        return "function";
    }
}
