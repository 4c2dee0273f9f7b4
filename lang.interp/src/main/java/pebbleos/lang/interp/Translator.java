package pebbleos.lang.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.syntax.Expr;
import pebbleos.lang.core.syntax.Scope;
import pebbleos.lang.core.syntax.Stmt;
import pebbleos.lang.interp.node.CallNodes;
import pebbleos.lang.interp.node.Containers;
import pebbleos.lang.interp.node.Definitions;
import pebbleos.lang.interp.node.Ev;
import pebbleos.lang.interp.node.Ex;
import pebbleos.lang.interp.node.Loops;
import pebbleos.lang.interp.node.Names;
import pebbleos.lang.interp.node.Operators;
import pebbleos.lang.interp.node.Statements;

/**
 * Compiles the resolved AST into the interpreter's executable node tree
 * ("closure compilation"): every name becomes a slot access of the right
 * kind, every operator a node with its fast path.
 */
final class Translator implements Stmt.Visitor<Ex>, Expr.Visitor<Ev> {
    private final String file;
    /** The function being compiled, or null for module code. */
    private final Stmt.FunctionDef function;

    private Translator(String file, Stmt.FunctionDef function) {
        this.file = file;
        this.function = function;
    }

    /** Compile a module body. */
    static Ex module(String file, List<Stmt> body) {
        Translator t = new Translator(file, null);
        List<Ex> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            try {
                out.add(t.statement(s));
            } catch (StackOverflowError e) {
                // a very long operator chain makes a tree deeper than the parser's nesting limit
                throw PebbleError.at(file, s.line, "expression is nested too deeply");
            }
        }
        return new Statements.Block(0, out.toArray(new Ex[0]));
    }

    // ------------------------------------------------------------------ statements

    private Ex block(int line, List<Stmt> body) {
        List<Ex> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            out.add(statement(s));
        }
        return new Statements.Block(line, out.toArray(new Ex[0]));
    }

    private Ex statement(Stmt s) {
        return s.accept(this);
    }

    // A new kind of statement does not compile until it is translated here.

    @Override
    public Ex visitExpression(Stmt.Expression s) {
        return new Statements.ExprStmt(s.line, expr(s.expr));
    }

    @Override
    public Ex visitPrint(Stmt.Print s) {
        return new Statements.Print(s.line, s.expr == null ? null : expr(s.expr));
    }

    @Override
    public Ex visitAssign(Stmt.Assign s) {
        return assign(s.line, s.target, expr(s.value));
    }

    @Override
    public Ex visitAugAssign(Stmt.AugAssign s) {
        return augAssign(s.line, s);
    }

    @Override
    public Ex visitIf(Stmt.If s) {
        Ev[] conditions = new Ev[s.conditions.size()];
        Ex[] blocks = new Ex[conditions.length];
        for (int k = 0; k < conditions.length; k++) {
            conditions[k] = expr(s.conditions.get(k));
            blocks[k] = block(s.line, s.blocks.get(k));
        }
        return new Loops.If(s.line, conditions, blocks, s.otherwise == null ? null : block(s.line, s.otherwise));
    }

    @Override
    public Ex visitWhile(Stmt.While s) {
        return new Loops.While(s.line, expr(s.condition), block(s.line, s.body));
    }

    @Override
    public Ex visitFor(Stmt.For s) {
        Ev rangeCallee = null;
        Ev[] rangeArgs = null;
        if (s.iterable instanceof Expr.Call c && c.callee instanceof Expr.Name n && n.name.equals("range")) {
            rangeCallee = expr(c.callee);
            rangeArgs = exprs(c.args);
        }
        return new Loops.For(s.line, store(s.target), rangeCallee == null ? expr(s.iterable) : null, rangeCallee,
                rangeArgs, block(s.line, s.body));
    }

    @Override
    public Ex visitBreak(Stmt.Break s) {
        return new Statements.Jump(s.line, Ex.BREAK);
    }

    @Override
    public Ex visitContinue(Stmt.Continue s) {
        return new Statements.Jump(s.line, Ex.CONTINUE);
    }

    @Override
    public Ex visitPass(Stmt.Pass s) {
        return new Statements.Jump(s.line, Ex.NORMAL);
    }

    @Override
    public Ex visitReturn(Stmt.Return s) {
        return new Statements.Return(s.line, s.value == null ? null : expr(s.value));
    }

    @Override
    public Ex visitRaise(Stmt.Raise s) {
        return new Statements.Raise(s.line, s.value == null ? null : expr(s.value));
    }

    @Override
    public Ex visitTry(Stmt.Try s) {
        return new Statements.Try(s.line, block(s.line, s.body), s.hasExcept,
                s.errorName == null ? null : store(s.errorName),
                s.handler == null ? null : block(s.line, s.handler),
                s.finallyBody == null ? null : block(s.line, s.finallyBody));
    }

    @Override
    public Ex visitFunctionDef(Stmt.FunctionDef s) {
        return new Statements.Assign(s.line, store(s.target), makeFunction(s));
    }

    @Override
    public Ex visitClassDef(Stmt.ClassDef s) {
        return new Definitions.ClassDef(s.line, s.name, s.base == null ? null : expr(s.base), block(s.line, s.body),
                store(s.target));
    }

    @Override
    public Ex visitImport(Stmt.Import s) {
        return new Definitions.Import(s.line, s.module, s.aliased, store(s.target));
    }

    @Override
    public Ex visitFromImport(Stmt.FromImport s) {
        Names.Store[] targets = new Names.Store[s.targets.size()];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = store(s.targets.get(k));
        }
        return new Definitions.FromImport(s.line, s.module, s.names, targets);
    }

    @Override
    public Ex visitGlobal(Stmt.Global s) {
        // resolved already: the names are global slots
        return new Statements.Jump(s.line, Ex.NORMAL);
    }

    @Override
    public Ex visitDelete(Stmt.Delete s) {
        Expr.Index target = (Expr.Index) s.target;
        return new Statements.Delete(s.line, expr(target.target), expr(target.index));
    }

    private Ex assign(int line, Expr target, Ev value) {
        if (target instanceof Expr.Name n) {
            return new Statements.Assign(line, store(n), value);
        }
        if (target instanceof Expr.Index i) {
            return new Statements.IndexAssign(line, expr(i.target), expr(i.index), value);
        }
        Expr.Attribute a = (Expr.Attribute) target;
        return new Statements.AttributeAssign(line, expr(a.target), a.name, value);
    }

    private Ex augAssign(int line, Stmt.AugAssign a) {
        BinaryOperator<Object> op = operator(a.op);
        Ev value = expr(a.value);
        if (a.target instanceof Expr.Name n) {
            return new Statements.AugAssign(line, store(n), op, value);
        }
        if (a.target instanceof Expr.Index i) {
            return new Statements.AugIndexAssign(line, expr(i.target), expr(i.index), op, value);
        }
        Expr.Attribute at = (Expr.Attribute) a.target;
        return new Statements.AugAttributeAssign(line, expr(at.target), at.name, op, value);
    }

    static BinaryOperator<Object> operator(String op) {
        return switch (op) {
            case "+" -> Statements.AUG_ADD;
            case "-" -> Ops::sub;
            case "*" -> Ops::mul;
            case "/" -> Ops::div;
            case "//" -> Ops::floorDiv;
            case "%" -> Ops::mod;
            case "**" -> Ops::pow;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private boolean isCell(int slot) {
        return function != null && slot < function.cellSlots.length && function.cellSlots[slot];
    }

    private Names.Store store(Expr.Name n) {
        return switch (n.scope) {
            case LOCAL, CELL -> isCell(n.slot) ? new Names.CellStore(n.slot, n.name)
                    : new Names.LocalStore(n.slot, n.name);
            case CLASS_BODY -> new Names.ClassBodyStore(n.slot, n.name);
            default -> new Names.GlobalStore(n.slot, n.name);
        };
    }

    private Ev makeFunction(Stmt.FunctionDef d) {
        Translator inner = new Translator(file, d);
        Ex body = inner.block(d.line, d.body);
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < d.cellSlots.length; i++) {
            if (d.cellSlots[i]) {
                cells.add(i);
            }
        }
        int[] cellSlots = cells.isEmpty() ? null : cells.stream().mapToInt(Integer::intValue).toArray();
        FunctionCode code = new FunctionCode(d.name, d.params.size(), d.slotCount(), cellSlots, d.freeSources, body,
                file, d.line);
        return new Definitions.MakeFunction(code);
    }

    // ------------------------------------------------------------------ expressions

    private Ev expr(Expr e) {
        return e.accept(this);
    }

    private Ev[] exprs(List<Expr> es) {
        Ev[] out = new Ev[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(es.get(i));
        }
        return out;
    }

    @Override
    public Ev visitLiteral(Expr.Literal e) {
        return new Names.Const(e.value);
    }

    @Override
    public Ev visitName(Expr.Name e) {
        return name(e, false);
    }

    private Ev name(Expr.Name e, boolean called) {
        return switch (e.scope) {
            case LOCAL, CELL -> isCell(e.slot) ? new Names.CellLoad(e.slot, e.name) : new Names.LocalLoad(e.slot, e.name);
            case FREE -> new Names.FreeLoad(e.slot, e.name);
            case CLASS_OR_GLOBAL -> new Names.ClassOrGlobalLoad(e.slot, e.name, called);
            case CLASS_BODY -> new Names.ClassBodyLoad(e.slot, e.name, called);
            default -> new Names.GlobalLoad(e.slot, e.name, called);
        };
    }

    @Override
    public Ev visitUnary(Expr.Unary e) {
        Ev operand = expr(e.operand);
        return switch (e.op) {
            case "-" -> new Operators.Negate(operand);
            case "+" -> new Operators.Plus(operand);
            default -> new Operators.Not(operand);
        };
    }

    @Override
    public Ev visitBinary(Expr.Binary e) {
        return Operators.binary(e.op, expr(e.left), expr(e.right));
    }

    @Override
    public Ev visitLogical(Expr.Logical e) {
        return new Operators.Logical(e.isAnd, expr(e.left), expr(e.right));
    }

    @Override
    public Ev visitCall(Expr.Call e) {
        Ev[] args = exprs(e.args);
        if (e.callee instanceof Expr.Attribute a) {
            return new CallNodes.MethodCall(expr(a.target), a.name, args);
        }
        Ev callee = e.callee instanceof Expr.Name n ? name(n, true) : expr(e.callee);
        return new CallNodes.Call(callee, args);
    }

    @Override
    public Ev visitAttribute(Expr.Attribute e) {
        return new Containers.Attribute(expr(e.target), e.name);
    }

    @Override
    public Ev visitIndex(Expr.Index e) {
        return new Containers.Index(expr(e.target), expr(e.index));
    }

    @Override
    public Ev visitSlice(Expr.Slice e) {
        return new Containers.Slice(expr(e.target), e.lower == null ? null : expr(e.lower),
                e.upper == null ? null : expr(e.upper));
    }

    @Override
    public Ev visitListLiteral(Expr.ListLiteral e) {
        return new Containers.ListLiteral(exprs(e.items));
    }

    @Override
    public Ev visitDictLiteral(Expr.DictLiteral e) {
        return new Containers.DictLiteral(exprs(e.keys), exprs(e.values));
    }

    @Override
    public Ev visitLambda(Expr.Lambda e) {
        return makeFunction(e.function);
    }

    @Override
    public Ev visitConditional(Expr.Conditional e) {
        return new Operators.Conditional(expr(e.condition), expr(e.then), expr(e.otherwise));
    }
}
