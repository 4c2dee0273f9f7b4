package pebbleos.lang.vm.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import pebbleos.lang.core.syntax.Expr;
import pebbleos.lang.core.syntax.Scope;
import pebbleos.lang.core.syntax.Stmt;
import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Proto;

/**
 * Compiles the statements of one function (or of a module's top level) into
 * a {@link Proto}. Lines: every instruction is reported at the statement that
 * contains it, conditions and loop bookkeeping at their compound statement,
 * the way the interpreter's blocks locate errors.
 *
 * <p>{@code finally} blocks are compiled inline on every way out of their try
 * (fall-through, break, continue, return) and once more as a handler that
 * re-raises; the inlined copies are cut out of the try's handler regions.
 */
final class FunctionCompiler implements Stmt.Visitor<Void> {
    /** What an exit (break, continue, return) passes on its way out. */
    private abstract static class Block {
    }

    private static final class Loop extends Block {
        final Label breakTo;
        final Label continueTo;

        Loop(Label breakTo, Label continueTo) {
            this.breakTo = breakTo;
            this.continueTo = continueTo;
        }
    }

    /** A try body, an except block, or the part of a try a finally guards. */
    private static final class Guarded extends Block {
        final Region region = new Region();
        /** The finally body to run on the way out, or null. */
        final List<Stmt> finallyBody;

        Guarded(List<Stmt> finallyBody) {
            this.finallyBody = finallyBody;
        }
    }

    private final Compiler unit;
    private final Stmt.FunctionDef def;
    private final List<Stmt> body;
    private final CodeBuilder b;
    private final ExpressionCompiler ex;
    private final List<Block> blocks = new ArrayList<>();
    /** Registers holding the namespaces of the class bodies being compiled, innermost first. */
    private final Deque<Integer> namespaces = new ArrayDeque<>();
    Assigned assigned = new Assigned();

    FunctionCompiler(Compiler unit, Stmt.FunctionDef def, List<Stmt> body) {
        this.unit = unit;
        this.def = def;
        this.body = body;
        this.b = new CodeBuilder(def == null ? 0 : def.slotCount(), def == null ? 1 : def.line);
        this.ex = new ExpressionCompiler(this, b);
        if (def != null) {
            for (int i = 0; i < def.params.size(); i++) {
                assigned.mark(i);
            }
        }
    }

    Proto compile() {
        block(body);
        if (def == null) {
            b.emit(Opcode.END);
        } else {
            b.line = def.line;
            b.emit(Opcode.RET0);
        }
        int[] cells = cellSlots();
        String[] localNames = def == null ? new String[0] : def.slotNames.toArray(new String[0]);
        String[] freeNames = def == null ? new String[0] : def.freeNames.toArray(new String[0]);
        int[] freeSources = def == null ? new int[0] : def.freeSources.clone();
        return new Proto(def == null ? "<module>" : def.name, def == null ? 0 : def.params.size(), locals(),
                b.registers(), cells, freeSources, localNames, freeNames, b.code(), b.lines(), b.handlers(),
                b.handling(), def == null ? 1 : def.line, def == null);
    }

