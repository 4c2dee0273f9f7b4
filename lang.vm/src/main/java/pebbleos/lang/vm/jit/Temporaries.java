package pebbleos.lang.vm.jit;

import static pebbleos.lang.vm.code.Opcode.*;

import java.util.BitSet;

import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Proto;

/**
 * Which register writes of a proto the translator may keep in JVM locals
 * instead of the machine's value stack: those whose value is read, if at
 * all, only inside the same straight run of instructions, with nothing in
 * between that could look at the value stack (a call, an instruction left to
 * {@code RareInstructions}: the machine may take over there and interpret
 * from the stack) and dead where the run ends or where an error would go to
 * a handler. Such a value (the {@code x * y} of {@code x * y + z}, an
 * attribute read for an expression) then never reaches the heap, so HotSpot
 * can drop its store and, for an int, the box around it.
 *
 * <p>Liveness is the textbook backward analysis over the instructions, with
 * conservative rules where the translator does not see what an instruction
 * touches: a barrier reads every register its operands name (a closure and
 * a bare {@code raise}: every register), overwrites none but a call's
 * result, and an instruction inside a handler's range also flows to the
 * handler. (A callee's frame starts above its call's register, where the
 * compiler keeps nothing live.)
 */
final class Temporaries {
    private final Proto proto;
    private final int[] code;
    private final int registers;
    /** Live registers before each instruction (indexed by pc). */
    private final BitSet[] liveIn;
    /** Where a straight run begins: pc 0, jump targets, handlers. */
    private final BitSet starts = new BitSet();
    /** The pcs whose written register stays in a JVM local. */
    private final BitSet kept = new BitSet();

    private Temporaries(Proto proto) {
        this.proto = proto;
        this.code = proto.code;
        this.registers = proto.registers;
        this.liveIn = new BitSet[code.length];
    }

    /** The analysis of {@code proto}. */
    static Temporaries of(Proto proto) {
        Temporaries t = new Temporaries(proto);
        t.findStarts();
        t.solve();
        for (int pc = 0; pc < t.code.length; pc += words(t.code, pc)) {
            int r = target(t.code, pc);
            if (r >= 0 && t.diesInRun(pc, r)) {
                t.kept.set(pc);
            }
        }
        return t;
    }

    /** True when the register the instruction at {@code pc} writes may stay in a JVM local. */
    boolean kept(int pc) {
        return kept.get(pc);
    }

    /** True when register r may still be read after the instruction at {@code pc} (on any way out of it). */
    boolean liveAfter(int pc, int r) {
        BitSet out = new BitSet(registers);
        liveOut(pc, out);
        return out.get(r);
    }

    /** True where a straight run begins: a JVM local holds no register's value there. */
    boolean start(int pc) {
        return starts.get(pc);
    }

    // ------------------------------------------------------------------ the instruction model

    static int words(int[] code, int pc) {
        return Opcode.of(code[pc]).words;
    }

    /** The register the instruction writes where it may stay in a local, else -1 (none, or written through the stack). */
    static int target(int[] code, int pc) {
        int op = code[pc] & 0xFF;
        return switch (op) {
            case OP_MOVE, OP_LOADK, OP_SETL, OP_GETCELL, OP_GETFREE, OP_GETG, OP_ADD, OP_SUB, OP_MUL, OP_DIV,
                    OP_IDIV, OP_MOD, OP_POW, OP_ADDI, OP_SUBI, OP_MULI, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
                    OP_IN, OP_NIN, OP_NEG, OP_POS, OP_NOT, OP_NEWDICT, OP_GETX, OP_GETA, OP_CONCAT3 -> code[pc] >>> 8;
            default -> -1;
        };
    }

