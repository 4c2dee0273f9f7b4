package pebbleos.lang.vm.jit;

import static org.objectweb.asm.Opcodes.*;
import static pebbleos.lang.vm.code.Opcode.OP_ADD;
import static pebbleos.lang.vm.code.Opcode.OP_ADDI;
import static pebbleos.lang.vm.code.Opcode.OP_CALL;
import static pebbleos.lang.vm.code.Opcode.OP_CALLM;
import static pebbleos.lang.vm.code.Opcode.OP_CAUGHT;
import static pebbleos.lang.vm.code.Opcode.OP_CHECK;
import static pebbleos.lang.vm.code.Opcode.OP_CHKBASE;
import static pebbleos.lang.vm.code.Opcode.OP_CHKCALL;
import static pebbleos.lang.vm.code.Opcode.OP_CLASS;
import static pebbleos.lang.vm.code.Opcode.OP_CLOSURE;
import static pebbleos.lang.vm.code.Opcode.OP_CONCAT3;
import static pebbleos.lang.vm.code.Opcode.OP_DELX;
import static pebbleos.lang.vm.code.Opcode.OP_DICTSET;
import static pebbleos.lang.vm.code.Opcode.OP_DIV;
import static pebbleos.lang.vm.code.Opcode.OP_END;
import static pebbleos.lang.vm.code.Opcode.OP_EQ;
import static pebbleos.lang.vm.code.Opcode.OP_FORNEXT;
import static pebbleos.lang.vm.code.Opcode.OP_FORRANGE;
import static pebbleos.lang.vm.code.Opcode.OP_GE;
import static pebbleos.lang.vm.code.Opcode.OP_GETA;
import static pebbleos.lang.vm.code.Opcode.OP_GETCELL;
import static pebbleos.lang.vm.code.Opcode.OP_GETCG;
import static pebbleos.lang.vm.code.Opcode.OP_GETFREE;
import static pebbleos.lang.vm.code.Opcode.OP_GETG;
import static pebbleos.lang.vm.code.Opcode.OP_GETGC;
import static pebbleos.lang.vm.code.Opcode.OP_GETNS;
import static pebbleos.lang.vm.code.Opcode.OP_GETX;
import static pebbleos.lang.vm.code.Opcode.OP_GT;
import static pebbleos.lang.vm.code.Opcode.OP_IADD;
import static pebbleos.lang.vm.code.Opcode.OP_IDIV;
import static pebbleos.lang.vm.code.Opcode.OP_IMPORT;
import static pebbleos.lang.vm.code.Opcode.OP_IN;
import static pebbleos.lang.vm.code.Opcode.OP_INCG;
import static pebbleos.lang.vm.code.Opcode.OP_ITER;
import static pebbleos.lang.vm.code.Opcode.OP_JEQ;
import static pebbleos.lang.vm.code.Opcode.OP_JEQI;
import static pebbleos.lang.vm.code.Opcode.OP_JF;
import static pebbleos.lang.vm.code.Opcode.OP_JGE;
import static pebbleos.lang.vm.code.Opcode.OP_JGEI;
import static pebbleos.lang.vm.code.Opcode.OP_JGT;
import static pebbleos.lang.vm.code.Opcode.OP_JGTI;
import static pebbleos.lang.vm.code.Opcode.OP_JLE;
import static pebbleos.lang.vm.code.Opcode.OP_JLEI;
import static pebbleos.lang.vm.code.Opcode.OP_JLT;
import static pebbleos.lang.vm.code.Opcode.OP_JLTI;
import static pebbleos.lang.vm.code.Opcode.OP_JMP;
import static pebbleos.lang.vm.code.Opcode.OP_JNE;
import static pebbleos.lang.vm.code.Opcode.OP_JNEI;
import static pebbleos.lang.vm.code.Opcode.OP_JT;
import static pebbleos.lang.vm.code.Opcode.OP_LE;
import static pebbleos.lang.vm.code.Opcode.OP_LOADK;
import static pebbleos.lang.vm.code.Opcode.OP_LOOKUP;
import static pebbleos.lang.vm.code.Opcode.OP_LT;
import static pebbleos.lang.vm.code.Opcode.OP_MEMBER;
import static pebbleos.lang.vm.code.Opcode.OP_MOD;
import static pebbleos.lang.vm.code.Opcode.OP_MODULE;
import static pebbleos.lang.vm.code.Opcode.OP_MOVE;
import static pebbleos.lang.vm.code.Opcode.OP_MUL;
import static pebbleos.lang.vm.code.Opcode.OP_MULI;
import static pebbleos.lang.vm.code.Opcode.OP_NE;
import static pebbleos.lang.vm.code.Opcode.OP_NEG;
import static pebbleos.lang.vm.code.Opcode.OP_NEWDICT;
import static pebbleos.lang.vm.code.Opcode.OP_NEWLIST;
import static pebbleos.lang.vm.code.Opcode.OP_NEWNS;
import static pebbleos.lang.vm.code.Opcode.OP_NIN;
import static pebbleos.lang.vm.code.Opcode.OP_NOT;
import static pebbleos.lang.vm.code.Opcode.OP_POS;
import static pebbleos.lang.vm.code.Opcode.OP_POW;
import static pebbleos.lang.vm.code.Opcode.OP_PRINT;
import static pebbleos.lang.vm.code.Opcode.OP_PRINTNL;
import static pebbleos.lang.vm.code.Opcode.OP_RAISE;
import static pebbleos.lang.vm.code.Opcode.OP_RERAISE;
import static pebbleos.lang.vm.code.Opcode.OP_RET;
import static pebbleos.lang.vm.code.Opcode.OP_RET0;
import static pebbleos.lang.vm.code.Opcode.OP_SETA;
import static pebbleos.lang.vm.code.Opcode.OP_SETCELL;
import static pebbleos.lang.vm.code.Opcode.OP_SETG;
import static pebbleos.lang.vm.code.Opcode.OP_SETL;
import static pebbleos.lang.vm.code.Opcode.OP_SETNS;
import static pebbleos.lang.vm.code.Opcode.OP_SETX;
import static pebbleos.lang.vm.code.Opcode.OP_SLICE;
import static pebbleos.lang.vm.code.Opcode.OP_SUB;
import static pebbleos.lang.vm.code.Opcode.OP_SUBI;
import static pebbleos.lang.vm.code.Opcode.OP_THROW;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Proto;

/**
 * Translates one proto to a JVM class: a subclass of {@code machine.Compiled}
 * whose {@code run} method holds the proto's instructions one after the
 * other, registers still on the machine's value stack, except the values
 * {@link Temporaries} finds used up within their straight run, which stay
 * in JVM locals (an integer sum or product there as an unboxed {@code long}
 * until something needs its box). Fast paths and slow
 * paths are the static methods of {@code machine.JitOps} (which HotSpot
 * inlines), the rare instructions go to {@code machine.RareInstructions} as in the
 * dispatch loop. Control flow becomes JVM jumps; backward jumps read the
 * task's attention flag and bail out to the machine when it is set.
 *
 * <p>Entry points are pc 0 and the targets of backward jumps (loop heads),
 * chosen by a switch on the frame's pc: the machine enters compiled code
 * only there, so every loop keeps a single entry and HotSpot compiles it as
 * an ordinary loop.
 */
final class Translator {
    /** Generated code larger than this is not compiled by HotSpot (DontCompileHugeMethods): leave it interpreted. */
    static final int MAX_CODE_BYTES = 8000;

