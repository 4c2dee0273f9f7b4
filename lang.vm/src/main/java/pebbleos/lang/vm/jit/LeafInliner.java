package pebbleos.lang.vm.jit;

import static org.objectweb.asm.Opcodes.*;
import static pebbleos.lang.vm.code.Opcode.OP_ADD;
import static pebbleos.lang.vm.code.Opcode.OP_ADDI;
import static pebbleos.lang.vm.code.Opcode.OP_CALLM;
import static pebbleos.lang.vm.code.Opcode.OP_CHECK;
import static pebbleos.lang.vm.code.Opcode.OP_END;
import static pebbleos.lang.vm.code.Opcode.OP_GETA;
import static pebbleos.lang.vm.code.Opcode.OP_GETG;
import static pebbleos.lang.vm.code.Opcode.OP_GETGC;
import static pebbleos.lang.vm.code.Opcode.OP_LOADK;
import static pebbleos.lang.vm.code.Opcode.OP_LOOKUP;
import static pebbleos.lang.vm.code.Opcode.OP_MOVE;
import static pebbleos.lang.vm.code.Opcode.OP_MUL;
import static pebbleos.lang.vm.code.Opcode.OP_MULI;
import static pebbleos.lang.vm.code.Opcode.OP_RET;
import static pebbleos.lang.vm.code.Opcode.OP_RET0;
import static pebbleos.lang.vm.code.Opcode.OP_SUB;
import static pebbleos.lang.vm.code.Opcode.OP_SUBI;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Proto;

/**
 * A call of a small leaf function made in line, as a guarded fast path
 * before the call: a getter, a dot product, an arithmetic helper. Its frame
 * push, the call into its compiled code and the return were most of the cost
 * of such a call (a call of a method returning a constant ~23 ns, a loop's
 * whole iteration without it ~11 ns).
 *
 * <p>The callee is chosen when the caller is translated: the one function of
 * the caller's unit with the called name and arity, when its code is a
 * straight run of reads and integer arithmetic ending in a return
 * ({@link #inlinable}). At run time the fast path checks that the value
 * called is that function of the caller's module, then runs the body on JVM
 * locals: attributes only through the callee's inline caches, arithmetic only
 * on ints that do not overflow. Whatever it does not handle (another callee,
 * a cache miss, a float, a missing global) goes to the ordinary call, which
 * then does the whole call itself: the body has no effect anyone could see
 * (it reads, computes and returns), so starting again is exact.
 */
final class LeafInliner {
    /** A leaf longer than this stays a call: its inline code would grow every caller. */
    static final int MAX_INSTRUCTIONS = 12;
    /** A leaf with more registers than this stays a call. */
    static final int MAX_REGISTERS = 16;
    /** A caller with more call sites than this inlines only the first ones. */
    static final int MAX_SITES = 8;
    /** JVM locals a fast path may take (the callee value, its caches, its registers as Objects and as longs, scratch). */
    static final int LOCALS = 2 + 3 * MAX_REGISTERS + 6;

    private static final String MACHINE = "pebbleos/lang/vm/machine/Machine";
    private static final String FRAME = "pebbleos/lang/vm/machine/Frame";
    private static final String VM_FUNCTION = "pebbleos/lang/vm/machine/VmFunction";
    private static final String FUNCTION = "pebbleos/lang/core/runtime/PFunction";
    private static final String INSTANCE = "pebbleos/lang/core/runtime/PInstance";
    private static final String MODULE = "pebbleos/lang/core/runtime/PModule";
    private static final String PROTO = "pebbleos/lang/vm/code/Proto";
    private static final String UNIT = "pebbleos/lang/vm/code/Unit";
    private static final String RUNTIME_OPS = "pebbleos/lang/core/runtime/Ops";
    private static final String PLIST = "pebbleos/api/value/PList";
    private static final String PNONE = "pebbleos/api/value/PNone";
    private static final String LONG = "java/lang/Long";
    private static final String O = "Ljava/lang/Object;";

