package pebbleos.lang.core.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import pebbleos.api.value.Printable;

/** A class: its attributes (values and methods) and an optional base class. */
public final class PClass implements Printable {
    public final String name;
    public final PClass base;
    public final Map<String, Object> attributes = new LinkedHashMap<>();
    /** The shape of a new instance, root of the shapes its instances take. */
    final Shape emptyShape = Shape.root();
    /**
     * Moves when an attribute of a class that exists changes what a method
     * lookup may find: a cached method of an instance's shape is valid only
     * while this is the value it was cached with.
     */
    private static volatile int epoch;

    public PClass(String name, PClass base) {
        this.name = name;
        this.base = base;
    }

    /** The attribute, looking through base classes; {@code null} when absent. */
    public Object lookup(String attribute) {
        for (PClass c = this; c != null; c = c.base) {
            Object v = c.attributes.get(attribute);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Set attribute {@code name} of an existing class (what {@code Cls.name = v} does). */
    public void set(String name, Object value) {
        Object old = attributes.put(name, value);
        // a value that replaces a value (a class-level counter) changes no
        // method lookup: through this class, the name found a non-function
        // before and after, and only functions are cached
        if (old == null || old instanceof PFunction || value instanceof PFunction) {
            epoch++;
        }
    }

    /** The current class epoch (see {@link #epoch}). */
    public static int epoch() {
        return epoch;
    }

    @Override
    public String str() {
        return "<class " + name + ">";
    }

    @Override
    public String typeName() {
        return "class";
    }
}
