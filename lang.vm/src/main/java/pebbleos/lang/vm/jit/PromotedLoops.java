package pebbleos.lang.vm.jit;

import static pebbleos.lang.vm.code.Opcode.*;

import java.util.ArrayList;
import java.util.List;

import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Proto;

/**
 * The loops of a proto whose written globals the translator keeps in JVM
 * locals while the loop runs (an int as an unboxed long): {@code total} and
 * {@code i} of a module's top-level {@code while} loop were each boxed and
 * stored in the module at every iteration.
 *
 * The same for the registers the loop carries from one iteration to the
 * next ({@code total} and {@code i} of a function's loop): they were boxed
 * and stored on the machine's value stack at every iteration.
 *
 * <p>A loop qualifies when it holds no other loop and nothing in it can
 * read or write those globals or registers behind the translator's back:
 * its instructions are moves, constants, global reads and writes,
 * arithmetic, comparisons, jumps, index reads and writes (of lists, dicts,
 * strings and instances: never of a module) and calls of small leaves made
 * in line and of {@code len} in a loop's test, which mostly call nothing
 * (around their fallback call the translator writes them back, and loads
 * the globals again: the callee may have changed them). A small leaf's fast
 * path ({@link LeafInliner}) reads the module itself, so a loop with one
 * that reads a written global is left as it is. Attribute reads and writes
 * and {@code in} are left out: on a module object they reach its globals.
 * A register is left on the stack where something reads or writes it
 * there: a call's frame, a cell, a local read before it is surely assigned
 * (CHECK).
 */
final class PromotedLoops {
    /** More written globals than this: the loop is left as it is. */
    static final int MAX_GLOBALS = 6;

    /** More registers than this: only the first are kept in locals. */
    static final int MAX_REGISTERS = 6;

    /**
     * One loop: code indexes [start, end), the globals it writes (in
     * order), the registers it carries from one iteration to the next
     * (written in it, not only as temporaries dying in their run).
     */
    record Loop(int start, int end, int[] globals, int[] registers) {
        boolean contains(int pc) {
            return pc >= start && pc < end;
        }

        /** Whether register r is one the loop keeps in locals. */
        boolean holds(int r) {
            for (int x : registers) {
                if (x == r) {
                    return true;
                }
            }
            return false;
        }

        /** The local-index slot of global g in {@link #globals}, or -1. */
        int slot(int g) {
            for (int i = 0; i < globals.length; i++) {
                if (globals[i] == g) {
                    return i;
                }
            }
            return -1;
        }
    }

    private PromotedLoops() {
    }