    private static final String PACKAGE = "pebbleos/lang/vm/machine/";
    private static final String MACHINE = PACKAGE + "Machine";
    private static final String FRAME = PACKAGE + "Frame";
    private static final String OPS = PACKAGE + "JitOps";
    private static final String SLOW = PACKAGE + "SlowPaths";
    private static final String COMPILED = PACKAGE + "Compiled";
    private static final String VM_FUNCTION = PACKAGE + "VmFunction";
    private static final String PROTO = "pebbleos/lang/vm/code/Proto";
    private static final String MODULE = "pebbleos/lang/core/runtime/PModule";
    private static final String RUNTIME_OPS = "pebbleos/lang/core/runtime/Ops";
    private static final String CELL = "pebbleos/lang/core/runtime/Cell";
    private static final String CONTEXT = "pebbleos/api/process/TaskContext";
    private static final String PLIST = "pebbleos/api/value/PList";
    private static final String PNONE = "pebbleos/api/value/PNone";
    private static final String BUILTIN = "pebbleos/lang/core/runtime/PBuiltin";
    private static final String O = "Ljava/lang/Object;";
    private static final String OO_O = "(" + O + O + ")" + O;

    // JVM locals of run(Machine m, Frame f, int depth)
    private static final int M = 1;
    private static final int F = 2;
    private static final int DEPTH = 3;
    private static final int ST = 4;
    private static final int BASE = 5;
    private static final int MOD = 6;
    private static final int K = 7;
    private static final int CTX = 8;
    /** The pc of the running instruction, for the handler that locates errors. */
    private static final int PC = 9;
    private static final int TMP = 10;
    /** The proto's inline caches in the frame's module (only when it has sites). */
    private static final int CACHES = 11;
    private static final LeafInliner.Locals LOCALS = new LeafInliner.Locals(M, F, ST, BASE, MOD, K);

    private final Proto proto;
    private final int[] code;
    private final Label[] labels;
    private final Temporaries temporaries;
    /** Registers whose value is in their JVM local (not on the value stack) at this point of the translation. */
    private final BitSet inLocal = new BitSet();
    /**
     * Registers of {@link #inLocal} whose value is a long in their long
     * local, while their Object local holds null (else it holds the value):
     * an integer sum or product used up within its run is never boxed.
     */
    private final BitSet inLong = new BitSet();
    /** The running instruction's written register stays in its local. */
    private boolean keep;
    /** The register of the pending {@link #storeTo}. */
    private int storing;
    private MethodVisitor mv;
    /** The leaf whose fast path each call site gets in line ({@link LeafInliner}), null for none. */
    private final Proto[] leaves;
    /** The loops whose written globals and carried registers stay in JVM locals ({@link PromotedLoops}). */
    private final List<PromotedLoops.Loop> loops;
    /** Whether some call site has a leaf's fast path (its locals are then reserved). */
    private final boolean hasLeaves;
    /** The loop of {@link #loops} the running instruction is in, or null. */
    private PromotedLoops.Loop current;
    /** The code run on a jump into a loop (its values loaded) or out of one (written back), each with its label. */
    private final Map<Trampoline, Label> trampolines = new HashMap<>();
    /** {@link #trampolines} in the order asked for (each is emitted once, at the end). */
    private final List<Trampoline> pending = new ArrayList<>();

    /** A jump into ({@code in}) or out of {@code loop}, going on to {@code target}. */
    private record Trampoline(boolean in, PromotedLoops.Loop loop, int target) {
    }

    private Translator(Proto proto, boolean inline) {
        this.proto = proto;
        this.code = proto.code;
        this.labels = new Label[code.length + 1];
        this.temporaries = Temporaries.of(proto);
        this.leaves = new Proto[code.length];
        int sites = 0;
        for (int pc = 0; inline && pc < code.length && sites < LeafInliner.MAX_SITES; pc += Opcode.of(code[pc]).words) {
            int op = code[pc] & 0xFF;
            if (op == OP_CALL || op == OP_CALLM) {
                leaves[pc] = LeafInliner.candidate(proto, pc);
                sites += leaves[pc] != null ? 1 : 0;
            }
        }
        this.loops = inline ? PromotedLoops.of(proto, leaves, temporaries) : List.of();
        this.hasLeaves = java.util.Arrays.stream(leaves).anyMatch(java.util.Objects::nonNull);
    }

    /**
     * The class file for {@code proto}, or null when its code would be too
     * large for HotSpot to compile; {@code inline}: with the leaves' fast
     * paths in line and the loops' values in locals.
     */
    static byte[] translate(Proto proto, String className, boolean inline) {
        byte[] classFile = new Translator(proto, inline).classFile(PACKAGE + className);
        // too large with the leaves' fast paths in line: the calls alone may fit
        return classFile != null || !inline ? classFile : new Translator(proto, false).classFile(PACKAGE + className);
    }

