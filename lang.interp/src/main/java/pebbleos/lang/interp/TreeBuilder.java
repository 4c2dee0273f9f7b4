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
import pebbleos.lang.interp.node.ExprNode;
import pebbleos.lang.interp.node.StmtNode;
import pebbleos.lang.interp.node.Loops;
import pebbleos.lang.interp.node.Names;
import pebbleos.lang.interp.node.Operators;
import pebbleos.lang.interp.node.Statements;

/**
 * Compiles the resolved AST into the interpreter's executable node tree
 * ("closure compilation"): every name becomes a slot access of the right
 * kind, every operator a node with its fast path.
 */
final class TreeBuilder implements Stmt.Visitor<StmtNode>, Expr.Visitor<ExprNode> {
    private final String file;
    /** The function being compiled, or null for module code. */
    private final Stmt.FunctionDef function;

    private TreeBuilder(String file, Stmt.FunctionDef function) {
        this.file = file;
        this.function = function;
    }

    /** Compile a module body. */
    static StmtNode module(String file, List<Stmt> body) {
        TreeBuilder t = new TreeBuilder(file, null);
        List<StmtNode> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            try {
                out.add(t.statement(s));
            } catch (StackOverflowError e) {
                // a very long operator chain makes a tree deeper than the parser's nesting limit
                throw PebbleError.at(file, s.line, "expression is nested too deeply");
            }
        }
        return Statements.block(0, out.toArray(new StmtNode[0]));
    }

    // ------------------------------------------------------------------ statements

    private StmtNode block(int line, List<Stmt> body) {
        List<StmtNode> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            out.add(statement(s));
        }
        return Statements.block(line, out.toArray(new StmtNode[0]));
    }

    private StmtNode statement(Stmt s) {
        return s.accept(this);
    }

    // A new kind of statement does not compile until it is translated here.

    @Override
    public StmtNode visitExpression(Stmt.Expression s) {
        return new Statements.ExprStmt(s.line, expr(s.expr));
    }

    @Override
    public StmtNode visitPrint(Stmt.Print s) {
        return new Statements.Print(s.line, s.expr == null ? null : expr(s.expr));
    }

    @Override
    public StmtNode visitAssign(Stmt.Assign s) {
        return assign(s.line, s.target, expr(s.value));
    }

    @Override
    public StmtNode visitAugAssign(Stmt.AugAssign s) {
        return augAssign(s.line, s);
    }

    @Override
    public StmtNode visitIf(Stmt.If s) {
        ExprNode[] conditions = new ExprNode[s.conditions.size()];
        StmtNode[] blocks = new StmtNode[conditions.length];
        for (int k = 0; k < conditions.length; k++) {
            conditions[k] = expr(s.conditions.get(k));
            blocks[k] = block(s.line, s.blocks.get(k));
        }
        return new Loops.If(s.line, conditions, blocks, s.otherwise == null ? null : block(s.line, s.otherwise));
    }

    @Override
    public StmtNode visitWhile(Stmt.While s) {
        return new Loops.While(s.line, expr(s.condition), block(s.line, s.body));
    }

    @Override
    public StmtNode visitFor(Stmt.For s) {
        ExprNode rangeCallee = null;
        ExprNode[] rangeArgs = null;
        if (s.iterable instanceof Expr.Call c && c.callee instanceof Expr.Name n && n.name.equals("range")) {
            rangeCallee = expr(c.callee);
            rangeArgs = exprs(c.args);
        }
        return new Loops.For(s.line, store(s.target), rangeCallee == null ? expr(s.iterable) : null, rangeCallee,
                rangeArgs, block(s.line, s.body));
    }

    @Override
    public StmtNode visitBreak(Stmt.Break s) {
        return new Statements.Jump(s.line, StmtNode.BREAK);
    }

    @Override
    public StmtNode visitContinue(Stmt.Continue s) {
        return new Statements.Jump(s.line, StmtNode.CONTINUE);
    }

    @Override
    public StmtNode visitPass(Stmt.Pass s) {
        return new Statements.Jump(s.line, StmtNode.NORMAL);
    }

    @Override
    public StmtNode visitReturn(Stmt.Return s) {
        return new Statements.Return(s.line, s.value == null ? null : expr(s.value));
    }

    @Override
    public StmtNode visitRaise(Stmt.Raise s) {
        return new Statements.Raise(s.line, s.value == null ? null : expr(s.value));
    }

    @Override
    public StmtNode visitTry(Stmt.Try s) {
        return new Statements.Try(s.line, block(s.line, s.body), s.hasExcept,
                s.errorName == null ? null : store(s.errorName),
                s.handler == null ? null : block(s.line, s.handler),
                s.finallyBody == null ? null : block(s.line, s.finallyBody));
    }

    @Override
    public StmtNode visitFunctionDef(Stmt.FunctionDef s) {
        return Statements.assign(s.line, store(s.target), makeFunction(s));
    }

    @Override
    public StmtNode visitClassDef(Stmt.ClassDef s) {
        return new Definitions.ClassDef(s.line, s.name, s.base == null ? null : expr(s.base), block(s.line, s.body),
                store(s.target));
    }

    @Override
    public StmtNode visitImport(Stmt.Import s) {
        return new Definitions.Import(s.line, s.module, s.aliased, store(s.target));
    }

    @Override
    public StmtNode visitFromImport(Stmt.FromImport s) {
        Names.Store[] targets = new Names.Store[s.targets.size()];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = store(s.targets.get(k));
        }
        return new Definitions.FromImport(s.line, s.module, s.names, targets);
    }

    @Override
    public StmtNode visitGlobal(Stmt.Global s) {
        // resolved already: the names are global slots
        return new Statements.Jump(s.line, StmtNode.NORMAL);
    }

    @Override
    public StmtNode visitDelete(Stmt.Delete s) {
        Expr.Index target = (Expr.Index) s.target;
        return new Statements.Delete(s.line, expr(target.target), expr(target.index));
    }

    private StmtNode assign(int line, Expr target, ExprNode value) {
        if (target instanceof Expr.Name n) {
            return Statements.assign(line, store(n), value);
        }
        if (target instanceof Expr.Index i) {
            return new Statements.IndexAssign(line, expr(i.target), expr(i.index), value);
        }
        Expr.Attribute a = (Expr.Attribute) target;
        return new Statements.AttributeAssign(line, expr(a.target), a.name, value);
    }

    private StmtNode augAssign(int line, Stmt.AugAssign a) {
        BinaryOperator<Object> op = operator(a.op);
        ExprNode value = expr(a.value);
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

    private ExprNode makeFunction(Stmt.FunctionDef d) {
        TreeBuilder inner = new TreeBuilder(file, d);
        StmtNode body = inner.block(d.line, d.body);
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

    private ExprNode expr(Expr e) {
        return e.accept(this);
    }

    private ExprNode[] exprs(List<Expr> es) {
        ExprNode[] out = new ExprNode[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(es.get(i));
        }
        return out;
    }

    @Override
    public ExprNode visitLiteral(Expr.Literal e) {
        return new Names.Const(e.value);
    }

    @Override
    public ExprNode visitName(Expr.Name e) {
        return name(e, false);
    }

    private ExprNode name(Expr.Name e, boolean called) {
        return switch (e.scope) {
            case LOCAL, CELL -> isCell(e.slot) ? new Names.CellLoad(e.slot, e.name) : new Names.LocalLoad(e.slot, e.name);
            case FREE -> new Names.FreeLoad(e.slot, e.name);
            case CLASS_OR_GLOBAL -> new Names.ClassOrGlobalLoad(e.slot, e.name, called);
            case CLASS_BODY -> new Names.ClassBodyLoad(e.slot, e.name, called);
            default -> new Names.GlobalLoad(e.slot, e.name, called);
        };
    }

    @Override
    public ExprNode visitUnary(Expr.Unary e) {
        ExprNode operand = expr(e.operand);
        return switch (e.op) {
            case "-" -> new Operators.Negate(operand);
            case "+" -> new Operators.Plus(operand);
            default -> new Operators.Not(operand);
        };
    }

    @Override
    public ExprNode visitBinary(Expr.Binary e) {
        return Operators.binary(e.op, expr(e.left), expr(e.right));
    }

    @Override
    public ExprNode visitLogical(Expr.Logical e) {
        return new Operators.Logical(e.isAnd, expr(e.left), expr(e.right));
    }

    @Override
    public ExprNode visitCall(Expr.Call e) {
        ExprNode[] args = exprs(e.args);
        if (e.callee instanceof Expr.Attribute a) {
            return new CallNodes.MethodCall(expr(a.target), a.name, args);
        }
        ExprNode callee = e.callee instanceof Expr.Name n ? name(n, true) : expr(e.callee);
        return new CallNodes.Call(callee, args);
    }

    @Override
    public ExprNode visitAttribute(Expr.Attribute e) {
        return new Containers.Attribute(expr(e.target), e.name);
    }

    @Override
    public ExprNode visitIndex(Expr.Index e) {
        return new Containers.Index(expr(e.target), expr(e.index));
    }

    @Override
    public ExprNode visitSlice(Expr.Slice e) {
        return new Containers.Slice(expr(e.target), e.lower == null ? null : expr(e.lower),
                e.upper == null ? null : expr(e.upper));
    }

    @Override
    public ExprNode visitListLiteral(Expr.ListLiteral e) {
        return new Containers.ListLiteral(exprs(e.items));
    }

    @Override
    public ExprNode visitDictLiteral(Expr.DictLiteral e) {
        return new Containers.DictLiteral(exprs(e.keys), exprs(e.values));
    }

    @Override
    public ExprNode visitLambda(Expr.Lambda e) {
        return makeFunction(e.function);
    }

    @Override
    public ExprNode visitConditional(Expr.Conditional e) {
        return new Operators.Conditional(expr(e.condition), expr(e.then), expr(e.otherwise));
    }
}
