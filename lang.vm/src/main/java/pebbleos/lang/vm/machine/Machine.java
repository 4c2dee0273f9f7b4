package pebbleos.lang.vm.machine;

import static pebbleos.lang.vm.code.Opcode.*;

import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.ProcessRuntime;
import pebbleos.lang.vm.code.Proto;

/**
 * The VM of one Pebble thread: an explicit value stack (the registers of
 * every frame, frame after frame), a frame stack of pooled records, and the
 * dispatch loop. Pebble calls push frames instead of recursing in Java, so
 * deep recursion needs no Java stack and the whole state can be snapshotted
 * between two instructions.
 *
 * <p>The loop ({@link #execute}) keeps the running frame's code, constants,
 * registers base and pc in locals. Invariants: {@code pc} stays on the running
 * instruction until it completes, so an error is located at it; before
 * anything that can run Pebble code in a nested loop (a builtin calling back,
 * an import) the frame's {@code pc} is saved and {@code st} is reloaded after,
 * because the nested run may grow the stack. SlowPaths paths live in
 * {@link SlowPaths} and the instructions off the hot paths in {@link RareInstructions}, to
 * keep the loop small enough for the JIT.
 */
public final class Machine implements Interop {
    /** A bound on the value stack a restored frame may ask for (registers of 100,000 frames). */
    public static final int MAX_STACK = 1 << 26;
    /** In R[A+1] after LOOKUP: the member is called without a receiver. */
    public static final Object NOSELF = new Marker("noself");
    /** What {@link #resume} returns when the task suspended at a safe point. */
    public static final Object SUSPENDED = new Marker("suspended");
    /** What {@link #resume} returns when the instruction budget ran out. */
    public static final Object OUT_OF_BUDGET = new Marker("out of budget");
    /** What the dispatch loop returns when the top frame goes on in compiled code. */
    private static final Object ENTER = new Marker("enter compiled code");
    /** In {@link Proto#compiled}: the generator could not compile the proto. */
    private static final Object NOT_COMPILED = new Marker("not compiled");

