package pebbleos.lang.core.runtime;

import pebbleos.api.value.Printable;

/**
 * {@code obj.method} without a call: the function with its receiver. Also a
 * string, list or dict method taken as a value ({@code f = s.upper}).
 */
public final class PBoundMethod implements Printable {
    public final Object self;
    /** A {@link PFunction} or a {@link PBuiltin}. */
    public final Object function;
    private final String className;

    public PBoundMethod(Object self, Object function, String className) {
        this.self = self;
        this.function = function;
        this.className = className;
    }

    @Override
    public String str() {
        String n = function instanceof PFunction f ? f.name : ((PBuiltin) function).name;
        return "<bound method " + className + "." + n + ">";
    }

    @Override
    public String typeName() {
        return "method";
    }
}