    /**
     * True for an instruction that may let the machine read or write the
     * frame's registers on the value stack: calls and method lookups, and
     * whatever the translator leaves to {@code RareInstructions}.
     */
    static boolean barrier(int[] code, int pc) {
        int op = code[pc] & 0xFF;
        return switch (op) {
            case OP_MOVE, OP_LOADK, OP_CHECK, OP_SETL, OP_GETCELL, OP_SETCELL, OP_GETFREE, OP_GETG, OP_GETGC,
                    OP_SETG, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_IDIV, OP_MOD, OP_POW, OP_ADDI, OP_SUBI, OP_MULI,
                    OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_IN, OP_NIN, OP_NEG, OP_POS, OP_NOT, OP_INCG,
                    OP_JMP, OP_JT, OP_JF, OP_JLT, OP_JLE, OP_JGT, OP_JGE, OP_JEQ, OP_JNE, OP_JLTI, OP_JLEI,
                    OP_JGTI, OP_JGEI, OP_JEQI, OP_JNEI, OP_CHKCALL, OP_RET, OP_RET0, OP_END, OP_NEWDICT, OP_GETX,
                    OP_SETX, OP_GETA, OP_SETA, OP_FORNEXT, OP_CONCAT3 -> false;
            default -> true;
        };
    }

    /** Adds to {@code into} the registers the (non-barrier) instruction at {@code pc} reads. */
    private void reads(int pc, BitSet into) {
        int w = code[pc];
        int op = w & 0xFF;
        int a = w >>> 8;
        switch (op) {
            case OP_MOVE, OP_SETL, OP_GETCELL, OP_NEG, OP_POS, OP_NOT, OP_GETA -> register(code[pc + 1], into);
            case OP_CHECK, OP_SETG, OP_JT, OP_JF, OP_JLTI, OP_JLEI, OP_JGTI, OP_JGEI, OP_JEQI, OP_JNEI, OP_CHKCALL,
                    OP_RET, OP_FORNEXT -> register(a, into);
            case OP_SETCELL -> {
                register(a, into);
                register(code[pc + 1], into);
            }
            case OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_IDIV, OP_MOD, OP_POW, OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
                    OP_IN, OP_NIN, OP_GETX -> {
                register(code[pc + 1], into);
                register(code[pc + 2], into);
            }
            case OP_ADDI, OP_SUBI, OP_MULI -> register(code[pc + 1], into);
            case OP_JLT, OP_JLE, OP_JGT, OP_JGE, OP_JEQ, OP_JNE -> {
                register(a, into);
                register(code[pc + 1], into);
            }
            case OP_SETX -> {
                register(a, into);
                register(code[pc + 1], into);
                register(code[pc + 2], into);
            }
            case OP_SETA -> {
                register(a, into);
                register(code[pc + 2], into);
            }
            case OP_CONCAT3 -> {
                register(code[pc + 1], into);
                register(code[pc + 2], into);
                register(code[pc + 3], into);
            }
            default -> {
                // LOADK, GETFREE, GETG, GETGC, NEWDICT, INCG, JMP, RET0, END: no register
            }
        }
    }

    /** Registers {@code from} to {@code to}, both included. */
    private void registers(int from, int to, BitSet into) {
        for (int r = from; r <= to; r++) {
            register(r, into);
        }
    }

    /**
     * Liveness takes these to read every register: a closure captures cells
     * from registers its operands do not name, a bare {@code raise} reads
     * the error its handler range keeps in a register.
     */
    private boolean readsAll(int pc) {
        int op = code[pc] & 0xFF;
        return op == OP_CLOSURE || op == OP_RERAISE;
    }

    /**
     * The registers a barrier reads: those its operands name (A, B, C, D)
     * and the runs after them (a call's arguments). What it may write is not
     * taken as overwritten (IADD may skip its store), which only keeps more
     * values live.
     */
    private void barrierReads(int pc, BitSet into) {
        int w = code[pc];
        int op = w & 0xFF;
        String[] letters = LETTERS[op];
        for (int i = 0; i < letters.length; i++) {
            if (letters[i].length() == 1 && "ABCD".contains(letters[i])) {
                register(i == 0 ? w >>> 8 : code[pc + i], into);
            }
        }
        if (op == OP_CALL) {
            registers(w >>> 8, (w >>> 8) + code[pc + 1], into);
        } else if (op == OP_CALLM) {
            registers(w >>> 8, (w >>> 8) + code[pc + 1] + 1, into);
        } else if (op == OP_LOOKUP) {
            register((w >>> 8) + 1, into);
        } else if (op == OP_NEWLIST) {
            registers(code[pc + 1], code[pc + 1] + code[pc + 2] - 1, into);
        } else if (op == OP_FORRANGE) {
            registers((w >>> 8) + 1, (w >>> 8) + code[pc + 1], into);
        }
    }

