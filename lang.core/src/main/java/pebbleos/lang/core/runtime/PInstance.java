package pebbleos.lang.core.runtime;

import java.util.HashMap;
import java.util.Map;

import pebbleos.api.value.Printable;

/** An instance of a {@link PClass}: a reference value with its own fields. */
public final class PInstance implements Printable {
    public final PClass cls;
    public final Map<String, Object> fields = new HashMap<>(8);

    public PInstance(PClass cls) {
        this.cls = cls;
    }

    @Override
    public String str() {
        return "<" + cls.name + " instance>";
    }

    @Override
    public String typeName() {
        return "instance";
    }
}
