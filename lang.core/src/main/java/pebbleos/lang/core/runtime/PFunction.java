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

    /**
     * {@code <function f>}; qualified by its class ({@code <function Math.twice>})
     * or, for a function of an imported module, by the module
     * ({@code <function pkg.ops.dec>}), as the original prints {@code module.func}.
     */
    @Override
    public String str() {
        if (owner != null) {
            return "<function " + owner.name + "." + name + ">";
        }
        if (module != null && module.path != null && !module.name.equals("__main__")
                && !module.path.equals(ProcessRuntime.RUNTIME_PATH)) {
            return "<function " + module.name + "." + name + ">";
        }
        return "<function " + name + ">";
    }

    @Override
    public String typeName() {
        return "function";
    }
}
