package pebbleos.lang.vm.code;

import java.util.List;

import pebbleos.lang.core.runtime.CompiledModule;

/**
 * One compiled source file: the layout of its module's globals, the constant
 * pool its code shares, and its function prototypes ({@code protos[0]} is the
 * module's top-level code). This is what a bytecode file holds and what the
 * code cache keeps. Immutable.
 */
public final class Unit implements CompiledModule {
    public final String file;
    private final List<String> globals;
    /** The global names as an array, for error messages of the global instructions. */
    public final String[] globalNames;
    public final Object[] constants;
    public final Proto[] protos;
    /** The hash of the source this unit was compiled from (hex), or "" when unknown. */
    public final String sourceHash;

    public Unit(String file, List<String> globals, Object[] constants, Proto[] protos, String sourceHash) {
        this.file = file;
        this.globals = List.copyOf(globals);
        this.globalNames = globals.toArray(new String[0]);
        this.constants = constants;
        this.protos = protos;
        this.sourceHash = sourceHash;
        for (int i = 0; i < protos.length; i++) {
            protos[i].attach(this, i);
        }
    }

    @Override
    public List<String> globals() {
        return globals;
    }

    /** The module's top-level code. */
    public Proto main() {
        return protos[0];
    }
}
