package pebbleos.lang.vm.compiler;

import java.util.ArrayList;
import java.util.List;

import pebbleos.lang.core.syntax.Program;
import pebbleos.lang.core.syntax.Stmt;
import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;

/**
 * The bytecode compiler: parses and resolves a source file with the shared
 * front end ({@link Program}), then compiles the module's top level and every
 * function in it to {@link Proto}s of one {@link Unit}. Syntax errors are
 * raised as located {@link pebbleos.lang.core.runtime.PebbleError}s, exactly
 * as for the interpreter.
 */
public final class Compiler {
    /**
     * Bumped when the compiler emits different code for the same source (2:
     * CONCAT3): part of the code cache's key, so units an older compiler made
     * are compiled again rather than reused.
     */
    public static final int REVISION = 2;

    private final ConstantPool pool = new ConstantPool();
    private final List<Proto> protos = new ArrayList<>();

    private Compiler() {
    }

    /** Compile {@code source}; {@code file} is the name errors are reported against. */
    public static Unit compile(String file, String source, String sourceHash) {
        Program program = Program.compile(file, source);
        Compiler c = new Compiler();
        c.protos.add(null);
        c.protos.set(0, new FunctionCompiler(c, null, program.body()).compile());
        return new Unit(file, program.globals(), c.pool.toArray(), c.protos.toArray(new Proto[0]), sourceHash);
    }

    int constant(Object value) {
        return pool.add(value);
    }

    /** Compile a nested function; returns its proto index. */
    int function(Stmt.FunctionDef def) {
        int index = protos.size();
        protos.add(null);
        protos.set(index, new FunctionCompiler(this, def, def.body).compile());
        return index;
    }
}
