package pebbleos.lang.core.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import pebbleos.api.value.Printable;

/** A class: its attributes (values and methods) and an optional base class. */
public final class PClass implements Printable {
    public final String name;
    public final PClass base;
    public final Map<String, Object> attributes = new LinkedHashMap<>();

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

    @Override
    public String str() {
        return "<class " + name + ">";
    }

    @Override
    public String typeName() {
        return "class";
    }
}