    private byte[] classFile(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // locals and stack slots are only ever used as Object
            }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, COMPILED, null);
        cw.visitSource(proto.file(), null);
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, COMPILED, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        mv = cw.visitMethod(ACC_PUBLIC, "run", "(L" + MACHINE + ";L" + FRAME + ";I)" + O, null, null);
        int size = run();
        cw.visitEnd();
        return size > MAX_CODE_BYTES ? null : cw.toByteArray();
    }

    /** Emit run(); returns its code size in bytes. */
    private int run() {
        TreeSet<Integer> entries = entries();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label bail = new Label();
        mv.visitCode();
        mv.visitTryCatchBlock(start, end, handler, null);
        // prologue: the frame's state in locals
        mv.visitVarInsn(ALOAD, M);
        mv.visitFieldInsn(GETFIELD, MACHINE, "stack", "[" + O);
        mv.visitVarInsn(ASTORE, ST);
        mv.visitVarInsn(ALOAD, F);
        mv.visitFieldInsn(GETFIELD, FRAME, "base", "I");
        mv.visitVarInsn(ISTORE, BASE);
        mv.visitVarInsn(ALOAD, F);
        mv.visitFieldInsn(GETFIELD, FRAME, "module", "L" + MODULE + ";");
        mv.visitVarInsn(ASTORE, MOD);
        mv.visitVarInsn(ALOAD, F);
        mv.visitFieldInsn(GETFIELD, FRAME, "proto", "L" + PROTO + ";");
        mv.visitFieldInsn(GETFIELD, PROTO, "constants", "[" + O);
        mv.visitVarInsn(ASTORE, K);
        mv.visitVarInsn(ALOAD, M);
        mv.visitFieldInsn(GETFIELD, MACHINE, "ctx", "L" + CONTEXT + ";");
        mv.visitVarInsn(ASTORE, CTX);
        if (hasSites()) {
            mv.visitVarInsn(ALOAD, MOD);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "proto", "L" + PROTO + ";");
            ops("caches", "(L" + MODULE + ";L" + PROTO + ";)[" + O);
            mv.visitVarInsn(ASTORE, CACHES);
        }
        push(0);
        mv.visitVarInsn(ISTORE, PC);
        initPromoted();
        mv.visitLabel(start);
        int[] keys = entries.stream().mapToInt(Integer::intValue).toArray();
        Label[] targets = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) {
            targets[i] = to(keys[i]); // the machine enters from outside any loop
        }
        mv.visitVarInsn(ALOAD, F);
        mv.visitFieldInsn(GETFIELD, FRAME, "pc", "I");
        mv.visitLookupSwitchInsn(bail, keys, targets);
        for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).words) {
            PromotedLoops.Loop loop = loopAt(pc);
            if (loop != null && loop.start() == pc) {
                current = null;
                mv.visitJumpInsn(GOTO, to(pc)); // falling into the loop: its globals into locals first
            }
            current = loop;
            mv.visitLabel(label(pc));
            if (temporaries.start(pc)) {
                inLocal.clear(); // control may come from elsewhere: every register is on the stack
                inLong.clear();
                holdPromoted(); // but the loop's own, in their locals on every way in
            }
            int written = Temporaries.target(code, pc);
            keep = temporaries.kept(pc) || (loop != null && written >= 0 && loop.holds(written));
            instruction(pc);
            if (Temporaries.barrier(code, pc)) {
                inLocal.clear(); // the machine may have written registers on the stack
                inLong.clear();
                holdPromoted();
            }
            if (loop != null && pc + Opcode.of(code[pc]).words == loop.end()) {
                current = null;
                mv.visitJumpInsn(GOTO, exit(loop, loop.end())); // falling out of the loop
                for (int r : loop.registers()) {
                    inLocal.clear(r); // written back to the stack on the way
                    inLong.clear(r);
                }
            }
        }
        current = null;
        mv.visitLabel(end);
        // not an entry point: let the machine interpret from there
        mv.visitLabel(bail);
        mv.visitFieldInsn(GETSTATIC, COMPILED, "BAIL", O);
        mv.visitInsn(ARETURN);
        emitTrampolines();
        // an exception leaving the code: the frame's pc on the failing instruction (when it is on top)
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, TMP);
        writeBackOnError();
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, F);
        mv.visitVarInsn(ILOAD, PC);
        ops("at", "(L" + MACHINE + ";L" + FRAME + ";I)V");
        mv.visitVarInsn(ALOAD, TMP);
        mv.visitInsn(ATHROW);
        Label last = new Label();
        mv.visitLabel(last);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return last.getOffset();
    }

    /** Whether the proto has instructions with an inline cache (GETA, SETA, LOOKUP). */
    private boolean hasSites() {
        for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).words) {
            int op = code[pc] & 0xFF;
            if (op == OP_GETA || op == OP_SETA || op == OP_LOOKUP) {
                return true;
            }
        }
        return false;
    }

    /** pc 0 and the targets of backward jumps. */
    private TreeSet<Integer> entries() {
        TreeSet<Integer> entries = new TreeSet<>();
        entries.add(0);
        for (int pc = 0; pc < code.length; pc += Opcode.of(code[pc]).words) {
            int t = Opcode.of(code[pc]).jumpTarget(code, pc);
            if (t >= 0 && t <= pc) {
                entries.add(t);
            }
        }
        return entries;
    }

    private Label label(int pc) {
        if (labels[pc] == null) {
            labels[pc] = new Label();
        }
        return labels[pc];
    }

    // ------------------------------------------------------------------ instructions

    private void instruction(int pc) {
        int w = code[pc];
        int op = w & 0xFF;
        int a = w >>> 8;
        int b = pc + 1 < code.length ? code[pc + 1] : 0;
        int c = pc + 2 < code.length ? code[pc + 2] : 0;
        if (op != OP_MOVE && op != OP_LOADK && op != OP_JMP) {
            push(pc);
            mv.visitVarInsn(ISTORE, PC);
        }
        switch (op) {
            case OP_MOVE -> {
                storeTo(a);
                register(b);
                store();
            }
            case OP_LOADK -> {
                storeTo(a);
                constant(b);
                store();
            }
            case OP_CHECK -> {
                register(a);
                mv.visitLdcInsn(proto.localNames[a]);
                ops("checked", "(" + O + "Ljava/lang/String;)" + O);
                mv.visitInsn(POP);
            }
            case OP_SETL -> {
                storeTo(a);
                register(b);
                copyValue();
                store();
            }
            case OP_GETCELL -> {
                storeTo(a);
                register(b);
                mv.visitLdcInsn(proto.localNames[b]);
                mv.visitMethodInsn(INVOKESTATIC, SLOW, "cellValue", "(" + O + "Ljava/lang/String;)" + O, false);
                store();
            }
            case OP_SETCELL -> {
                register(a);
                mv.visitTypeInsn(CHECKCAST, CELL);
                register(b);
                copyValue();
                mv.visitFieldInsn(PUTFIELD, CELL, "value", O);
            }
            case OP_GETFREE -> {
                storeTo(a);
                mv.visitVarInsn(ALOAD, F);
                mv.visitFieldInsn(GETFIELD, FRAME, "function", "L" + VM_FUNCTION + ";");
                mv.visitFieldInsn(GETFIELD, VM_FUNCTION, "closure", "[L" + CELL + ";");
                push(b);
                mv.visitInsn(AALOAD);
                mv.visitLdcInsn(proto.freeNames[b]);
                mv.visitMethodInsn(INVOKESTATIC, SLOW, "cellValue", "(" + O + "Ljava/lang/String;)" + O, false);
                store();
            }
            case OP_GETG -> {
                if (keep && promoted(b) >= 0) {
                    promotedToRegister(a, b);
                    break;
                }
                storeTo(a);
                global(b);
                store();
            }
            case OP_GETGC -> {
                storeTo(a);
                mv.visitVarInsn(ALOAD, M);
                mv.visitVarInsn(ALOAD, MOD);
                push(b);
                push(c);
                ops("callee", "(L" + MACHINE + ";L" + MODULE + ";II)" + O);
                store();
            }
            case OP_SETG -> {
                if (promoted(b) >= 0) {
                    setPromoted(b, a);
                    break;
                }
                mv.visitVarInsn(ALOAD, MOD);
                push(b);
                register(a);
                ops("setGlobal", "(L" + MODULE + ";I" + O + ")V");
            }
            case OP_ADD, OP_SUB, OP_MUL -> {
                if (keep || isLong(b) || isLong(c)) {
                    longArithmetic(op, a, b, c, false);
                } else {
                    binary(a, b, c, OPS, arithmetic(op));
                }
            }
            case OP_MOD -> binary(a, b, c, OPS, "mod");
            case OP_DIV -> binary(a, b, c, RUNTIME_OPS, "div");
            case OP_IDIV -> binary(a, b, c, RUNTIME_OPS, "floorDiv");
            case OP_POW -> binary(a, b, c, RUNTIME_OPS, "pow");
            case OP_ADDI, OP_SUBI, OP_MULI -> {
                if (keep || isLong(b)) {
                    longArithmetic(op, a, b, c, true);
                } else {
                    immediate(a, b, c, arithmetic(op));
                }
            }
            case OP_CONCAT3 -> {
                storeTo(a);
                register(b);
                register(c);
                register(code[pc + 3]);
                ops("concat3", "(" + O + O + O + ")" + O);
                store();
            }
            case OP_LT -> binary(a, b, c, OPS, "lt");
            case OP_LE -> binary(a, b, c, RUNTIME_OPS, "le");
            case OP_GT -> binary(a, b, c, RUNTIME_OPS, "gt");
            case OP_GE -> binary(a, b, c, RUNTIME_OPS, "ge");
            case OP_EQ -> binary(a, b, c, RUNTIME_OPS, "eq");
            case OP_NE -> binary(a, b, c, RUNTIME_OPS, "ne");
            // the container is read first, as the interpreter does
            case OP_IN -> binary(a, c, b, OPS, "in");
            case OP_NIN -> binary(a, c, b, OPS, "notIn");
            case OP_NEG -> unary(a, b, RUNTIME_OPS, "negate");
            case OP_POS -> unary(a, b, RUNTIME_OPS, "plus");
            case OP_NOT -> unary(a, b, OPS, "not");
            case OP_INCG -> {
                if (promoted(code[pc + 1]) >= 0) {
                    incrementPromoted(code[pc + 1], code[pc + 2], code[pc + 3] != 0);
                    break;
                }
                mv.visitVarInsn(ALOAD, M);
                mv.visitVarInsn(ALOAD, MOD);
                push(code[pc + 1]);
                mv.visitLdcInsn((long) code[pc + 2]);
                push(code[pc + 3]);
                ops("incg", "(L" + MACHINE + ";L" + MODULE + ";IJZ)V");
            }
            case OP_JMP -> jump(pc, code[pc + 1]);
            case OP_JT, OP_JF -> {
                register(a);
                ops("truthy", "(" + O + ")Z");
                branch(pc, op == OP_JT, b);
            }
            case OP_JLT, OP_JLE, OP_JGT, OP_JGE, OP_JEQ, OP_JNE -> {
                if (isLong(a) || isLong(b)) {
                    longTest(op - OP_JLT, a, b, false);
                    branch(pc, c != 0, code[pc + 3]);
                    break;
                }
                register(a);
                operand(b);
                ops(TESTS[op - OP_JLT], "(" + O + O + ")Z");
                branch(pc, c != 0, code[pc + 3]);
            }
            case OP_JLTI, OP_JLEI, OP_JGTI, OP_JGEI, OP_JEQI, OP_JNEI -> {
                if (isLong(a)) {
                    longTest(op - OP_JLTI, a, b, true);
                    branch(pc, c != 0, code[pc + 3]);
                    break;
                }
                register(a);
                mv.visitLdcInsn((long) b);
                ops(TESTS[op - OP_JLTI] + "I", "(" + O + "J)Z");
                branch(pc, c != 0, code[pc + 3]);
            }
            case OP_CHKCALL -> {
                register(a);
                push(b);
                mv.visitMethodInsn(INVOKESTATIC, SLOW, "precheck", "(" + O + "I)V", false);
            }
            case OP_CALL, OP_CALLM -> {
                Label done = new Label();
                if (inlineLeaf(pc, done)) {
                    callAfterLeaf(pc, a, b, op == OP_CALLM);
                    mv.visitLabel(done);
                    break;
                }
                Label general = new Label();
                if (op == OP_CALL && lengthTest(pc, a, b, general)) {
                    mv.visitLabel(general);
                }
                call(pc, a, b, op == OP_CALLM ? "callMethod" : "call");
            }
            case OP_LOOKUP -> {
                mv.visitVarInsn(ALOAD, M);
                mv.visitVarInsn(ALOAD, ST);
                absolute(a);
                constant(b);
                push(c);
                site(pc);
                ops("lookup", "(L" + MACHINE + ";[" + O + "I" + O + "I[" + O + "I)V");
            }
            case OP_RET -> {
                register(a);
                ret();
            }
            case OP_RET0 -> {
                mv.visitFieldInsn(GETSTATIC, RUNTIME_OPS, "ZERO", "Ljava/lang/Long;");
                ret();
            }
            case OP_END -> {
                mv.visitFieldInsn(GETSTATIC, PNONE, "NONE", "L" + PNONE + ";");
                ret();
            }
            case OP_NEWDICT -> {
                storeTo(a);
                ops("newDict", "()" + O);
                store();
            }
            case OP_GETX -> {
                if (!isLong(c)) {
                    binary(a, b, c, OPS, "getIndex");
                    break;
                }
                // an index kept as a long (a loop's counter): read without boxing it
                Label slow = new Label();
                Label done = new Label();
                storeTo(a);
                operand(b);
                mv.visitVarInsn(ALOAD, objectLocal(c));
                mv.visitJumpInsn(IFNONNULL, slow);
                mv.visitVarInsn(LLOAD, longLocalOf(c));
                ops("getIndexAt", "(" + O + "J)" + O);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(slow);
                operand(c);
                ops("getIndex", OO_O);
                mv.visitLabel(done);
                store();
            }
            case OP_SETX -> {
                register(a);
                if (isLong(b)) {
                    Label slow = new Label();
                    Label done = new Label();
                    mv.visitVarInsn(ALOAD, local(b));
                    mv.visitJumpInsn(IFNONNULL, slow);
                    mv.visitVarInsn(LLOAD, longLocal(b));
                    register(c);
                    ops("setIndexAt", "(" + O + "J" + O + ")V");
                    mv.visitJumpInsn(GOTO, done);
                    mv.visitLabel(slow);
                    register(b);
                    register(c);
                    ops("setIndex", "(" + O + O + O + ")V");
                    mv.visitLabel(done);
                    break;
                }
                register(b);
                register(c);
                ops("setIndex", "(" + O + O + O + ")V");
            }
            case OP_GETA -> {
                storeTo(a);
                register(b);
                name(c);
                site(pc);
                ops("getAttribute", "(" + O + "Ljava/lang/String;[" + O + "I)" + O);
                store();
            }
            case OP_SETA -> {
                register(a);
                name(b);
                register(c);
                site(pc);
                ops("setAttribute", "(" + O + "Ljava/lang/String;" + O + "[" + O + "I)V");
            }
            case OP_FORNEXT -> {
                Label done = new Label();
                register(a);
                ops("next", "(" + O + ")" + O);
                mv.visitVarInsn(ASTORE, TMP);
                mv.visitVarInsn(ALOAD, TMP);
                mv.visitJumpInsn(IFNULL, done);
                storeTo(b);
                mv.visitVarInsn(ALOAD, TMP);
                store();
                jump(pc, c);
                mv.visitLabel(done);
            }
            case OP_IADD -> rare(pc, code[pc + 3]);
            case OP_FORRANGE -> rare(pc, c);
            case OP_GETCG, OP_GETNS, OP_SETNS, OP_NEWLIST, OP_DICTSET, OP_DELX, OP_SLICE, OP_CLOSURE, OP_NEWNS,
                    OP_CHKBASE, OP_CLASS, OP_IMPORT, OP_MODULE, OP_MEMBER, OP_PRINT, OP_PRINTNL, OP_RAISE,
                    OP_RERAISE, OP_THROW, OP_CAUGHT, OP_ITER -> rare(pc, -1);
            default -> throw new IllegalArgumentException("no translation for opcode " + op);
        }
    }

    /** The JitOps tests of the compare-and-jumps, in opcode order. */
    private static final String[] TESTS = {"lessThan", "lessEqual", "greater", "greaterEqual", "equal", "notEqual"};

    /** R[a] = owner.name(operand x, operand y). */
    private void binary(int a, int x, int y, String owner, String name) {
        storeTo(a);
        operand(x);
        operand(y);
        mv.visitMethodInsn(INVOKESTATIC, owner, name, OO_O, false);
        store();
    }

    /** R[a] = JitOps.name(operand x, immediate). */
    private void immediate(int a, int x, int immediate, String name) {
        storeTo(a);
        operand(x);
        mv.visitLdcInsn((long) immediate);
        ops(name, "(" + O + "J)" + O);
        store();
    }

    /** R[a] = owner.name(R[x]). */
    private void unary(int a, int x, String owner, String name) {
        storeTo(a);
        register(x);
        mv.visitMethodInsn(INVOKESTATIC, owner, name, "(" + O + ")" + O, false);
        store();
    }

    // ------------------------------------------------------------------ integers unboxed

    /** The JVM tests of {@link #TESTS} on an LCMP result, in the same order. */
    private static final int[] LONG_TESTS = {IFLT, IFLE, IFGT, IFGE, IFEQ, IFNE};

    /**
     * ADD, SUB, MUL (or their immediate forms, {@code y} the immediate) on
     * two Longs, or registers {@link #inLong}: the sum in a JVM long, kept
     * there when the result's register stays in a local (used up within its
     * run), else boxed as the generic path would. Anything else, or an
     * overflow, takes the generic JitOps method, so the result is always
     * what {@link #binary} would give.
     */
    private void longArithmetic(int op, int a, int x, int y, boolean immediate) {
        Label slow = new Label();
        Label done = new Label();
        int ox = scratch();
        int oy = ox + 1;
        int lx = ox + 2;
        int ly = ox + 4;
        int lr = ox + 6;
        boolean kept = keep;
        operands(x, y, immediate, slow);
        checkedLong(mv, op, lx, ly, lr, slow);
        if (kept) {
            mv.visitVarInsn(LLOAD, lr);
            mv.visitVarInsn(LSTORE, longLocal(a));
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, local(a));
        } else {
            storeTo(a);
            mv.visitVarInsn(LLOAD, lr);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
            store();
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        if (!kept) {
            storeTo(a);
        }
        boxed(x, ox);
        if (immediate) {
            mv.visitLdcInsn((long) y);
            ops(arithmetic(op), "(" + O + "J)" + O);
        } else {
            boxed(y, oy);
            ops(arithmetic(op), OO_O);
        }
        if (kept) {
            // only now: the result's register may be an operand (a loop's `total = total + x`)
            mv.visitVarInsn(ASTORE, local(a));
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, longLocal(a)); // defined on both paths, for the verifier
        } else {
            store();
        }
        mv.visitLabel(done);
        if (kept) {
            inLocal.set(a);
            inLong.set(a);
        } else {
            inLong.clear(a);
        }
    }

    /**
     * ADD, SUB or MUL (or an immediate form) of the longs in locals lx and
     * ly into local lr, or a jump to {@code slow} where the result would not
     * fit (the general path then widens it).
     */
    static void checkedLong(MethodVisitor mv, int op, int lx, int ly, int lr, Label slow) {
        mv.visitVarInsn(LLOAD, lx);
        mv.visitVarInsn(LLOAD, ly);
        if (op == OP_MUL || op == OP_MULI) {
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME_OPS, "mulFits", "(JJ)Z", false);
            mv.visitJumpInsn(IFEQ, slow);
            mv.visitVarInsn(LLOAD, lx);
            mv.visitVarInsn(LLOAD, ly);
            mv.visitInsn(LMUL);
            mv.visitVarInsn(LSTORE, lr);
        } else {
            boolean add = op == OP_ADD || op == OP_ADDI;
            mv.visitInsn(add ? LADD : LSUB);
            mv.visitVarInsn(LSTORE, lr);
            mv.visitVarInsn(LLOAD, lx);
            mv.visitVarInsn(LLOAD, ly);
            mv.visitVarInsn(LLOAD, lr);
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME_OPS, add ? "addFits" : "subFits", "(JJJ)Z", false);
            mv.visitJumpInsn(IFEQ, slow);
        }
    }

    /** The JitOps method of ADD, SUB, MUL and their immediate forms. */
    private static String arithmetic(int op) {
        return switch (op) {
            case OP_ADD -> "add";
            case OP_SUB -> "sub";
            case OP_MUL -> "mul";
            case OP_ADDI -> "addi";
            case OP_SUBI -> "subi";
            default -> "muli";
        };
    }

    /**
     * A compare-and-jump's test ({@code kind} indexes {@link #TESTS}) with
     * an operand {@link #inLong}: an LCMP when both are longs, else the
     * generic test; the boolean is left on the operand stack.
     */
    private void longTest(int kind, int x, int y, boolean immediate) {
        Label slow = new Label();
        Label yes = new Label();
        Label done = new Label();
        int ox = scratch();
        operands(x, y, immediate, slow);
        mv.visitVarInsn(LLOAD, ox + 2);
        mv.visitVarInsn(LLOAD, ox + 4);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(LONG_TESTS[kind], yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        boxed(x, ox);
        if (immediate) {
            mv.visitLdcInsn((long) y);
            ops(TESTS[kind] + "I", "(" + O + "J)Z");
        } else {
            boxed(y, ox + 1);
            ops(TESTS[kind], "(" + O + O + ")Z");
        }
        mv.visitLabel(done);
    }

    /**
     * The two operands as longs in the scratch locals (x at +2, y at +4),
     * or a jump to {@code slow}. Operands not {@link #inLong} are read once,
     * in order (a global's read may fail), into the scratch Object locals
     * (+0, +1), where the slow path finds them.
     */
    private void operands(int x, int y, boolean immediate, Label slow) {
        int ox = scratch();
        if (!isLong(x)) {
            operand(x);
            mv.visitVarInsn(ASTORE, ox);
        }
        if (!immediate && !isLong(y)) {
            operand(y);
            mv.visitVarInsn(ASTORE, ox + 1);
        }
        unboxed(x, ox, ox + 2, slow);
        if (immediate) {
            mv.visitLdcInsn((long) y);
            mv.visitVarInsn(LSTORE, ox + 4);
        } else {
            unboxed(y, ox + 1, ox + 4, slow);
        }
    }

    /** Operand w as a long into local {@code into}, from its long local or from the Long in {@code object}; else to {@code slow}. */
    private void unboxed(int w, int object, int into, Label slow) {
        if (isLong(w)) {
            mv.visitVarInsn(ALOAD, objectLocal(w));
            mv.visitJumpInsn(IFNONNULL, slow);
            mv.visitVarInsn(LLOAD, longLocalOf(w));
        } else {
            unboxLong(mv, object, slow);
        }
        mv.visitVarInsn(LSTORE, into);
    }

    /** Operand w as an object: boxed from its long local, or read from {@code object}. */
    private void boxed(int w, int object) {
        if (isLong(w)) {
            operand(w);
        } else {
            mv.visitVarInsn(ALOAD, object);
        }
    }

    /** The object local of operand w {@link #isLong}: a register's, or a promoted global's. */
    private int objectLocal(int w) {
        return w >= 0 ? local(w) : promotedObject(-1 - w);
    }

    /** The long local beside {@link #objectLocal}. */
    private int longLocalOf(int w) {
        return w >= 0 ? longLocal(w) : promotedLong(-1 - w);
    }

    /** Whether operand w (a register, or a global when negative) is a register {@link #inLong}. */
    private boolean isLong(int w) {
        return w >= 0 ? inLong.get(w) : promoted(-1 - w) >= 0;
    }

    /**
     * CALL, CALLM: the return address saved first; bail out when the machine
     * must take over. Each site tests here what kind of callee it has (a
     * CALL: a builtin or not; a CALLM: a Pebble function or not) and calls
     * a helper for that kind, so that HotSpot sees at each site only the
     * kinds it calls (see {@code JitOps.callBuiltin}).
     */
    private void call(int pc, int a, int n, String name) {
        boolean method = name.equals("callMethod");
        Label other = new Label();
        Label result = new Label();
        Label done = new Label();
        beforeCall(pc);
        register(a);
        mv.visitTypeInsn(INSTANCEOF, method ? VM_FUNCTION : BUILTIN);
        mv.visitJumpInsn(method ? IFEQ : IFNE, other);
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, F);
        absolute(a);
        push(n);
        mv.visitVarInsn(ILOAD, DEPTH);
        ops(name, "(L" + MACHINE + ";L" + FRAME + ";III)" + O);
        mv.visitJumpInsn(GOTO, result);
        mv.visitLabel(other);
        if (method) {
            mv.visitVarInsn(ALOAD, M);
            mv.visitVarInsn(ALOAD, F);
            absolute(a);
            push(n);
            mv.visitVarInsn(ILOAD, DEPTH);
            ops("callOther", "(L" + MACHINE + ";L" + FRAME + ";III)" + O);
        } else {
            mv.visitVarInsn(ALOAD, M);
            absolute(a);
            push(n);
            ops("callBuiltin", "(L" + MACHINE + ";II)V");
            mv.visitJumpInsn(GOTO, done);
        }
        mv.visitLabel(result);
        afterCall(done);
    }

    /** Before a call: its return address saved, a loop's values written back for the callee (or the machine) to see. */
    private void beforeCall(int pc) {
        if (current != null) {
            writeBack(current);
        }
        savePc(pc + 2);
    }

    /**
     * After a call, its helper's value on the operand stack: BAIL returned
     * (the machine takes over), else the stack reloaded and a loop's globals
     * loaded again (the callee may have changed them); {@code done}, when
     * not null, joins there without a value.
     */
    private void afterCall(Label done) {
        Label returned = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, returned);
        mv.visitInsn(ARETURN);
        mv.visitLabel(returned);
        mv.visitInsn(POP);
        if (done != null) {
            mv.visitLabel(done);
        }
        reloadStack();
        if (current != null) {
            loadGlobals(current);
        }
    }

    /**
     * {@code while i < len(xs)}: a CALL of one argument whose result only
     * the compare-and-jump after it reads. When the callee is the builtin
     * {@code len} of a string, list or dict and the other operand a Long,
     * the test is made on longs here and the jump taken from here: the
     * length is never boxed nor stored, the call costs no frame state.
     * Else (or when {@code len} names something else now) {@code general}:
     * the call and the test as usual (calling {@code len} again there is
     * harmless: it has no effect). False when the site does not have that
     * shape; nothing was emitted.
     */
    private boolean lengthTest(int pc, int a, int n, Label general) {
        if (!lengthShape(code, pc, temporaries)) {
            return false;
        }
        int test = pc + Opcode.of(code[pc]).words;
        int op = code[test] & 0xFF;
        int x = code[test] >>> 8;
        int y = code[test + 1];
        int other = x == a ? y : x;
        int length = scratch() + 2;
        int value = scratch() + 4;
        register(a);
        register(a + 1);
        mv.visitMethodInsn(INVOKESTATIC, SLOW, "length", "(" + O + O + ")J", false);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, length);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, general);
        if (!isLong(other)) {
            register(other);
            mv.visitVarInsn(ASTORE, scratch());
        }
        unboxed(other, scratch(), value, general);
        mv.visitVarInsn(LLOAD, x == a ? length : value);
        mv.visitVarInsn(LLOAD, x == a ? value : length);
        mv.visitInsn(LCMP);
        Label yes = new Label();
        mv.visitJumpInsn(LONG_TESTS[op - OP_JLT], yes);
        mv.visitInsn(ICONST_0);
        Label decided = new Label();
        mv.visitJumpInsn(GOTO, decided);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(decided);
        branch(test, code[test + 2] != 0, code[test + 3]);
        mv.visitJumpInsn(GOTO, to(test + Opcode.of(code[test]).words));
        return true;
    }

    /**
     * The fast path of a small leaf callee before the call at {@code pc}
     * ({@link LeafInliner}), when the translation inlines and the call has
     * one; it goes to {@code done} with the result stored, or falls through
     * to the call.
     */
    private boolean inlineLeaf(int pc, Label done) {
        Proto leaf = leaves[pc];
        if (leaf == null) {
            return false;
        }
        Label slow = new Label();
        LeafInliner.emit(mv, LOCALS, leafLocals(), proto, pc, leaf, slow, done);
        mv.visitLabel(slow);
        return true;
    }

    /**
     * The call at a site whose leaf's fast path did not take it: one call of
     * {@code JitOps.callAfterLeaf}, which the script keeps out of line, so
     * that HotSpot compiles beside the fast path only that call, not the
     * whole way into a callee (a frame push, the callee's compiled code):
     * with it, objects' loop took C2 41-50 ms against 20-34 ms.
     */
    private void callAfterLeaf(int pc, int a, int n, boolean method) {
        beforeCall(pc);
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, F);
        absolute(a);
        push(n);
        mv.visitVarInsn(ILOAD, DEPTH);
        push(method ? 1 : 0);
        ops("callAfterLeaf", "(L" + MACHINE + ";L" + FRAME + ";IIIZ)" + O);
        afterCall(null);
    }

    // ------------------------------------------------------------------ a loop's globals and registers in locals

    /** The loop of {@link #loops} holding code index pc, or null. */
    private PromotedLoops.Loop loopAt(int pc) {
        for (PromotedLoops.Loop l : loops) {
            if (l.contains(pc)) {
                return l;
            }
        }
        return null;
    }

    /** Global g's slot in the running loop's promoted globals, or -1 (outside such a loop, or not one of them). */
    private int promoted(int g) {
        return current == null ? -1 : current.slot(g);
    }

    /** First JVM local of the leaves' fast paths. */
    private int leafLocals() {
        return scratch() + 8 + 2 * proto.registers;
    }

    /** The JVM local saying which loop's globals are in locals (its index + 1; 0: none). */
    private int promotedRegion() {
        // after the leaves' locals, when the proto has a leaf site (each stack map frame lists every
        // local up to the last one in use: a boot verifies a few dozen of these classes)
        return leafLocals() + (hasLeaves ? LeafInliner.LOCALS : 0);
    }

    /** Global g of the running loop: null when its value is the long in {@link #promotedLong}, else the value. */
    private int promotedObject(int g) {
        return promotedObject(current, current.slot(g));
    }

    private int promotedObject(PromotedLoops.Loop loop, int slot) {
        return promotedRegion() + 1 + 3 * (loops.indexOf(loop) * PromotedLoops.MAX_GLOBALS + slot);
    }

    private int promotedLong(int g) {
        return promotedObject(g) + 1;
    }

    /** All the loops' locals assigned once, so that every path (the error handler's too) may read them. */
    private void initPromoted() {
        if (loops.isEmpty()) {
            return;
        }
        push(0);
        mv.visitVarInsn(ISTORE, promotedRegion());
        for (PromotedLoops.Loop l : loops) {
            for (int i = 0; i < l.globals().length; i++) {
                mv.visitInsn(ACONST_NULL);
                mv.visitVarInsn(ASTORE, promotedObject(l, i));
                mv.visitInsn(LCONST_0);
                mv.visitVarInsn(LSTORE, promotedObject(l, i) + 1);
            }
            for (int r : l.registers()) {
                mv.visitInsn(ACONST_NULL);
                mv.visitVarInsn(ASTORE, local(r));
                mv.visitInsn(LCONST_0);
                mv.visitVarInsn(LSTORE, longLocal(r));
            }
        }
    }

    /** The running loop's registers are in their locals (a long where the object one is null). */
    private void holdPromoted() {
        if (current != null) {
            for (int r : current.registers()) {
                inLocal.set(r);
                inLong.set(r);
            }
        }
    }

    /**
     * The label to jump to for {@code target} from the running instruction:
     * the target's own, or the code that loads a loop's values (a jump
     * into it) or writes them back (a jump out of it) first.
     */
    private Label to(int target) {
        PromotedLoops.Loop into = loopAt(target);
        if (current == into) {
            return label(target);
        }
        if (current != null) {
            return exit(current, target);
        }
        return trampoline(new Trampoline(true, into, target));
    }

    /** The code that writes {@code loop}'s values back, then goes on to {@code target} (into another loop too). */
    private Label exit(PromotedLoops.Loop loop, int target) {
        return trampoline(new Trampoline(false, loop, target));
    }

    private Label trampoline(Trampoline t) {
        return trampolines.computeIfAbsent(t, k -> {
            pending.add(k);
            return new Label();
        });
    }

    /** The trampolines {@link #to} asked for (each may ask for one more: out of a loop into another). */
    private void emitTrampolines() {
        current = null;
        for (int i = 0; i < pending.size(); i++) {
            Trampoline t = pending.get(i);
            mv.visitLabel(trampolines.get(t));
            if (t.in()) {
                load(t.loop());
                push(loops.indexOf(t.loop()) + 1);
                mv.visitVarInsn(ISTORE, promotedRegion());
                mv.visitJumpInsn(GOTO, label(t.target()));
            } else {
                writeBack(t.loop());
                push(0);
                mv.visitVarInsn(ISTORE, promotedRegion());
                mv.visitJumpInsn(GOTO, to(t.target()));
            }
        }
    }

    /** The loop's globals and registers into their locals. */
    private void load(PromotedLoops.Loop loop) {
        loadGlobals(loop);
        for (int r : loop.registers()) {
            mv.visitVarInsn(ALOAD, ST);
            absolute(r);
            mv.visitInsn(AALOAD);
            loadPair(local(r), longLocal(r)); // a local not assigned yet is read only after it is
        }
    }

    /** The value on the operand stack into a pair of locals: a Long as its long, null as UNSET. */
    private void loadPair(int object, int along) {
        Label have = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, have);
        mv.visitInsn(POP);
        mv.visitFieldInsn(GETSTATIC, OPS, "UNSET", O);
        mv.visitLabel(have);
        mv.visitVarInsn(ASTORE, object);
        normalize(object, along);
    }

    /** The loop's globals from the module into their locals (an int as a long, an unset one as UNSET). */
    private void loadGlobals(PromotedLoops.Loop loop) {
        for (int i = 0; i < loop.globals().length; i++) {
            int object = promotedObject(loop, i);
            mv.visitVarInsn(ALOAD, MOD);
            mv.visitFieldInsn(GETFIELD, MODULE, "values", "[" + O);
            push(loop.globals()[i]);
            mv.visitInsn(AALOAD);
            loadPair(object, object + 1);
        }
    }

    /** The value in {@code object}, when a Long: its long in {@code along}, and null in {@code object}. */
    private void normalize(int object, int along) {
        Label done = new Label();
        unboxLong(mv, object, done);
        mv.visitVarInsn(LSTORE, along);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, object);
        mv.visitLabel(done);
    }

    /** The loop's registers back onto the value stack, and its globals back into the module. */
    private void writeBack(PromotedLoops.Loop loop) {
        for (int r : loop.registers()) {
            Label put = new Label();
            mv.visitVarInsn(ALOAD, ST);
            absolute(r);
            pairValue(local(r), longLocal(r));
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETSTATIC, OPS, "UNSET", O);
            mv.visitJumpInsn(IF_ACMPNE, put);
            mv.visitInsn(POP);
            mv.visitInsn(ACONST_NULL); // still not assigned
            mv.visitLabel(put);
            mv.visitInsn(AASTORE);
        }
        writeBackGlobals(loop);
    }

    /** The loop's globals back into the module (one unset in the loop stays as the module has it). */
    private void writeBackGlobals(PromotedLoops.Loop loop) {
        for (int i = 0; i < loop.globals().length; i++) {
            Label skip = new Label();
            int object = promotedObject(loop, i);
            mv.visitVarInsn(ALOAD, object);
            mv.visitFieldInsn(GETSTATIC, OPS, "UNSET", O);
            mv.visitJumpInsn(IF_ACMPEQ, skip);
            mv.visitVarInsn(ALOAD, MOD);
            mv.visitFieldInsn(GETFIELD, MODULE, "values", "[" + O);
            push(loop.globals()[i]);
            pairValue(object, object + 1);
            mv.visitInsn(AASTORE);
            mv.visitLabel(skip);
        }
    }

    /** An error leaving the code inside a loop: its values back where they live first. */
    private void writeBackOnError() {
        for (PromotedLoops.Loop l : loops) {
            Label other = new Label();
            mv.visitVarInsn(ILOAD, promotedRegion());
            push(loops.indexOf(l) + 1);
            mv.visitJumpInsn(IF_ICMPNE, other);
            writeBack(l);
            mv.visitLabel(other);
        }
    }

    /** Promoted global g's value as an Object on the operand stack (boxed from its long; an unset one as GETG finds it). */
    private void promotedValue(int g) {
        pairValue(promotedObject(g), promotedLong(g));
        unsetAsGetg(g); // a box is never the marker
    }

    /** The promoted global g's object on the operand stack, the UNSET marker replaced by what GETG finds. */
    private void unsetAsGetg(int g) {
        Label set = new Label();
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETSTATIC, OPS, "UNSET", O);
        mv.visitJumpInsn(IF_ACMPNE, set);
        mv.visitInsn(POP);
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, MOD);
        push(g);
        ops("global", "(L" + MACHINE + ";L" + MODULE + ";I)" + O);
        mv.visitLabel(set);
    }

    /** GETG of a promoted global into a register kept in its locals: the pair copied, never boxed. */
    private void promotedToRegister(int a, int g) {
        mv.visitVarInsn(ALOAD, promotedObject(g));
        unsetAsGetg(g);
        mv.visitVarInsn(ASTORE, local(a));
        mv.visitVarInsn(LLOAD, promotedLong(g));
        mv.visitVarInsn(LSTORE, longLocal(a));
        inLocal.set(a);
        inLong.set(a);
    }

    /** SETG of a promoted global: into its locals (a register's long as it is, a Long unboxed). */
    private void setPromoted(int g, int a) {
        int object = promotedObject(g);
        if (isLong(a)) {
            mv.visitVarInsn(ALOAD, local(a));
            mv.visitVarInsn(ASTORE, object);
            mv.visitVarInsn(LLOAD, longLocal(a));
            mv.visitVarInsn(LSTORE, object + 1);
            return;
        }
        register(a);
        copyValue();
        mv.visitVarInsn(ASTORE, object);
        normalize(object, object + 1);
    }

    /** INCG of a promoted global: on its long while it fits, else the general sum stored back. */
    private void incrementPromoted(int g, int y, boolean subtract) {
        Label slow = new Label();
        Label done = new Label();
        int object = promotedObject(g);
        int step = scratch() + 2;
        int sum = scratch() + 4;
        mv.visitVarInsn(ALOAD, object);
        mv.visitJumpInsn(IFNONNULL, slow);
        mv.visitLdcInsn((long) y);
        mv.visitVarInsn(LSTORE, step);
        checkedLong(mv, subtract ? OP_SUBI : OP_ADDI, object + 1, step, sum, slow);
        mv.visitVarInsn(LLOAD, sum);
        mv.visitVarInsn(LSTORE, object + 1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        promotedValue(g);
        mv.visitLdcInsn((long) y);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME_OPS, subtract ? "sub" : "add", OO_O, false);
        mv.visitVarInsn(ASTORE, object);
        normalize(object, object + 1);
        mv.visitLabel(done);
    }

    /**
     * Whether the CALL at {@code pc} has {@link #lengthTest}'s shape: one
     * argument, its result read only by the compare-and-jump after it,
     * against a register.
     */
    static boolean lengthShape(int[] code, int pc, Temporaries temporaries) {
        int a = code[pc] >>> 8;
        int test = pc + Opcode.of(code[pc]).words;
        if ((code[pc] & 0xFF) != OP_CALL || code[pc + 1] != 1 || test >= code.length) {
            return false;
        }
        int op = code[test] & 0xFF;
        if (op < OP_JLT || op > OP_JNE) {
            return false;
        }
        int x = code[test] >>> 8;
        int y = code[test + 1];
        int other = x == a ? y : x;
        // not: the length on both sides, a global beside it, or the length read again later
        return (x == a) != (y == a) && other >= 0 && !temporaries.liveAfter(test, a);
    }

    /** The value on the operand stack is the frame's: pop the frame and return it. */
    private void ret() {
        mv.visitVarInsn(ASTORE, TMP);
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, F);
        mv.visitVarInsn(ALOAD, TMP);
        ops("ret", "(L" + MACHINE + ";L" + FRAME + ";" + O + ")" + O);
        mv.visitInsn(ARETURN);
    }

    /** An instruction run by RareInstructions, as the dispatch loop does; {@code target}: its jump target, or -1. */
    private void rare(int pc, int target) {
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, F);
        push(code[pc]);
        push(pc);
        ops("rare", "(L" + MACHINE + ";L" + FRAME + ";II)I");
        reloadStack(); // imports and builtins may have run code that grew the stack
        if (target < 0) {
            mv.visitInsn(POP);
        } else {
            push(target);
            Label stay = new Label();
            mv.visitJumpInsn(IF_ICMPNE, stay);
            jump(pc, target);
            mv.visitLabel(stay);
        }
    }

    // ------------------------------------------------------------------ control flow

    /** Jump to {@code target} when the boolean on the operand stack equals {@code sense}. */
    private void branch(int pc, boolean sense, int target) {
        if (target > pc) {
            mv.visitJumpInsn(sense ? IFNE : IFEQ, to(target));
        } else {
            Label stay = new Label();
            mv.visitJumpInsn(sense ? IFEQ : IFNE, stay);
            jump(pc, target);
            mv.visitLabel(stay);
        }
    }

    /** Go to {@code target}; a backward jump is a safe point: bail out when the attention flag is set. */
    private void jump(int pc, int target) {
        if (target > pc) {
            mv.visitJumpInsn(GOTO, to(target));
            return;
        }
        PromotedLoops.Loop loop = current;
        if (loop == null || !loop.contains(target)) {
            mv.visitVarInsn(ALOAD, CTX);
            mv.visitFieldInsn(GETFIELD, CONTEXT, "attention", "I");
            mv.visitJumpInsn(IFEQ, to(target));
            if (loop != null) {
                writeBack(loop);
            }
            savePc(target);
            mv.visitFieldInsn(GETSTATIC, COMPILED, "BAIL", O);
            mv.visitInsn(ARETURN);
            return;
        }
        // a loop whose globals are in locals: they go back to the module before the machine takes over
        // (no other thread of the process runs Pebble code before that: it waits at this safe point
        // for the process lock, docs/processes.md)
        mv.visitVarInsn(ALOAD, CTX);
        mv.visitFieldInsn(GETFIELD, CONTEXT, "attention", "I");
        mv.visitJumpInsn(IFEQ, label(target));
        writeBack(loop);
        savePc(target);
        mv.visitFieldInsn(GETSTATIC, COMPILED, "BAIL", O);
        mv.visitInsn(ARETURN);
    }

    // ------------------------------------------------------------------ operands

    /**
     * Begin a write of register r: push the array and index for the
     * {@link #store} after the value, unless the value stays in r's JVM local.
     */
    private void storeTo(int r) {
        storing = r;
        if (!keep) {
            mv.visitVarInsn(ALOAD, ST);
            absolute(r);
        }
    }

    /** End the write {@link #storeTo} began, the value on the operand stack. */
    private void store() {
        inLong.clear(storing);
        if (keep) {
            mv.visitVarInsn(ASTORE, local(storing));
            inLocal.set(storing);
        } else {
            mv.visitInsn(AASTORE);
            inLocal.clear(storing);
        }
    }

    private void register(int r) {
        if (inLong.get(r)) {
            pairValue(local(r), longLocal(r));
            return;
        }
        if (inLocal.get(r)) {
            mv.visitVarInsn(ALOAD, local(r));
            return;
        }
        mv.visitVarInsn(ALOAD, ST);
        absolute(r);
        mv.visitInsn(AALOAD);
    }

    /**
     * The value of a pair of locals as an Object on the operand stack: the
     * object one's, or the long one's boxed where the object one is null.
     */
    private void pairValue(int object, int along) {
        Label boxed = new Label();
        mv.visitVarInsn(ALOAD, object);
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, boxed);
        mv.visitInsn(POP);
        mv.visitVarInsn(LLOAD, along);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        mv.visitLabel(boxed);
    }

    /**
     * The Long in local {@code object} as a long on the operand stack; anything
     * else: a jump to {@code notLong}, the operand stack as it was.
     */
    static void unboxLong(MethodVisitor mv, int object, Label notLong) {
        mv.visitVarInsn(ALOAD, object);
        mv.visitTypeInsn(INSTANCEOF, "java/lang/Long");
        mv.visitJumpInsn(IFEQ, notLong);
        mv.visitVarInsn(ALOAD, object);
        mv.visitTypeInsn(CHECKCAST, "java/lang/Long");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
    }

    /** The JVM local that holds register r's value while {@link Temporaries} keeps it off the stack. */
    private static int local(int r) {
        return CACHES + 1 + r;
    }

    /** Scratch locals after the registers' own: two Objects, then three longs (two slots each). */
    private int scratch() {
        return CACHES + 1 + proto.registers;
    }

    /** The JVM long local (two slots) of register r while it is {@link #inLong}. */
    private int longLocal(int r) {
        return scratch() + 8 + 2 * r;
    }

    /** The value-stack index of register r. */
    private void absolute(int r) {
        mv.visitVarInsn(ILOAD, BASE);
        if (r != 0) {
            push(r);
            mv.visitInsn(IADD);
        }
    }

    /** Register w, or global -1-w. */
    private void operand(int w) {
        if (w >= 0) {
            register(w);
        } else {
            global(-1 - w);
        }
    }

    private void global(int g) {
        if (promoted(g) >= 0) {
            promotedValue(g);
            return;
        }
        mv.visitVarInsn(ALOAD, M);
        mv.visitVarInsn(ALOAD, MOD);
        push(g);
        ops("global", "(L" + MACHINE + ";L" + MODULE + ";I)" + O);
    }

    private void constant(int index) {
        mv.visitVarInsn(ALOAD, K);
        push(index);
        mv.visitInsn(AALOAD);
    }

    /** A name constant (attribute names) as a string. */
    private void name(int index) {
        constant(index);
        mv.visitTypeInsn(CHECKCAST, "java/lang/String");
    }

    /** The caches array and the site's index (its code index). */
    private void site(int pc) {
        mv.visitVarInsn(ALOAD, CACHES);
        push(pc);
    }

    private void copyValue() {
        mv.visitMethodInsn(INVOKESTATIC, PLIST, "copyValue", "(" + O + ")" + O, false);
    }

    private void savePc(int pc) {
        mv.visitVarInsn(ALOAD, F);
        push(pc);
        mv.visitFieldInsn(PUTFIELD, FRAME, "pc", "I");
    }

    private void reloadStack() {
        mv.visitVarInsn(ALOAD, M);
        mv.visitFieldInsn(GETFIELD, MACHINE, "stack", "[" + O);
        mv.visitVarInsn(ASTORE, ST);
    }

    private void ops(String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, OPS, name, descriptor, false);
    }

    private void push(int v) {
        push(mv, v);
    }

    /** The int constant v onto the operand stack in its shortest form. */
    static void push(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