    /** Each opcode's operand letters ("A", "K", "N", ...). */
    private static final String[][] LETTERS = new String[Opcode.count()][];

    static {
        for (int op = 0; op < LETTERS.length; op++) {
            String operands = Opcode.of(op).operands;
            LETTERS[op] = operands.isEmpty() ? new String[0] : operands.split(" ");
        }
    }

    /** A register operand (a negative one names a global). */
    private void register(int r, BitSet into) {
        if (r >= 0 && r < registers) {
            into.set(r);
        }
    }

    /** The register the instruction overwrites on every path through it, or -1 (FORNEXT writes only when it loops). */
    private static int kills(int[] code, int pc) {
        int op = code[pc] & 0xFF;
        return op == OP_GETGC || op == OP_CALL || op == OP_CALLM ? code[pc] >>> 8 : target(code, pc);
    }

    /** True when control never falls through to the next instruction. */
    private static boolean noFallThrough(int op) {
        return op == OP_JMP || op == OP_RET || op == OP_RET0 || op == OP_END;
    }

    // ------------------------------------------------------------------ runs and liveness

    private void findStarts() {
        starts.set(0);
        for (int pc = 0; pc < code.length; pc += words(code, pc)) {
            int t = Opcode.of(code[pc]).jumpTarget(code, pc);
            if (t >= 0) {
                starts.set(t);
            }
        }
        int[] handlers = proto.handlers;
        for (int i = 0; i < handlers.length; i += 4) {
            starts.set(handlers[i + 2]);
        }
    }

    /** Backward liveness to a fixed point. */
    private void solve() {
        int[] order = new int[code.length];
        int n = 0;
        for (int pc = 0; pc < code.length; pc += words(code, pc)) {
            order[n++] = pc;
            liveIn[pc] = new BitSet(registers);
        }
        BitSet out = new BitSet(registers);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                int pc = order[i];
                BitSet in = new BitSet(registers);
                if (readsAll(pc)) {
                    in.set(0, registers);
                } else {
                    liveOut(pc, out);
                    in.or(out);
                    int k = kills(code, pc);
                    if (k >= 0) {
                        in.clear(k);
                    }
                    if (barrier(code, pc)) {
                        barrierReads(pc, in);
                    } else {
                        reads(pc, in);
                    }
                }
                if (!in.equals(liveIn[pc])) {
                    liveIn[pc] = in;
                    changed = true;
                }
            }
        }
    }

    /** The registers live after the instruction at {@code pc}: the union over where control goes next. */
    private void liveOut(int pc, BitSet out) {
        out.clear();
        int op = code[pc] & 0xFF;
        int next = pc + words(code, pc);
        if (!noFallThrough(op) && next < code.length) {
            out.or(liveIn[next]);
        }
        int t = Opcode.of(code[pc]).jumpTarget(code, pc);
        if (t >= 0 && t < code.length) {
            out.or(liveIn[t]);
        }
        int h = proto.handlerAt(pc);
        if (h >= 0) {
            out.or(liveIn[proto.handlers[h + 2]]);
        }
    }

    /**
     * True when the value the instruction at {@code def} writes to {@code r}
     * is dead by the end of its straight run, with no barrier and no handler
     * that could still read it from the stack.
     */
    private boolean diesInRun(int def, int r) {
        for (int pc = def + words(code, def); pc < code.length; pc += words(code, pc)) {
            if (!liveIn[pc].get(r)) {
                return true;
            }
            if (starts.get(pc) || barrier(code, pc)) {
                return false;
            }
            int h = proto.handlerAt(pc);
            if (h >= 0 && liveIn[proto.handlers[h + 2]].get(r)) {
                return false;
            }
            if (kills(code, pc) == r) {
                return true; // read first (when it reads it), then overwritten
            }
            if (noFallThrough(code[pc] & 0xFF) || Opcode.of(code[pc]).jumpTarget(code, pc) >= 0) {
                BitSet out = new BitSet(registers);
                liveOut(pc, out);
                return !out.get(r);
            }
        }
        return true;
    }
}