    /**
     * The qualifying loops of {@code proto}; {@code leaves} tells which call
     * sites get a leaf's fast path (null where none).
     */
    static List<Loop> of(Proto proto, Proto[] leaves, Temporaries temporaries) {
        int[] code = proto.code;
        List<Loop> loops = new ArrayList<>();
        for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).words) {
            int target = Opcode.of(code[pc]).jumpTarget(code, pc);
            if (target >= 0 && target <= pc && (code[pc] & 0xFF) != OP_FORNEXT) {
                Loop loop = loop(proto, target, pc + Opcode.of(code[pc]).words, leaves, temporaries);
                if (loop != null) {
                    loops.add(loop);
                }
            }
        }
        // loops that overlap (a loop's back jump inside another's range) are left as they are
        List<Loop> kept = new ArrayList<>();
        for (Loop l : loops) {
            if (loops.stream().noneMatch(o -> o != l && o.start < l.end && l.start < o.end)) {
                kept.add(l);
            }
        }
        return kept;
    }

    private static Loop loop(Proto proto, int start, int end, Proto[] leaves, Temporaries temporaries) {
        int[] code = proto.code;
        int[] written = new int[MAX_GLOBALS];
        int count = 0;
        List<Integer> sites = new ArrayList<>();
        java.util.BitSet carried = new java.util.BitSet();
        java.util.BitSet excluded = new java.util.BitSet();
        for (int c : proto.cellSlots) {
            excluded.set(c);
        }
        List<Integer> gets = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        for (int pc = start; pc < end; pc += Opcode.of(code[pc]).words) {
            int op = code[pc] & 0xFF;
            int t = Opcode.of(code[pc]).jumpTarget(code, pc);
            if (t >= start && t <= pc && pc + Opcode.of(code[pc]).words != end) {
                return null; // a loop inside
            }
            int g = -1;
            switch (op) {
                case OP_SETG, OP_INCG -> g = code[pc + 1];
                case OP_GETGC -> {
                    gets.add(code[pc + 1]);
                    excluded.set(code[pc] >>> 8);
                }
                case OP_LOOKUP -> {
                    if (proto.constants[code[pc + 1]] instanceof String name) {
                        looked.add(name);
                    }
                    excluded.set(code[pc] >>> 8, proto.registers); // writes the call's frame on the stack
                }
                case OP_CALL, OP_CALLM -> {
                    // only a leaf's fast path or a length test (which mostly call nothing: around their
                    // fallback call the translator writes the loop's globals and registers back and loads
                    // the globals again); around any other call that would cost more than it saves
                    if (leaves[pc] != null) {
                        sites.add(pc);
                    } else if (!Translator.lengthShape(code, pc, temporaries)) {
                        return null;
                    }
                    excluded.set(code[pc] >>> 8, proto.registers); // the call's frame (callee, arguments, result)
                }
                case OP_CHECK -> excluded.set(code[pc] >>> 8); // read before it is surely assigned
                case OP_MOVE, OP_LOADK, OP_SETL, OP_GETX, OP_SETX, OP_GETG, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_IDIV,
                        OP_MOD, OP_POW,
                        OP_ADDI, OP_SUBI, OP_MULI, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_NEG, OP_POS, OP_NOT,
                        OP_CONCAT3, OP_JMP, OP_JT, OP_JF, OP_JLT, OP_JLE, OP_JGT, OP_JGE, OP_JEQ, OP_JNE, OP_JLTI,
                        OP_JLEI, OP_JGTI, OP_JGEI, OP_JEQI, OP_JNEI -> {
                    // no global but through its operands (indexing is of lists, dicts, strings and
                    // instances, never of a module)
                }
                default -> {
                    return null;
                }
            }
            int r = Temporaries.target(code, pc);
            if (r >= 0 && !temporaries.kept(pc)) {
                carried.set(r);
            }
            if (g >= 0 && indexOf(written, count, g) < 0) {
                if (count == MAX_GLOBALS) {
                    return null;
                }
                written[count++] = g;
            }
        }
        carried.andNot(excluded);
        int[] registers = carried.stream().limit(MAX_REGISTERS).toArray();
        if (count == 0 && registers.length == 0) {
            return null;
        }
        int[] globals = java.util.Arrays.copyOf(written, count);
        String[] names = proto.unit().globalNames;
        for (int g : globals) {
            // a callee read from a written global, or a method looked up by its name (on this module itself)
            if (gets.contains(g) || looked.contains(names[g])) {
                return null;
            }
        }
        for (int site : sites) {
            if (readsAny(leaves[site], globals)) {
                return null;
            }
        }
        return new Loop(start, end, globals, registers);
    }

    /** Whether the leaf's code reads one of the globals (GETG, or a global operand of its arithmetic). */
    private static boolean readsAny(Proto leaf, int[] globals) {
        int[] code = leaf.code;
        for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).words) {
            int op = code[pc] & 0xFF;
            if (op == OP_GETG && indexOf(globals, globals.length, code[pc + 1]) >= 0) {
                return true;
            }
            if (op == OP_ADD || op == OP_SUB || op == OP_MUL) {
                for (int w : new int[] {code[pc + 1], code[pc + 2]}) {
                    if (w < 0 && indexOf(globals, globals.length, -1 - w) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int indexOf(int[] values, int count, int v) {
        for (int i = 0; i < count; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
