package pebbleos.lang.core.syntax;

/** Where a name lives, as the resolver decided. */
public enum Scope {
    /** A slot of the function's frame. */
    LOCAL,
    /** A frame slot holding a cell, because an inner function captures the variable. */
    CELL,
    /** A captured variable of an enclosing function: an index into the closure. */
    FREE,
    /** A module global: a slot of the module. */
    GLOBAL,
    /** Inside a method: the class attribute of that name if the class has one, else the global. */
    CLASS_OR_GLOBAL,
    /** Inside a class body: the class namespace, then the globals. */
    CLASS_BODY
}
