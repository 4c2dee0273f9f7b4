package pebbleos.lang.vm.compiler;

import java.util.List;

import pebbleos.api.value.Values;
import pebbleos.lang.core.syntax.Expr;
import pebbleos.lang.core.syntax.Scope;
import pebbleos.lang.vm.code.Opcode;

/**
 * Compiles expressions of one function. Three forms: {@link #into} computes a
 * value into a given register, {@link #anyReg} into whatever register is
 * cheapest (a local's own register when it can be read directly), and
 * {@link #cond} compiles a condition straight into jumps, so that
 * {@code while i < n:} is one compare-and-jump.
 *
 * <p>Evaluation order is the interpreter's: left to right, a callee before its
 * arguments, and the arity check of a Pebble function before the arguments.
 */
final class ExpressionCompiler implements Expr.Visitor<Void> {
    private final FunctionCompiler fn;
    private final CodeBuilder b;
    /** The register the visitor methods compute into. */
    private int dst;

    ExpressionCompiler(FunctionCompiler fn, CodeBuilder b) {
        this.fn = fn;
        this.b = b;
    }

    // ------------------------------------------------------------------ entry points

    /** Compute {@code e} into register {@code target}. */
    void into(Expr e, int target) {
        int saved = dst;
        dst = target;
        e.accept(this);
        dst = saved;
    }

    /** A register holding {@code e}: a local's own register when possible, else a new temporary. */
    int anyReg(Expr e) {
        if (e instanceof Expr.Name n && fn.isPlainLocal(n)) {
            fn.checkAssigned(n);
            return n.slot;
        }
        int r = b.alloc();
        into(e, r);
        return r;
    }

    /**
     * True when {@code e} makes a new value in its last instruction, so it may
     * be computed straight into a local's register: no copy is needed and no
     * earlier instruction of it writes the target.
     */
    static boolean fresh(Expr e) {
        return e instanceof Expr.Literal || e instanceof Expr.Binary || e instanceof Expr.Unary
                || e instanceof Expr.ListLiteral || e instanceof Expr.Lambda;
    }

    /** Jump to {@code target} when the truth of {@code e} is {@code jumpIf}; fall through otherwise. */
    void cond(Expr e, boolean jumpIf, Label target) {
        if (e instanceof Expr.Logical l) {
            Assigned before = fn.assigned.copy();
            if (l.isAnd != jumpIf) {
                // and-false / or-true: either operand decides alone
                cond(l.left, jumpIf, target);
                cond(l.right, jumpIf, target);
            } else {
                Label skip = new Label();
                cond(l.left, !jumpIf, skip);
                cond(l.right, jumpIf, target);
                b.bind(skip);
            }
            // the right operand runs only sometimes: what it checked is not known afterwards
            fn.assigned = before;
            return;
        }
        if (e instanceof Expr.Unary u && u.op.equals("not")) {
            cond(u.operand, !jumpIf, target);
            return;
        }
        if (e instanceof Expr.Literal lit) {
            if (Values.truthy(lit.value) == jumpIf) {
                b.jump(target);
            }
            return;
        }
        int mark = b.top();
        int sense = jumpIf ? 1 : 0;
        if (e instanceof Expr.Binary bin && compareJump(bin.op) != null) {
            int left = anyReg(bin.left);
            Integer imm = smallInt(bin.right);
            if (imm != null) {
                b.emitJump(compareJumpImmediate(bin.op), left, target, imm, sense);
            } else {
                int right = operand(bin.right, true);
                b.emitJump(compareJump(bin.op), left, target, right, sense);
            }
        } else {
            int r = anyReg(e);
            b.emitJump(jumpIf ? Opcode.JT : Opcode.JF, r, target);
        }
        b.release(mark);
    }

    // ------------------------------------------------------------------ names

    @Override
    public Void visitLiteral(Expr.Literal e) {
        b.emit(Opcode.LOADK, dst, fn.constant(e.value));
        return null;
    }

    @Override
    public Void visitName(Expr.Name e) {
        load(e, dst, false);
        return null;
    }

    /** Load a name; {@code called} picks the "unknown builtin" message of a callee. */
    private void load(Expr.Name n, int target, boolean called) {
        int c = called ? 1 : 0;
        switch (n.scope) {
            case LOCAL, CELL -> {
                if (fn.isCell(n.slot)) {
                    b.emit(Opcode.GETCELL, target, n.slot);
                } else {
                    fn.checkAssigned(n);
                    if (target != n.slot) {
                        b.emit(Opcode.MOVE, target, n.slot);
                    }
                }
            }
            case FREE -> b.emit(Opcode.GETFREE, target, n.slot);
            case CLASS_OR_GLOBAL -> b.emit(Opcode.GETCG, target, n.slot, c);
            case CLASS_BODY -> b.emit(Opcode.GETNS, target, fn.namespace(), n.slot, c);
            default -> b.emit(Opcode.GETG, target, n.slot);
        }
    }

