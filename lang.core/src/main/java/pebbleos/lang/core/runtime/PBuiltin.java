package pebbleos.lang.core.runtime;

import pebbleos.api.value.Printable;

/**
 * A function implemented in Java: a core builtin ({@code len}), a member of a
 * built-in module ({@code math.sqrt}) or a method of a string, list or dict.
 * Its display name is reused by error messages.
 */
public final class PBuiltin implements Printable {
    /** The body: arguments already evaluated, arity already checked. */
    @FunctionalInterface
    public interface Body {
        Object call(Interop rt, Object[] args);
    }

    /**
     * A family of builtins answered by one switch: the family numbers its
     * builtins and gives each {@link PBuiltin} the {@link Case} of its number.
     *
     * <p>Why not a lambda per builtin: the JVM spins a class for each lambda
     * the first time its site runs, and the builtins are registered at every
     * boot, in a bundle's class loader, which no class-data archive holds;
     * ~100 of them took ~20 ms of the boot process's start. A family's switch
     * is one class the archive keeps. (The syscall families do the same:
     * {@code pebbleos.api.syscall.Dispatch}.)
     */
    public interface Table {
        /** Builtin {@code id} of the family, arguments evaluated and counted. */
        Object call(int id, Interop rt, Object[] args);
    }

    /** The body of builtin {@code id} of {@code table}. */
    public record Case(Table table, int id) implements Body {
        @Override
        public Object call(Interop rt, Object[] args) {
            return table.call(id, rt, args);
        }
    }

    public final String name;
    public final int minArgs;
    public final int maxArgs;
    public final Body body;
    /** The built-in module it belongs to ({@code math}), or null for a global builtin. */
    public final String module;

    public PBuiltin(String name, int minArgs, int maxArgs, Body body) {
        this(name, minArgs, maxArgs, body, null);
    }

    private PBuiltin(String name, int minArgs, int maxArgs, Body body, String module) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.body = body;
        this.module = module;
    }

    /** The same builtin as a member of built-in module {@code moduleName} (it prints as {@code <builtin math.sin>}). */
    public PBuiltin inModule(String moduleName) {
        return new PBuiltin(name, minArgs, maxArgs, body, moduleName);
    }

    /** Check the argument count and run. */
    public Object invoke(Interop rt, Object[] args) {
        if (args.length < minArgs || args.length > maxArgs) {
            throw Errors.arity(name, arityText(), args.length);
        }
        return body.call(rt, args);
    }

    private String arityText() {
        if (minArgs == maxArgs) {
            return String.valueOf(minArgs);
        }
        if (maxArgs == Integer.MAX_VALUE) {
            return "at least " + minArgs;
        }
        return minArgs + " to " + maxArgs;
    }

    @Override
    public String str() {
        return module == null ? "<builtin " + name + ">" : "<builtin " + module + "." + name + ">";
    }

    @Override
    public String typeName() {
        return "builtin";
    }
}
