package pebbleos.api.value;

/**
 * A value defined by an engine or a library (function, class, instance,
 * module, builtin) that knows its own printed form and type name.
 */
public interface Printable {
    /** The form {@code print} and {@code str()} give. */
    String str();

    /** The type name used in error messages ("function", "instance" ...). */
    String typeName();
}
