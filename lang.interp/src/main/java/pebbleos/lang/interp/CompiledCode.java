package pebbleos.lang.interp;

import java.util.List;

import pebbleos.lang.core.runtime.CompiledModule;
import pebbleos.lang.interp.node.StmtNode;

/** A module compiled for the interpreter: its global layout and its body. Immutable, shared. */
record CompiledCode(String file, List<String> globals, StmtNode body) implements CompiledModule {
}