    private LeafInliner() {
    }

    // ------------------------------------------------------------------ which callee

    /**
     * The leaf that the CALL or CALLM at {@code pc} of {@code caller} is
     * inlined with, or null: the only function of the unit with the called
     * name (a LOOKUP's for CALLM, the global's of GETGC for CALL) and the
     * call's arity, when {@link #inlinable}.
     */
    static Proto candidate(Proto caller, int pc) {
        int[] code = caller.code;
        int a = code[pc] >>> 8;
        boolean method = (code[pc] & 0xFF) == OP_CALLM;
        int arity = code[pc + 1] + (method ? 1 : 0);
        String name = null;
        for (int q = 0; q < pc; q += Opcode.of(code[q]).words) {
            int op = code[q] & 0xFF;
            if ((code[q] >>> 8) != a) {
                continue;
            }
            if (method && op == OP_LOOKUP && caller.constants[code[q + 1]] instanceof String s) {
                name = s;
            } else if (!method && op == OP_GETGC) {
                name = caller.unit().globalNames[code[q + 1]];
            }
        }
        if (name == null) {
            return null;
        }
        Proto found = null;
        for (Proto p : caller.unit().protos) {
            if (p != caller && !p.isModule && p.arity == arity && p.name.equals(name)) {
                if (found != null) {
                    return null; // two of that name: which one runs is the call's to find out
                }
                found = p;
            }
        }
        return found != null && inlinable(found) ? found : null;
    }