    /** A VM-internal value that is not a Pebble value. */
    static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "<" + name + ">";
        }
    }

    final TaskContext ctx;
    final VmProcess process;
    Object[] stack = new Object[256];
    Frame[] frames = new Frame[32];
    /** Index of the running frame; -1 when none. */
    int fp = -1;
    /** How many Java-nested runs of the loop are active; a task suspends only when none is. */
    int nested;

    public Machine(TaskContext ctx, VmProcess process) {
        this.ctx = ctx;
        this.process = process;
    }

    @Override
    public TaskContext ctx() {
        return ctx;
    }

    @Override
    public ProcessRuntime process() {
        return process;
    }

    public VmProcess vmProcess() {
        return process;
    }

    /**
     * Continue the task: run at most {@code budget} instructions of the plain
     * loop. Returns the value of the bottom frame when it finished,
     * {@link #OUT_OF_BUDGET} or {@link #SUSPENDED}; an uncaught error is thrown.
     */
    public Object resume(long budget) {
        if (fp < 0) {
            throw new IllegalStateException("nothing to run");
        }
        return execute(budget);
    }

    /** Make a module's top-level code the task's bottom frame (a program's main module). */
    public void startModule(pebbleos.lang.vm.code.Unit unit, PModule module) {
        push(unit.main(), null, module, 0, 0, Frame.BOUNDARY);
    }

    /**
     * Make a call of {@code function} the task's bottom frame (a thread's
     * body). Returns false when the callee is not Pebble code (a builtin): then
     * {@link #callDirectly} gives the result.
     */
    public boolean startCall(Object function, Object[] args) {
        int n = args.length;
        if (function instanceof VmFunction fn) {
            if (fn.arity != n) {
                throw SlowPaths.arity(fn, n);
            }
            ensure(n + 1);
            System.arraycopy(args, 0, stack, 0, n);
            enter(fn, 0, 0, n, Frame.BOUNDARY);
            return true;
        }
        if (function instanceof pebbleos.lang.core.runtime.PBoundMethod bm && bm.function instanceof VmFunction fn) {
            if (fn.arity != n + 1) {
                throw SlowPaths.boundArity(fn, n);
            }
            ensure(n + 2);
            stack[0] = bm.self;
            System.arraycopy(args, 0, stack, 1, n);
            enter(fn, 0, 0, n + 1, Frame.BOUNDARY);
            return true;
        }
        return false;
    }

    /** Call a builtin (or anything else that is not Pebble code) as a thread's body. */
    public Object callDirectly(Object function, Object[] args) {
        return SlowPaths.callFromJava(this, function, args);
    }

    /**
     * Run the frames from the top until the bottom-most {@link Frame#BOUNDARY}
     * frame returns (its value is returned), at most {@code budget}
     * instructions ({@link #OUT_OF_BUDGET}), or until a requested suspension
     * ({@link #SUSPENDED}). An error no handler takes leaves through the
     * boundary frame as a {@link PebbleError}.
     */
    Object execute(long budget) {
        // compiled code runs only without a budget: a budget counts interpreted instructions
        boolean jit = process.generator() != null && budget == Long.MAX_VALUE;
        while (true) {
            Object r = interpret(budget, jit);
            if (r != ENTER) {
                return r;
            }
            r = runCompiled();
            if (r != null) {
                return r;
            }
        }
    }

    /**
     * The dispatch loop: as {@link #execute}, or {@link #ENTER} when the top
     * frame is at a safe point (a function entry or a loop head) and its proto
     * has compiled code ({@code jit} only), the frame's pc saved.
     */
    private Object interpret(long budget, boolean jit) {
        Frame f = frames[fp];
        Proto p = f.proto;
        int[] code = p.code;
        Object[] k = p.constants;
        PModule module = f.module;
        Object[] st = stack;
        int base = f.base;
        int pc = f.pc;
        final TaskContext ctx = this.ctx;
        while (true) {
            PebbleError error;
            try {
                while (true) {
                    if (--budget < 0) {
                        f.pc = pc;
                        return OUT_OF_BUDGET;
                    }
                    int w = code[pc];
                    int a = base + (w >>> 8);
                    switch (w & 0xFF) {
                        case OP_MOVE -> {
                            st[a] = st[base + code[pc + 1]];
                            pc += 2;
                        }
                        case OP_LOADK -> {
                            st[a] = k[code[pc + 1]];
                            pc += 2;
                        }
                        case OP_SETL -> {
                            st[a] = PList.copyValue(st[base + code[pc + 1]]);
                            pc += 2;
                        }
                        case OP_GETG -> {
                            Object v = module.values[code[pc + 1]];
                            st[a] = v != null ? v : SlowPaths.fallback(this, module, p, code[pc + 1], false);
                            pc += 2;
                        }
                        case OP_GETGC -> {
                            Object v = module.values[code[pc + 1]];
                            if (v == null) {
                                v = SlowPaths.fallback(this, module, p, code[pc + 1], true);
                            }
                            int n = code[pc + 2];
                            if (n >= 0 && !(v instanceof PBuiltin) && !(v instanceof VmFunction fn && fn.arity == n)) {
                                SlowPaths.precheck(v, n);
                            }
                            st[a] = v;
                            pc += 3;
                        }
                        case OP_SETG -> {
                            module.values[code[pc + 1]] = PList.copyValue(st[a]);
                            pc += 2;
                        }
                        case OP_ADD -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            Object y = operand(st, base, module, code[pc + 2]);
                            if (x instanceof Long lx && y instanceof Long ly) {
                                long r = lx + ly;
                                st[a] = Ops.addFits(lx, ly, r) ? (Object) r : Ops.add(x, y);
                            } else {
                                st[a] = Ops.add(x, y);
                            }
                            pc += 3;
                        }
                        case OP_SUB -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            Object y = operand(st, base, module, code[pc + 2]);
                            if (x instanceof Long lx && y instanceof Long ly) {
                                long r = lx - ly;
                                st[a] = Ops.subFits(lx, ly, r) ? (Object) r : Ops.sub(x, y);
                            } else {
                                st[a] = Ops.sub(x, y);
                            }
                            pc += 3;
                        }
                        case OP_MUL -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            Object y = operand(st, base, module, code[pc + 2]);
                            if (x instanceof Long lx && y instanceof Long ly && Ops.mulFits(lx, ly)) {
                                st[a] = lx * ly;
                            } else {
                                st[a] = Ops.mul(x, y);
                            }
                            pc += 3;
                        }
                        case OP_MOD -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            Object y = operand(st, base, module, code[pc + 2]);
                            if (x instanceof Long lx && y instanceof Long ly && ly != 0) {
                                st[a] = Math.floorMod(lx, (long) ly);
                            } else {
                                st[a] = Ops.mod(x, y);
                            }
                            pc += 3;
                        }
                        case OP_ADDI -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            long y = code[pc + 2];
                            if (x instanceof Long lx) {
                                long r = lx + y;
                                st[a] = Ops.addFits(lx, y, r) ? (Object) r : Ops.add(x, y);
                            } else {
                                st[a] = Ops.add(x, y);
                            }
                            pc += 3;
                        }
                        case OP_SUBI -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            long y = code[pc + 2];
                            if (x instanceof Long lx) {
                                long r = lx - y;
                                st[a] = Ops.subFits(lx, y, r) ? (Object) r : Ops.sub(x, y);
                            } else {
                                st[a] = Ops.sub(x, y);
                            }
                            pc += 3;
                        }
                        case OP_MULI -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            long y = code[pc + 2];
                            if (x instanceof Long lx && Ops.mulFits(lx, y)) {
                                st[a] = lx * y;
                            } else {
                                st[a] = Ops.mul(x, y);
                            }
                            pc += 3;
                        }
                        case OP_INCG -> {
                            int g = code[pc + 1];
                            Object x = module.values[g];
                            if (x == null) {
                                x = SlowPaths.fallback(this, module, p, g, false);
                            }
                            long y = code[pc + 2];
                            if (x instanceof Long lx && lx > Long.MIN_VALUE / 2 && lx < Long.MAX_VALUE / 2) {
                                module.values[g] = code[pc + 3] == 0 ? lx + y : lx - y;
                            } else {
                                module.values[g] = code[pc + 3] == 0 ? Ops.add(x, y) : Ops.sub(x, y);
                            }
                            pc += 4;
                        }
                        case OP_CONCAT3 -> {
                            st[a] = JitOps.concat3(st[base + code[pc + 1]], st[base + code[pc + 2]],
                                    st[base + code[pc + 3]]);
                            pc += 4;
                        }
                        case OP_LT -> {
                            Object x = operand(st, base, module, code[pc + 1]);
                            Object y = operand(st, base, module, code[pc + 2]);
                            st[a] = x instanceof Long lx && y instanceof Long ly ? Ops.bool(lx < ly) : Ops.lt(x, y);
                            pc += 3;
                        }
                        case OP_EQ -> {
                            st[a] = Ops.eq(operand(st, base, module, code[pc + 1]), operand(st, base, module, code[pc + 2]));
                            pc += 3;
                        }
                        case OP_JMP -> {
                            int t = code[pc + 1];
                            if (t <= pc && (jit || ctx.attention != 0)) {
                                f.pc = t;
                                Object s = safePoint(p, jit);
                                if (s != null) {
                                    return s;
                                }
                                st = stack;
                            }
                            pc = t;
                        }
                        case OP_JT, OP_JF -> {
                            Object v = st[a];
                            boolean truth = v == Ops.ONE || (v != Ops.ZERO && Values.truthy(v));
                            if (truth == ((w & 0xFF) == OP_JT)) {
                                int t = code[pc + 1];
                                if (t <= pc && (jit || ctx.attention != 0)) {
                                    f.pc = t;
                                    Object s = safePoint(p, jit);
                                    if (s != null) {
                                        return s;
                                    }
                                    st = stack;
                                }
                                pc = t;
                            } else {
                                pc += 2;
                            }
                        }
                        case OP_JLTI, OP_JLEI -> {
                            // the loop tests of counting loops, without a call on the fast path
                            Object x = st[a];
                            long y = code[pc + 1];
                            boolean r;
                            if (x instanceof Long lx) {
                                r = (w & 0xFF) == OP_JLTI ? lx < y : lx <= y;
                            } else {
                                r = SlowPaths.compareValues((w & 0xFF) - OP_JLTI, x, y);
                            }
                            if (r == (code[pc + 2] != 0)) {
                                int t = code[pc + 3];
                                if (t <= pc && (jit || ctx.attention != 0)) {
                                    f.pc = t;
                                    Object s = safePoint(p, jit);
                                    if (s != null) {
                                        return s;
                                    }
                                    st = stack;
                                }
                                pc = t;
                            } else {
                                pc += 4;
                            }
                        }
                        case OP_JLT, OP_JLE, OP_JGT, OP_JGE, OP_JEQ, OP_JNE, OP_JGTI, OP_JGEI, OP_JEQI, OP_JNEI -> {
                            int op = w & 0xFF;
                            Object x = st[a];
                            boolean r;
                            if (op >= OP_JLTI) {
                                long y = code[pc + 1];
                                r = x instanceof Long lx ? SlowPaths.compareLongs(op - OP_JLTI, lx.longValue(), y)
                                        : SlowPaths.compareValues(op - OP_JLTI, x, y);
                            } else {
                                Object y = operand(st, base, module, code[pc + 1]);
                                r = x instanceof Long lx && y instanceof Long ly
                                        ? SlowPaths.compareLongs(op - OP_JLT, lx.longValue(), ly.longValue())
                                        : SlowPaths.compareValues(op - OP_JLT, x, y);
                            }
                            if (r == (code[pc + 2] != 0)) {
                                int t = code[pc + 3];
                                if (t <= pc && (jit || ctx.attention != 0)) {
                                    f.pc = t;
                                    Object s = safePoint(p, jit);
                                    if (s != null) {
                                        return s;
                                    }
                                    st = stack;
                                }
                                pc = t;
                            } else {
                                pc += 4;
                            }
                        }
                        case OP_CALL, OP_CALLM -> {
                            Object callee = st[a];
                            int n = code[pc + 1];
                            f.pc = pc + 2;
                            Frame next;
                            if ((w & 0xFF) == OP_CALL) {
                                if (callee instanceof VmFunction fn && fn.arity == n) {
                                    next = enter(fn, a + 1, a, n, f);
                                } else if (callee instanceof PBuiltin b && (st[a] = SlowPaths.quick(b, st, a, n)) != null) {
                                    next = null;
                                } else {
                                    next = SlowPaths.call(this, f, callee, a, n);
                                }
                            } else if (callee instanceof VmFunction fn) {
                                // LOOKUP checked the arity; a method gets its receiver as first argument
                                next = st[a + 1] != NOSELF ? enter(fn, a + 1, a, n + 1, f) : enter(fn, a + 2, a, n, f);
                            } else {
                                next = SlowPaths.callMethod(this, f, callee, a, n);
                            }
                            st = stack;
                            if (next == null) {
                                pc += 2;
                            } else {
                                f = next;
                                p = f.proto;
                                code = p.code;
                                k = p.constants;
                                module = f.module;
                                base = f.base;
                                pc = 0;
                                if (jit || ctx.attention != 0) {
                                    Object s = safePoint(p, jit);
                                    if (s != null) {
                                        return s;
                                    }
                                    st = stack;
                                }
                            }
                        }
                        case OP_LOOKUP -> {
                            SlowPaths.lookup(this, st, a, k[code[pc + 1]], code[pc + 2]);
                            pc += 3;
                        }
                        case OP_RET, OP_RET0, OP_END -> {
                            int op = w & 0xFF;
                            Object v = op == OP_RET ? st[a] : op == OP_RET0 ? (Object) Ops.ZERO : PNone.NONE;
                            int flags = f.flags;
                            if ((flags & Frame.CONSTRUCTOR) != 0) {
                                v = f.instance;
                                f.instance = null;
                            }
                            int ret = f.ret;
                            fp--;
                            if ((flags & Frame.BOUNDARY) != 0) {
                                return v;
                            }
                            f = frames[fp];
                            p = f.proto;
                            code = p.code;
                            k = p.constants;
                            module = f.module;
                            base = f.base;
                            pc = f.pc;
                            st[ret] = v;
                        }
                        case OP_GETX -> {
                            Object t = operand(st, base, module, code[pc + 1]);
                            Object i = operand(st, base, module, code[pc + 2]);
                            if (t instanceof PList l && i instanceof Long n && n >= 0 && n < l.size()) {
                                st[a] = l.get((int) (long) n);
                            } else {
                                st[a] = Access.getIndex(t, i);
                            }
                            pc += 3;
                        }
                        case OP_SETX -> {
                            Object t = st[a];
                            Object i = st[base + code[pc + 1]];
                            Object v = st[base + code[pc + 2]];
                            if (t instanceof PList l && i instanceof Long n && n >= 0 && n < l.size()
                                    && !(v instanceof PList) && !(v instanceof PDict)) {
                                l.set((int) (long) n, v);
                            } else {
                                Access.setIndex(t, i, v);
                            }
                            pc += 3;
                        }
                        case OP_GETA -> {
                            Object t = st[base + code[pc + 1]];
                            Object v = t instanceof PInstance inst ? inst.get((String) k[code[pc + 2]]) : null;
                            st[a] = v != null ? v : Access.getAttribute(t, (String) k[code[pc + 2]]);
                            pc += 3;
                        }
                        case OP_FORNEXT -> {
                            Object it = st[a];
                            Object v;
                            if (it instanceof Iter.Range r) {
                                long i = r.next;
                                if (r.has(i)) {
                                    r.next = r.after(i);
                                    v = i;
                                } else {
                                    v = null;
                                }
                            } else {
                                v = ((Iter) it).next();
                            }
                            if (v != null) {
                                st[base + code[pc + 1]] = v;
                                pc = code[pc + 2];
                                if (jit || ctx.attention != 0) {
                                    f.pc = pc;
                                    Object s = safePoint(p, jit);
                                    if (s != null) {
                                        return s;
                                    }
                                    st = stack;
                                }
                            } else {
                                pc += 3;
                            }
                        }
                        default -> {
                            pc = RareInstructions.run(this, w, a, pc, f, p, module, k, code, base);
                            st = stack;
                        }
                    }
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                error = asError(e);
            }
            // the running frame is f, the failing instruction at pc; unwinding may leave through a boundary
            f.pc = pc;
            f = unwind(error);
            p = f.proto;
            code = p.code;
            k = p.constants;
            module = f.module;
            base = f.base;
            pc = f.pc;
            st = stack;
        }
    }

    /** What a Java failure in running code is to the program: a Pebble error. */
    private static PebbleError asError(Throwable e) {
        return Errors.fromJava(e);
    }

    // ------------------------------------------------------------------ compiled code

    /**
     * A safe point of the interpreter (a function entry or a loop head, the
     * frame's pc saved): {@link #SUSPENDED} when the task must stop,
     * {@link #ENTER} when the frame goes on in compiled code, else null.
     */
    private Object safePoint(Proto p, boolean jit) {
        if (ctx.attention != 0) {
            return pause() ? SUSPENDED : null;
        }
        return jit && compiledFor(p) != null ? ENTER : null;
    }

    /**
     * The compiled code of {@code p}, made when its heat reaches the
     * generator's threshold; null while it is interpreted.
     */
    Compiled compiledFor(Proto p) {
        Object c = p.compiled;
        if (c != null) {
            return c instanceof Compiled code ? code : null;
        }
        return warmUp(p);
    }

    /**
     * A proto not compiled yet gets warmer, and compiled at its threshold. Out
     * of line: every call site of compiled code inlines {@link #compiledFor},
     * and HotSpot compiled this cold path (the threshold's test of the file
     * name, the generator) into each of them.
     */
    private Compiled warmUp(Proto p) {
        CodeGenerator generator = process.generator();
        if (++p.heat < generator.threshold(p)) {
            return null;
        }
        Compiled made = generator.generate(p);
        p.compiled = made != null ? made : NOT_COMPILED;
        return made;
    }

    /**
     * Run the top frame's compiled code from its pc, then each callee that
     * was left on top at its entry (the Java depth limit) the same way.
     * Returns null when interpretation goes on (from the top frame's pc), or
     * what {@link #execute} returns.
     */
    private Object runCompiled() {
        while (true) {
            Frame g = frames[fp];
            Object v;
            try {
                v = ((Compiled) g.proto.compiled).run(this, g, 0);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                unwind(asError(e)); // compiled code saved the failing frame's pc
                return null;
            }
            if (v != Compiled.BAIL) {
                // g returned and is popped
                if ((g.flags & Frame.BOUNDARY) != 0) {
                    return v;
                }
                stack[g.ret] = v;
                return null;
            }
            if (ctx.attention != 0) {
                try {
                    return pause() ? SUSPENDED : null;
                } catch (RuntimeException e) {
                    unwind(asError(e)); // a limit's error at the safe point, where the code bailed out
                    return null;
                }
            }
            Frame top = frames[fp];
            if (top == g || top.pc != 0 || !(top.proto.compiled instanceof Compiled)) {
                return null;
            }
        }
    }

    /**
     * Compiled code called a function whose frame {@code g} it pushed: run it
     * compiled when it can. Null: it returned, its value stored for the
     * caller; {@link Compiled#BAIL}: the machine takes over from the top frame.
     */
    Object runCalled(Frame g, int depth) {
        Compiled c = compiledFor(g.proto);
        if (c == null || depth >= Compiled.MAX_DEPTH || ctx.attention != 0) {
            return Compiled.BAIL;
        }
        Object v = c.run(this, g, depth + 1);
        if (v == Compiled.BAIL) {
            return v;
        }
        stack[g.ret] = v;
        return null;
    }

    /** Operand {@code w} of an instruction that takes global operands: register w, or global -1-w. */
    Object operand(Object[] st, int base, PModule module, int w) {
        if (w >= 0) {
            return st[base + w];
        }
        Object v = module.values[-1 - w];
        return v != null ? v : SlowPaths.fallback(this, module, null, -1 - w, false);
    }

    /**
     * Find the handler of {@code error}: in the running frame at its pc, else
     * in its callers at their calls, popping frames on the way (locating the
     * error at each, relocating it when leaving a transparent module). Returns
     * the frame to resume, its pc on the handler; throws when the error
     * leaves through a boundary frame.
     */
    private Frame unwind(PebbleError error) {
        Frame f = frames[fp];
        int at = f.pc;
        while (true) {
            Proto p = f.proto;
            error.locate(p.file(), p.line(at));
            int h = p.handlerAt(at);
            if (h >= 0) {
                stack[f.base + p.handlers[h + 3]] = error;
                f.pc = p.handlers[h + 2];
                return f;
            }
            int flags = f.flags;
            f.instance = null;
            fp--;
            if ((flags & Frame.BOUNDARY) != 0) {
                throw error;
            }
            if ((flags & Frame.RELOCATE) != 0) {
                error.relocate(null, 0);
            }
            f = frames[fp];
            at = f.pc - 1;
        }
    }

    /**
     * A safe point found the attention flag set: true when the task must
     * suspend now (a suspension was requested and no Java code is nested);
     * otherwise signals are delivered (which may end the task) and it goes on.
     */
    private boolean pause() {
        int attention = ctx.attention;
        if ((attention & TaskContext.SUSPEND) != 0 && nested == 0) {
            return true;
        }
        if ((attention & ~TaskContext.SUSPEND) != 0) {
            ctx.safePoint();
        }
        return false;
    }

    // ------------------------------------------------------------------ frames

    /** Push a frame for {@code proto} with registers from {@code base}; the result goes to {@code ret}. */
    Frame push(Proto proto, VmFunction function, PModule module, int base, int ret, int flags) {
        if (fp + 1 >= pebbleos.lang.core.builtins.Limits.MAX_DEPTH) {
            throw Errors.recursionDepth();
        }
        int need = base + proto.registers;
        if (need > stack.length) {
            growStack(need);
        }
        if (++fp == frames.length) {
            frames = java.util.Arrays.copyOf(frames, frames.length * 2);
        }
        Frame f = frames[fp];
        if (f == null) {
            f = new Frame();
            frames[fp] = f;
        }
        f.proto = proto;
        f.function = function;
        f.module = module;
        f.base = base;
        f.pc = 0;
        f.ret = ret;
        f.flags = flags;
        f.instance = null;
        return f;
    }

    private void growStack(int need) {
        int size = stack.length;
        while (size < need) {
            size *= 2;
        }
        stack = java.util.Arrays.copyOf(stack, size);
    }

    /**
     * Enter VM function {@code fn} whose {@code n} arguments are already in
     * registers from {@code base} (arity checked by the caller): bind copies,
     * clear the other locals, make the cells.
     */
    Frame enter(VmFunction fn, int base, int ret, int n, Frame caller) {
        int flags = fn.module.transparent && !caller.module.transparent ? Frame.RELOCATE : 0;
        return enter(fn, base, ret, n, flags);
    }

    Frame enter(VmFunction fn, int base, int ret, int n, int flags) {
        Proto proto = fn.proto;
        Frame f = push(proto, fn, fn.module, base, ret, flags);
        Object[] st = stack;
        for (int i = base, end = base + n; i < end; i++) {
            Object v = st[i];
            if (v instanceof PList || v instanceof PDict) {
                st[i] = PList.copyValue(v);
            }
        }
        for (int i = base + n, end = base + proto.locals; i < end; i++) {
            st[i] = null;
        }
        int[] cells = proto.cellSlots;
        for (int c : cells) {
            st[base + c] = new pebbleos.lang.core.runtime.Cell(st[base + c]);
        }
        return f;
    }

    /** The first free register above the running frame. */
    int top() {
        return fp < 0 ? 0 : frames[fp].base + frames[fp].proto.registers;
    }

    // ------------------------------------------------------------------ nested runs

    /**
     * Call a Pebble value from Java (a builtin calling back, the runtime API
     * behind {@code os}); VM functions run in a nested run of the loop on the
     * same stacks.
     */
    @Override
    public Object call(Object callable, Object[] args) {
        if (callable instanceof VmFunction fn) {
            if (args.length != fn.arity) {
                throw SlowPaths.arity(fn, args.length);
            }
            int base = top();
            ensure(base + args.length);
            System.arraycopy(args, 0, stack, base, args.length);
            int saved = fp;
            enter(fn, base, base, args.length, Frame.BOUNDARY);
            if (fn.module.transparent) {
                // as the interpreter's InterpThread.call: an error leaving the runtime API or a
                // /system library through a builtin (os.delete) is reported at the caller's line
                try {
                    return runNested(saved);
                } catch (PebbleError e) {
                    throw e.relocate(null, 0);
                }
            }
            return runNested(saved);
        }
        return SlowPaths.callFromJava(this, callable, args);
    }

    /** Run a module's top-level code to its end in a nested run (imports, the runtime API). */
    public void runModule(pebbleos.lang.vm.code.Unit unit, PModule module) {
        int base = top();
        int saved = fp;
        push(unit.main(), null, module, base, base, Frame.BOUNDARY);
        runNested(saved);
    }

    /** Run the boundary frame just pushed to its end; whatever happens, the frame stack is back at {@code saved}. */
    Object runNested(int saved) {
        nested++;
        try {
            return execute(Long.MAX_VALUE);
        } finally {
            nested--;
            fp = saved;
        }
    }

    // ------------------------------------------------------------------ state for snapshots

    /** How many frames are on the frame stack. */
    public int frameCount() {
        return fp + 1;
    }

    /** Frame {@code i}, 0 being the bottom. */
    public Frame frame(int i) {
        return frames[i];
    }

    /** The value stack (registers of every frame); entries at and above {@link #top()} are dead. */
    public Object[] stack() {
        return stack;
    }

    /** The first value-stack entry above the running frame's registers. */
    public int stackTop() {
        return top();
    }

    /** True when Java code is nested (a builtin calling back): no snapshot can be taken then. */
    public boolean isNested() {
        return nested > 0;
    }

    /** Install the state read from a snapshot: the live part of the value stack and the frames. */
    public void restore(Object[] values, Frame[] restored) {
        int need = values.length;
        for (Frame f : restored) {
            need = Math.max(need, f.base + f.proto.registers);
        }
        stack = java.util.Arrays.copyOf(values, Math.max(256, need * 2));
        frames = java.util.Arrays.copyOf(restored, Math.max(32, restored.length * 2));
        fp = restored.length - 1;
    }

    void ensure(int size) {
        if (size > stack.length) {
            growStack(size);
        }
    }
}