    private int[] cellSlots() {
        if (def == null) {
            return new int[0];
        }
        int n = 0;
        for (boolean c : def.cellSlots) {
            n += c ? 1 : 0;
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < def.cellSlots.length; i++) {
            if (def.cellSlots[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ facts for the expression compiler

    int locals() {
        return def == null ? 0 : def.slotCount();
    }

    boolean isCell(int slot) {
        return def != null && slot < def.cellSlots.length && def.cellSlots[slot];
    }

    /** A local kept in its own register (not a cell): read and written directly. */
    boolean isPlainLocal(Expr.Name n) {
        return (n.scope == Scope.LOCAL || n.scope == Scope.CELL) && !isCell(n.slot);
    }

    /** Emit the unassigned-local check unless the local is known to hold a value here. */
    void checkAssigned(Expr.Name n) {
        if (!assigned.has(n.slot)) {
            b.emit(Opcode.CHECK, n.slot);
            assigned.mark(n.slot);
        }
    }

    int namespace() {
        Integer ns = namespaces.peek();
        if (ns == null) {
            throw new IllegalStateException("class-body name outside a class body");
        }
        return ns;
    }

    int constant(Object value) {
        return unit.constant(value);
    }

    int function(Stmt.FunctionDef inner) {
        return unit.function(inner);
    }

    // ------------------------------------------------------------------ stores

    /** Store register {@code value} into name {@code n} (value semantics: containers are copied). */
    private void store(Expr.Name n, int value) {
        switch (n.scope) {
            case LOCAL, CELL -> {
                if (isCell(n.slot)) {
                    b.emit(Opcode.SETCELL, n.slot, value);
                } else {
                    if (value != n.slot) {
                        b.emit(Opcode.SETL, n.slot, value);
                    }
                    assigned.mark(n.slot);
                }
            }
            case CLASS_BODY -> b.emit(Opcode.SETNS, value, namespace(), n.slot);
            default -> b.emit(Opcode.SETG, value, n.slot);
        }
    }

    /** Compute {@code value} and store it in {@code n}, straight into the local's register when it may. */
    private void assign(Expr.Name n, Expr value) {
        if (n.scope == Scope.GLOBAL && value instanceof Expr.Binary bin && bin.left instanceof Expr.Name same
                && same.scope == Scope.GLOBAL && same.slot == n.slot && incrementGlobal(n, bin.op, bin.right)) {
            return;
        }
        int mark = b.top();
        if (isPlainLocal(n) && ExpressionCompiler.fresh(value)) {
            ex.into(value, n.slot);
            assigned.mark(n.slot);
        } else {
            store(n, ex.anyReg(value));
        }
        b.release(mark);
    }

    /** {@code g = g + k}, {@code g = g - k}, {@code g += k}, {@code g -= k} with an int literal k: one INCG. */
    private boolean incrementGlobal(Expr.Name n, String op, Expr amount) {
        Integer k = ExpressionCompiler.smallInt(amount);
        if (k == null || !(op.equals("+") || op.equals("-"))) {
            return false;
        }
        b.emit(Opcode.INCG, 0, n.slot, k, op.equals("+") ? 0 : 1);
        return true;
    }

    // ------------------------------------------------------------------ blocks

    private void block(List<Stmt> statements) {
        if (statements == null) {
            return;
        }
        for (Stmt s : statements) {
            b.line = s.line;
            s.accept(this);
        }
    }

    /**
     * Leave the blocks above {@code keep} (closing their regions and running
     * their finally bodies, innermost first), let {@code exit} emit the jump or
     * return, then reopen the regions for the code that follows.
     */
    private void leave(int keep, Runnable exit) {
        List<Block> saved = new ArrayList<>(blocks);
        List<Guarded> closed = new ArrayList<>();
        int line = b.line;
        for (int i = saved.size() - 1; i >= keep; i--) {
            while (blocks.size() > i) {
                blocks.remove(blocks.size() - 1);
            }
            if (saved.get(i) instanceof Guarded g) {
                g.region.close(b.pc());
                closed.add(g);
                if (g.finallyBody != null) {
                    block(g.finallyBody);
                    b.line = line;
                }
            }
        }
        exit.run();
        blocks.clear();
        blocks.addAll(saved);
        for (Guarded g : closed) {
            g.region.open(b.pc());
        }
        assigned.markUnreachable();
    }

    private int innermostLoop() {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof Loop) {
                return i;
            }
        }
        throw new IllegalStateException("break outside loop");
    }

    private boolean anyFinally() {
        for (Block k : blocks) {
            if (k instanceof Guarded g && g.finallyBody != null) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ simple statements

    @Override
    public Void visitExpression(Stmt.Expression s) {
        int mark = b.top();
        if (s.expr instanceof Expr.Call call) {
            ex.call(call, b.alloc());
        } else {
            ex.into(s.expr, b.alloc());
        }
        b.release(mark);
        return null;
    }

    @Override
    public Void visitAssign(Stmt.Assign s) {
        int mark = b.top();
        if (s.target instanceof Expr.Name n) {
            assign(n, s.value);
        } else if (s.target instanceof Expr.Index i) {
            int t = ex.anyReg(i.target);
            int k = ex.anyReg(i.index);
            int v = ex.anyReg(s.value);
            b.emit(Opcode.SETX, t, k, v);
        } else {
            Expr.Attribute a = (Expr.Attribute) s.target;
            int t = ex.anyReg(a.target);
            int v = ex.anyReg(s.value);
            b.emit(Opcode.SETA, t, constant(a.name), v);
        }
        b.release(mark);
        return null;
    }

    @Override
    public Void visitAugAssign(Stmt.AugAssign s) {
        int mark = b.top();
        Opcode op = ExpressionCompiler.arithmetic(s.op);
        if (s.target instanceof Expr.Name n && n.scope == Scope.GLOBAL && incrementGlobal(n, s.op, s.value)) {
            b.release(mark);
            return null;
        }
        if (s.target instanceof Expr.Name n) {
            if (isPlainLocal(n)) {
                checkAssigned(n);
                int v = ex.anyReg(s.value);
                if (op == Opcode.ADD) {
                    Label next = new Label();
                    b.emitJump(Opcode.IADD, n.slot, next, n.slot, v);
                    b.bind(next);
                } else {
                    b.emit(op, n.slot, n.slot, v);
                }
            } else {
                int current = b.alloc();
                ex.into(n, current);
                int v = ex.anyReg(s.value);
                if (op == Opcode.ADD) {
                    // two lists: extended in place and nothing is stored, as in the interpreter
                    Label done = new Label();
                    b.emitJump(Opcode.IADD, current, done, current, v);
                    store(n, current);
                    b.bind(done);
                } else {
                    b.emit(op, current, current, v);
                    store(n, current);
                }
            }
        } else if (s.target instanceof Expr.Index i) {
            int t = ex.anyReg(i.target);
            int k = ex.anyReg(i.index);
            int current = b.alloc();
            b.emit(Opcode.GETX, current, t, k);
            int v = ex.anyReg(s.value);
            b.emit(op, current, current, v);
            b.emit(Opcode.SETX, t, k, current);
        } else {
            Expr.Attribute a = (Expr.Attribute) s.target;
            int t = ex.anyReg(a.target);
            int current = b.alloc();
            int name = constant(a.name);
            b.emit(Opcode.GETA, current, t, name);
            int v = ex.anyReg(s.value);
            b.emit(op, current, current, v);
            b.emit(Opcode.SETA, t, name, current);
        }
        b.release(mark);
        return null;
    }

    @Override
    public Void visitPrint(Stmt.Print s) {
        if (s.expr == null) {
            b.emit(Opcode.PRINTNL);
            return null;
        }
        int mark = b.top();
        b.emit(Opcode.PRINT, ex.anyReg(s.expr));
        b.release(mark);
        return null;
    }

    @Override
    public Void visitPass(Stmt.Pass s) {
        return null;
    }

    @Override
    public Void visitGlobal(Stmt.Global s) {
        return null;
    }

    @Override
    public Void visitDelete(Stmt.Delete s) {
        int mark = b.top();
        Expr.Index target = (Expr.Index) s.target;
        int t = ex.anyReg(target.target);
        int k = ex.anyReg(target.index);
        b.emit(Opcode.DELX, t, k);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitBreak(Stmt.Break s) {
        Loop loop = (Loop) blocks.get(innermostLoop());
        leave(innermostLoop() + 1, () -> b.jump(loop.breakTo));
        return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue s) {
        Loop loop = (Loop) blocks.get(innermostLoop());
        leave(innermostLoop() + 1, () -> b.jump(loop.continueTo));
        return null;
    }

    @Override
    public Void visitReturn(Stmt.Return s) {
        int mark = b.top();
        if (!anyFinally()) {
            if (s.value == null) {
                b.emit(Opcode.RET0);
            } else {
                b.emit(Opcode.RET, ex.anyReg(s.value));
            }
            assigned.markUnreachable();
        } else {
            // the value is computed before the finally bodies run, kept in a register they do not touch
            int v = b.alloc();
            if (s.value == null) {
                b.emit(Opcode.LOADK, v, constant(0L));
            } else {
                ex.into(s.value, v);
            }
            leave(0, () -> b.emit(Opcode.RET, v));
        }
        b.release(mark);
        return null;
    }

    @Override
    public Void visitRaise(Stmt.Raise s) {
        if (s.value == null) {
            b.emit(Opcode.RERAISE);
        } else {
            int mark = b.top();
            b.emit(Opcode.RAISE, ex.anyReg(s.value));
            b.release(mark);
        }
        assigned.markUnreachable();
        return null;
    }

    // ------------------------------------------------------------------ compound statements

    @Override
    public Void visitIf(Stmt.If s) {
        Label end = new Label();
        Assigned entry = assigned;
        Assigned out = null;
        for (int i = 0; i < s.conditions.size(); i++) {
            Label next = new Label();
            b.line = s.line;
            assigned = entry.copy();
            ex.cond(s.conditions.get(i), false, next);
            entry = assigned.copy();
            block(s.blocks.get(i));
            out = out == null ? assigned : out.meet(assigned);
            boolean last = i == s.conditions.size() - 1 && s.otherwise == null;
            if (!last) {
                b.line = s.line;
                b.jump(end);
            }
            b.bind(next);
        }
        assigned = entry.copy();
        if (s.otherwise != null) {
            block(s.otherwise);
        }
        assigned = out.meet(assigned);
        b.bind(end);
        return null;
    }

    @Override
    public Void visitWhile(Stmt.While s) {
        Label condition = new Label();
        Label top = new Label();
        Label exit = new Label();
        Assigned entry = assigned.copy();
        b.jump(condition);
        b.bind(top);
        blocks.add(new Loop(exit, condition));
        block(s.body);
        blocks.remove(blocks.size() - 1);
        b.bind(condition);
        b.line = s.line;
        assigned = entry.copy();
        ex.cond(s.condition, true, top);
        b.bind(exit);
        assigned = entry;
        return null;
    }

    @Override
    public Void visitFor(Stmt.For s) {
        int mark = b.top();
        int iterator = b.alloc();
        Label next = new Label();
        Label top = new Label();
        Label exit = new Label();
        if (s.iterable instanceof Expr.Call c && c.callee instanceof Expr.Name n && n.name.equals("range")) {
            // counts without building the list when the callee is the builtin range
            ex.loadCallee(n, iterator, -1);
            for (Expr arg : c.args) {
                ex.into(arg, b.alloc());
            }
            b.emitJump(Opcode.FORRANGE, iterator, next, c.args.size());
            b.emit(Opcode.CALL, iterator, c.args.size());
            b.emit(Opcode.ITER, iterator);
            b.release(iterator + 1);
        } else {
            ex.into(s.iterable, iterator);
            b.emit(Opcode.ITER, iterator);
        }
        b.jump(next);
        Assigned entry = assigned.copy();
        b.bind(top);
        int item;
        if (isPlainLocal(s.target)) {
            item = s.target.slot;
            assigned.mark(item);
        } else {
            item = b.alloc();
            store(s.target, item);
            b.release(item);
        }
        blocks.add(new Loop(exit, next));
        block(s.body);
        blocks.remove(blocks.size() - 1);
        b.bind(next);
        b.line = s.line;
        b.emitJump(Opcode.FORNEXT, iterator, top, item);
        b.bind(exit);
        assigned = entry;
        b.release(mark);
        return null;
    }

    @Override
    public Void visitTry(Stmt.Try s) {
        Assigned entry = assigned.copy();
        Guarded fin = null;
        if (s.finallyBody != null) {
            fin = new Guarded(s.finallyBody);
            blocks.add(fin);
            fin.region.open(b.pc());
        }
        if (s.hasExcept) {
            Guarded guarded = new Guarded(null);
            blocks.add(guarded);
            guarded.region.open(b.pc());
            block(s.body);
            guarded.region.close(b.pc());
            blocks.remove(blocks.size() - 1);
            Assigned bodyOut = assigned;
            Label after = new Label();
            b.line = s.line;
            b.jump(after);
            Label handler = new Label();
            b.bind(handler);
            int mark = b.top();
            int error = b.alloc();
            b.addHandler(guarded.region, handler, error);
            assigned = entry.copy();
            if (s.errorName != null) {
                if (isPlainLocal(s.errorName)) {
                    b.emit(Opcode.CAUGHT, s.errorName.slot, error);
                    assigned.mark(s.errorName.slot);
                } else {
                    int text = b.alloc();
                    b.emit(Opcode.CAUGHT, text, error);
                    store(s.errorName, text);
                    b.release(text);
                }
            }
            Guarded handling = new Guarded(null);
            blocks.add(handling);
            handling.region.open(b.pc());
            block(s.handler);
            handling.region.close(b.pc());
            blocks.remove(blocks.size() - 1);
            b.addHandling(handling.region, error);
            b.release(mark);
            assigned = bodyOut.meet(assigned);
            b.bind(after);
        } else {
            block(s.body);
        }
        if (fin != null) {
            fin.region.close(b.pc());
            blocks.remove(blocks.size() - 1);
            block(s.finallyBody);
            Assigned out = assigned;
            Label end = new Label();
            b.line = s.line;
            b.jump(end);
            Label handler = new Label();
            b.bind(handler);
            int mark = b.top();
            int error = b.alloc();
            b.addHandler(fin.region, handler, error);
            assigned = entry.copy();
            block(s.finallyBody);
            b.line = s.line;
            b.emit(Opcode.THROW, error);
            b.release(mark);
            b.bind(end);
            assigned = out;
        }
        return null;
    }

    @Override
    public Void visitFunctionDef(Stmt.FunctionDef s) {
        int index = function(s);
        if (isPlainLocal(s.target)) {
            b.emit(Opcode.CLOSURE, s.target.slot, index);
            assigned.mark(s.target.slot);
        } else {
            int mark = b.top();
            int r = b.alloc();
            b.emit(Opcode.CLOSURE, r, index);
            store(s.target, r);
            b.release(mark);
        }
        return null;
    }

    @Override
    public Void visitClassDef(Stmt.ClassDef s) {
        int mark = b.top();
        int ns = b.alloc();
        int base = -1;
        if (s.base != null) {
            base = b.alloc();
            ex.into(s.base, base);
            b.emit(Opcode.CHKBASE, base);
        }
        b.emit(Opcode.NEWNS, ns);
        namespaces.push(ns);
        block(s.body);
        namespaces.pop();
        b.line = s.line;
        int r = b.alloc();
        b.emit(Opcode.CLASS, r, ns, base, constant(s.name));
        store(s.target, r);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitImport(Stmt.Import s) {
        int mark = b.top();
        int r = b.alloc();
        b.emit(Opcode.IMPORT, r, constant(s.module), s.aliased ? 1 : 0);
        store(s.target, r);
        b.release(mark);
        return null;
    }

    @Override
    public Void visitFromImport(Stmt.FromImport s) {
        int mark = b.top();
        int module = b.alloc();
        b.emit(Opcode.MODULE, module, constant(s.module));
        for (int i = 0; i < s.targets.size(); i++) {
            int r = b.alloc();
            b.emit(Opcode.MEMBER, r, module, constant(s.names.get(i)));
            store(s.targets.get(i), r);
            b.release(r);
        }
        b.release(mark);
        return null;
    }
}