    /** Load a callee and make the arity check that precedes argument evaluation ({@code args < 0}: none). */
    void loadCallee(Expr callee, int target, int args) {
        if (callee instanceof Expr.Name n && n.scope == Scope.GLOBAL) {
            b.emit(Opcode.GETGC, target, n.slot, args);
            return;
        }
        if (callee instanceof Expr.Name n) {
            load(n, target, true);
        } else {
            into(callee, target);
        }
        if (args > 0) {
            b.emit(Opcode.CHKCALL, target, args);
        }
    }

    // ------------------------------------------------------------------ operators

    @Override
    public Void visitUnary(Expr.Unary e) {
        int mark = b.top();
        int r = anyReg(e.operand);
        Opcode op = switch (e.op) {
            case "-" -> Opcode.NEG;
            case "+" -> Opcode.POS;
            default -> Opcode.NOT;
        };
        b.emit(op, dst, r);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitBinary(Expr.Binary e) {
        if (concat3(e)) {
            return null;
        }
        int mark = b.top();
        // the left operand may be read late, by the instruction, when nothing runs between
        int left = operand(e.left, quiet(e.right));
        Integer imm = smallInt(e.right);
        if (imm != null && (e.op.equals("+") || e.op.equals("-") || e.op.equals("*"))) {
            Opcode op = e.op.equals("+") ? Opcode.ADDI : e.op.equals("-") ? Opcode.SUBI : Opcode.MULI;
            b.emit(op, dst, left, imm);
        } else {
            int right = operand(e.right, true);
            b.emit(arithmetic(e.op), dst, left, right);
        }
        b.release(mark);
        return null;
    }

    /**
     * {@code x + y + z} with a string literal among them (text being built):
     * one CONCAT3. Only when evaluating {@code z} cannot run code, fail or
     * be seen, as {@code x + y} is then computed after it rather than before.
     */
    private boolean concat3(Expr.Binary e) {
        if (!e.op.equals("+") || !(e.left instanceof Expr.Binary l) || !l.op.equals("+")
                || !(e.right instanceof Expr.Literal || assignedLocal(e.right))
                || !(stringLiteral(l.left) || stringLiteral(l.right) || stringLiteral(e.right))) {
            return false;
        }
        int mark = b.top();
        int x = anyReg(l.left);
        int y = anyReg(l.right);
        int z = anyReg(e.right);
        b.emit(Opcode.CONCAT3, dst, x, y, z);
        b.release(mark);
        return true;
    }

    private static boolean stringLiteral(Expr e) {
        return e instanceof Expr.Literal lit && lit.value instanceof String;
    }

    /** A plain local certainly assigned here: reading it runs nothing and cannot fail. */
    private boolean assignedLocal(Expr e) {
        return e instanceof Expr.Name n && fn.isPlainLocal(n) && fn.assigned.has(n.slot);
    }

    /**
     * An operand for an instruction that takes global operands: a global's
     * encoded slot ({@code -1 - slot}, read by the instruction itself) when
     * {@code late} allows, else a register as {@link #anyReg}.
     */
    int operand(Expr e, boolean late) {
        if (late && e instanceof Expr.Name n && n.scope == Scope.GLOBAL) {
            return -1 - n.slot;
        }
        return anyReg(e);
    }

    /**
     * True when evaluating {@code e} runs no code and cannot fail, or is itself
     * a global read: then an operand before it may be read when the
     * instruction runs without changing the order of effects or errors.
     */
    boolean quiet(Expr e) {
        if (e instanceof Expr.Literal) {
            return true;
        }
        return (e instanceof Expr.Name n && n.scope == Scope.GLOBAL) || assignedLocal(e);
    }

    static Opcode arithmetic(String op) {
        return switch (op) {
            case "+" -> Opcode.ADD;
            case "-" -> Opcode.SUB;
            case "*" -> Opcode.MUL;
            case "/" -> Opcode.DIV;
            case "//" -> Opcode.IDIV;
            case "%" -> Opcode.MOD;
            case "**" -> Opcode.POW;
            case "<" -> Opcode.LT;
            case "<=" -> Opcode.LE;
            case ">" -> Opcode.GT;
            case ">=" -> Opcode.GE;
            case "==" -> Opcode.EQ;
            case "!=" -> Opcode.NE;
            case "in" -> Opcode.IN;
            case "not in" -> Opcode.NIN;
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    private static Opcode compareJump(String op) {
        return switch (op) {
            case "<" -> Opcode.JLT;
            case "<=" -> Opcode.JLE;
            case ">" -> Opcode.JGT;
            case ">=" -> Opcode.JGE;
            case "==" -> Opcode.JEQ;
            case "!=" -> Opcode.JNE;
            default -> null;
        };
    }

    private static Opcode compareJumpImmediate(String op) {
        return switch (op) {
            case "<" -> Opcode.JLTI;
            case "<=" -> Opcode.JLEI;
            case ">" -> Opcode.JGTI;
            case ">=" -> Opcode.JGEI;
            case "==" -> Opcode.JEQI;
            default -> Opcode.JNEI;
        };
    }

    /** The value of an integer literal that fits an immediate operand, else null. */
    static Integer smallInt(Expr e) {
        if (e instanceof Expr.Literal lit && lit.value instanceof Long v && v >= Integer.MIN_VALUE
                && v <= Integer.MAX_VALUE) {
            return (int) (long) v;
        }
        return null;
    }

    @Override
    public Void visitLogical(Expr.Logical e) {
        into(e.left, dst);
        Label end = new Label();
        b.emitJump(e.isAnd ? Opcode.JF : Opcode.JT, dst, end);
        Assigned before = fn.assigned.copy();
        into(e.right, dst);
        fn.assigned = before;
        b.bind(end);
        return null;
    }

    @Override
    public Void visitConditional(Expr.Conditional e) {
        Label otherwise = new Label();
        Label end = new Label();
        cond(e.condition, false, otherwise);
        Assigned before = fn.assigned.copy();
        into(e.then, dst);
        b.jump(end);
        b.bind(otherwise);
        fn.assigned = before.copy();
        into(e.otherwise, dst);
        fn.assigned = before;
        b.bind(end);
        return null;
    }

    // ------------------------------------------------------------------ calls

    @Override
    public Void visitCall(Expr.Call e) {
        int mark = b.top();
        // the result lands in the call's base register: use dst itself when it is the newest temporary
        int base = dst == mark - 1 && dst >= fn.locals() ? dst : b.alloc();
        call(e, base);
        if (base != dst) {
            b.emit(Opcode.MOVE, dst, base);
        }
        b.release(mark);
        return null;
    }

    /**
     * Compile a call whose callee goes to register {@code base}, the newest
     * allocated register (everything above it is free); the result is left in
     * {@code base}.
     */
    void call(Expr.Call e, int base) {
        if (b.top() != base + 1) {
            throw new IllegalStateException("the call base must be the newest register");
        }
        int n = e.args.size();
        if (e.callee instanceof Expr.Attribute at) {
            int self = b.alloc();
            into(at.target, self);
            b.emit(Opcode.LOOKUP, base, fn.constant(at.name), n);
            arguments(e.args, base + 2);
            b.emit(Opcode.CALLM, base, n);
        } else {
            loadCallee(e.callee, base, n);
            arguments(e.args, base + 1);
            b.emit(Opcode.CALL, base, n);
        }
        b.release(base + 1);
    }

    private void arguments(List<Expr> args, int first) {
        for (int i = 0; i < args.size(); i++) {
            int r = b.alloc();
            if (r != first + i) {
                throw new IllegalStateException("argument registers are not consecutive");
            }
            into(args.get(i), r);
        }
    }

    // ------------------------------------------------------------------ containers

    @Override
    public Void visitAttribute(Expr.Attribute e) {
        int mark = b.top();
        int t = anyReg(e.target);
        b.emit(Opcode.GETA, dst, t, fn.constant(e.name));
        b.release(mark);
        return null;
    }

    @Override
    public Void visitIndex(Expr.Index e) {
        int mark = b.top();
        int t = operand(e.target, quiet(e.index));
        int i = operand(e.index, true);
        b.emit(Opcode.GETX, dst, t, i);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitSlice(Expr.Slice e) {
        int mark = b.top();
        int t = anyReg(e.target);
        int lo = e.lower == null ? -1 : anyReg(e.lower);
        int hi = e.upper == null ? -1 : anyReg(e.upper);
        b.emit(Opcode.SLICE, dst, t, lo, hi);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitListLiteral(Expr.ListLiteral e) {
        int mark = b.top();
        int n = e.items.size();
        int first = b.top();
        arguments(e.items, first);
        b.emit(Opcode.NEWLIST, dst, n == 0 ? 0 : first, n);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitDictLiteral(Expr.DictLiteral e) {
        b.emit(Opcode.NEWDICT, dst);
        for (int i = 0; i < e.keys.size(); i++) {
            int mark = b.top();
            int k = anyReg(e.keys.get(i));
            int v = anyReg(e.values.get(i));
            b.emit(Opcode.DICTSET, dst, k, v);
            b.release(mark);
        }
        return null;
    }

    @Override
    public Void visitLambda(Expr.Lambda e) {
        b.emit(Opcode.CLOSURE, dst, fn.function(e.function));
        return null;
    }
}