    /**
     * A straight run of at most {@link #MAX_INSTRUCTIONS} reads (MOVE, LOADK,
     * GETG, GETA, CHECK of an assigned local) and integer arithmetic (ADD,
     * SUB, MUL and their immediate forms), ending in a return; no cells, no
     * captured variables, no handlers, each register written before it is read.
     */
    static boolean inlinable(Proto p) {
        if (p.isModule || p.handlers.length > 0 || p.cellSlots.length > 0 || p.freeNames.length > 0
                || p.registers > MAX_REGISTERS) {
            return false;
        }
        int[] code = p.code;
        boolean[] set = new boolean[p.registers];
        for (int r = 0; r < p.arity; r++) {
            set[r] = true;
        }
        int count = 0;
        for (int pc = 0; pc < code.length && ++count <= MAX_INSTRUCTIONS; pc += Opcode.of(code[pc]).words) {
            int op = code[pc] & 0xFF;
            int a = code[pc] >>> 8;
            switch (op) {
                case OP_RET -> {
                    return set[a];
                }
                case OP_RET0, OP_END -> {
                    return true;
                }
                case OP_CHECK -> {
                    if (!set[a]) {
                        return false;
                    }
                }
                case OP_LOADK, OP_GETG -> set[a] = true;
                case OP_MOVE, OP_GETA, OP_ADDI, OP_SUBI, OP_MULI -> {
                    if (!set[code[pc + 1]]) {
                        return false;
                    }
                    set[a] = true;
                }
                case OP_ADD, OP_SUB, OP_MUL -> {
                    int x = code[pc + 1];
                    int y = code[pc + 2];
                    if ((x >= 0 && !set[x]) || (y >= 0 && !set[y])) {
                        return false;
                    }
                    set[a] = true;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the fast path

    /**
     * Emit the fast path of the call at {@code pc} (callee in register
     * {@code a}, its arguments after it) into {@code leaf}: it stores the
     * result in register {@code a} and jumps to {@code done}, or jumps to
     * {@code slow}, where the caller emits the ordinary call. {@code first}
     * is the first JVM local the fast path may use; {@code locals} names the
     * translator's own.
     */
    static void emit(MethodVisitor mv, Locals locals, int first, Proto caller, int pc, Proto leaf,
            Label slow, Label done) {
        new Emitter(mv, locals, first, leaf, slow).emit((caller.code[pc] & 0xFF) == OP_CALLM,
                caller.code[pc] >>> 8, done);
    }

    /** JVM locals of the translated run method that the fast path reads. */
    record Locals(int machine, int frame, int stack, int base, int module, int constants) {
    }

    private static final class Emitter {
        private final MethodVisitor mv;
        private final Locals l;
        private final Proto leaf;
        private final Label slow;
        /** JVM locals: the callee value, the callee's caches, registers as Objects, registers as longs, scratch longs. */
        private final int callee;
        private final int caches;
        private final int objects;
        private final int longs;
        private final int scratch;
        /** Per register: its value is a long in its long local (else an Object in its Object local). */
        private final boolean[] isLong;
        /** Per register: its value is an argument's, copied on return as the call's entry would have. */
        private final boolean[] argument;

        Emitter(MethodVisitor mv, Locals l, int first, Proto leaf, Label slow) {
            this.mv = mv;
            this.l = l;
            this.leaf = leaf;
            this.slow = slow;
            this.callee = first;
            this.caches = first + 1;
            this.objects = first + 2;
            this.longs = objects + leaf.registers;
            this.scratch = longs + 2 * leaf.registers;
            this.isLong = new boolean[leaf.registers];
            this.argument = new boolean[leaf.registers];
        }

        void emit(boolean method, int a, Label done) {
            guard(method, a);
            for (int r = 0; r < leaf.arity; r++) {
                register(a + 1 + r);
                mv.visitVarInsn(ASTORE, objects + r);
                argument[r] = true;
            }
            int[] code = leaf.code;
            for (int pc = 0;; pc += Opcode.of(code[pc]).words) {
                if (instruction(pc, code[pc] & 0xFF, code[pc] >>> 8)) {
                    break;
                }
            }
            // the result in the call's register, as the return would leave it
            mv.visitVarInsn(ASTORE, callee);
            mv.visitVarInsn(ALOAD, l.stack);
            absolute(a);
            mv.visitVarInsn(ALOAD, callee);
            mv.visitInsn(AASTORE);
            mv.visitJumpInsn(GOTO, done);
        }

        /**
         * On to the fast path only when the callee is the leaf's function of
         * this module, a method gets its receiver, and a frame more would not
         * pass the depth limit (the call would raise there).
         */
        private void guard(boolean method, int a) {
            register(a);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, callee);
            mv.visitTypeInsn(INSTANCEOF, VM_FUNCTION);
            mv.visitJumpInsn(IFEQ, slow);
            mv.visitVarInsn(ALOAD, callee);
            mv.visitTypeInsn(CHECKCAST, VM_FUNCTION);
            mv.visitFieldInsn(GETFIELD, VM_FUNCTION, "proto", "L" + PROTO + ";");
            mv.visitVarInsn(ALOAD, l.frame);
            mv.visitFieldInsn(GETFIELD, FRAME, "proto", "L" + PROTO + ";");
            mv.visitMethodInsn(INVOKEVIRTUAL, PROTO, "unit", "()L" + UNIT + ";", false);
            mv.visitFieldInsn(GETFIELD, UNIT, "protos", "[L" + PROTO + ";");
            Translator.push(mv, leaf.index());
            mv.visitInsn(AALOAD);
            mv.visitJumpInsn(IF_ACMPNE, slow);
            mv.visitVarInsn(ALOAD, callee);
            mv.visitTypeInsn(CHECKCAST, FUNCTION);
            mv.visitFieldInsn(GETFIELD, FUNCTION, "module", "L" + MODULE + ";");
            mv.visitVarInsn(ALOAD, l.module);
            mv.visitJumpInsn(IF_ACMPNE, slow);
            if (method) {
                register(a + 1);
                mv.visitFieldInsn(GETSTATIC, MACHINE, "NOSELF", O);
                mv.visitJumpInsn(IF_ACMPEQ, slow);
            }
            mv.visitVarInsn(ALOAD, l.machine);
            mv.visitFieldInsn(GETFIELD, MACHINE, "fp", "I");
            Translator.push(mv, pebbleos.lang.core.builtins.Limits.MAX_DEPTH - 1);
            mv.visitJumpInsn(IF_ICMPGE, slow);
            if (hasAttributes()) {
                mv.visitVarInsn(ALOAD, l.module);
                mv.visitVarInsn(ALOAD, callee);
                mv.visitTypeInsn(CHECKCAST, VM_FUNCTION);
                mv.visitFieldInsn(GETFIELD, VM_FUNCTION, "proto", "L" + PROTO + ";");
                mv.visitMethodInsn(INVOKESTATIC, "pebbleos/lang/vm/machine/JitOps", "caches",
                        "(L" + MODULE + ";L" + PROTO + ";)[" + O, false);
                mv.visitVarInsn(ASTORE, caches);
            }
        }

        private boolean hasAttributes() {
            int[] code = leaf.code;
            for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).words) {
                if ((code[pc] & 0xFF) == OP_GETA) {
                    return true;
                }
            }
            return false;
        }

        /** One instruction of the leaf; true when it returned (its value on the operand stack). */
        private boolean instruction(int pc, int op, int a) {
            int[] code = leaf.code;
            switch (op) {
                case OP_RET -> {
                    object(a);
                    if (argument[a] && !isLong[a]) {
                        mv.visitMethodInsn(INVOKESTATIC, PLIST, "copyValue", "(" + O + ")" + O, false);
                    }
                    return true;
                }
                case OP_RET0 -> {
                    mv.visitFieldInsn(GETSTATIC, RUNTIME_OPS, "ZERO", "L" + LONG + ";");
                    return true;
                }
                case OP_END -> {
                    mv.visitFieldInsn(GETSTATIC, PNONE, "NONE", "L" + PNONE + ";");
                    return true;
                }
                case OP_CHECK -> {
                    // inlinable: the local is assigned on the straight run before
                }
                case OP_MOVE -> {
                    int b = code[pc + 1];
                    if (isLong[b]) {
                        mv.visitVarInsn(LLOAD, longs + 2 * b);
                        mv.visitVarInsn(LSTORE, longs + 2 * a);
                    } else {
                        mv.visitVarInsn(ALOAD, objects + b);
                        mv.visitVarInsn(ASTORE, objects + a);
                    }
                    isLong[a] = isLong[b];
                    argument[a] = argument[b];
                }
                case OP_LOADK -> {
                    mv.visitVarInsn(ALOAD, l.constants);
                    Translator.push(mv, code[pc + 1]);
                    mv.visitInsn(AALOAD);
                    written(a);
                }
                case OP_GETG -> {
                    global(code[pc + 1]);
                    mv.visitInsn(DUP);
                    mv.visitVarInsn(ASTORE, objects + a);
                    mv.visitJumpInsn(IFNULL, slow);
                    isLong[a] = false;
                    argument[a] = false;
                }
                case OP_GETA -> {
                    int b = code[pc + 1];
                    if (isLong[b]) {
                        mv.visitJumpInsn(GOTO, slow); // an int's attribute: the call's to find
                        return false;
                    }
                    mv.visitVarInsn(ALOAD, objects + b);
                    mv.visitTypeInsn(INSTANCEOF, INSTANCE);
                    mv.visitJumpInsn(IFEQ, slow);
                    mv.visitVarInsn(ALOAD, objects + b);
                    mv.visitTypeInsn(CHECKCAST, INSTANCE);
                    mv.visitVarInsn(ALOAD, caches);
                    Translator.push(mv, pc); // the site: its code index, as the callee's own code caches it
                    mv.visitInsn(AALOAD);
                    mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "getCached", "(" + O + ")" + O, false);
                    mv.visitInsn(DUP);
                    mv.visitVarInsn(ASTORE, objects + a);
                    Label hit = new Label();
                    mv.visitJumpInsn(IFNONNULL, hit);
                    // a miss (the first calls): the field looked up and cached here, so that the
                    // call is not taken while HotSpot profiles this code (it then compiles it out)
                    mv.visitVarInsn(ALOAD, objects + b);
                    mv.visitTypeInsn(CHECKCAST, INSTANCE);
                    mv.visitVarInsn(ALOAD, l.constants);
                    Translator.push(mv, code[pc + 2]);
                    mv.visitInsn(AALOAD);
                    mv.visitTypeInsn(CHECKCAST, "java/lang/String");
                    mv.visitVarInsn(ALOAD, caches);
                    Translator.push(mv, pc);
                    mv.visitMethodInsn(INVOKESTATIC, "pebbleos/lang/vm/machine/JitOps", "fieldMiss",
                            "(L" + INSTANCE + ";Ljava/lang/String;[" + O + "I)" + O, false);
                    mv.visitInsn(DUP);
                    mv.visitVarInsn(ASTORE, objects + a);
                    mv.visitJumpInsn(IFNULL, slow);
                    mv.visitLabel(hit);
                    isLong[a] = false;
                    argument[a] = false;
                }
                case OP_ADD, OP_SUB, OP_MUL -> arithmetic(op, a, code[pc + 1], code[pc + 2], false);
                case OP_ADDI, OP_SUBI, OP_MULI -> arithmetic(op, a, code[pc + 1], code[pc + 2], true);
                default -> throw new IllegalStateException("not a leaf instruction: " + op);
            }
            return false;
        }

        /** ADD, SUB, MUL (or an immediate form) on two ints: the result a long in register a's long local. */
        private void arithmetic(int op, int a, int x, int y, boolean immediate) {
            int lx = scratch;
            int ly = scratch + 2;
            int lr = scratch + 4;
            longOperand(x, lx);
            if (immediate) {
                mv.visitLdcInsn((long) y);
                mv.visitVarInsn(LSTORE, ly);
            } else {
                longOperand(y, ly);
            }
            Translator.checkedLong(mv, op, lx, ly, lr, slow);
            mv.visitVarInsn(LLOAD, lr);
            mv.visitVarInsn(LSTORE, longs + 2 * a);
            isLong[a] = true;
            argument[a] = false;
        }

        /** Operand w (a register, or global -1-w) as a long into {@code into}; not an int: to the call. */
        private void longOperand(int w, int into) {
            if (w >= 0 && isLong[w]) {
                mv.visitVarInsn(LLOAD, longs + 2 * w);
            } else {
                if (w >= 0) {
                    mv.visitVarInsn(ALOAD, objects + w);
                } else {
                    global(-1 - w);
                }
                mv.visitVarInsn(ASTORE, callee); // the callee value is not needed after the guard
                Translator.unboxLong(mv, callee, slow);
            }
            mv.visitVarInsn(LSTORE, into);
        }

        /** Register r's value as an Object on the operand stack (a long boxed). */
        private void object(int r) {
            if (isLong[r]) {
                mv.visitVarInsn(LLOAD, longs + 2 * r);
                mv.visitMethodInsn(INVOKESTATIC, LONG, "valueOf", "(J)L" + LONG + ";", false);
            } else {
                mv.visitVarInsn(ALOAD, objects + r);
            }
        }

        /** The Object on the operand stack is register r's new value. */
        private void written(int r) {
            mv.visitVarInsn(ASTORE, objects + r);
            isLong[r] = false;
            argument[r] = false;
        }

        /** The module's global g (null when unset: the builtins and runtime API are the call's to find). */
        private void global(int g) {
            mv.visitVarInsn(ALOAD, l.module);
            mv.visitFieldInsn(GETFIELD, MODULE, "values", "[" + O);
            Translator.push(mv, g);
            mv.visitInsn(AALOAD);
        }

        /** The caller's register r (on the value stack) onto the operand stack. */
        private void register(int r) {
            mv.visitVarInsn(ALOAD, l.stack);
            absolute(r);
            mv.visitInsn(AALOAD);
        }

        private void absolute(int r) {
            mv.visitVarInsn(ILOAD, l.base);
            if (r != 0) {
                Translator.push(mv, r);
                mv.visitInsn(IADD);
            }
        }
    }
}
