package pebbleos.lang.core.runtime;

import java.util.List;

/** A module compiled by an engine to its own form; the layout of its globals is what all forms share. */
public interface CompiledModule {
    /** The global slot names, in slot order. */
    List<String> globals();
}
