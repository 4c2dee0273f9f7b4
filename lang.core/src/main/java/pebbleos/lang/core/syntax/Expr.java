package pebbleos.lang.core.syntax;

import java.util.List;

/**
 * Expression nodes. The front end builds them; {@link Resolver} fills in the
 * scope facts of {@link Name}; each engine then compiles them to its own form.
 */
public abstract class Expr extends Node {
    /** 1-based column where the expression starts. */
    public final int column;

    protected Expr(int line, int column) {
        super(line);
        this.column = column;
    }

    public abstract <R> R accept(Visitor<R> v);

    /** One method per node kind. */
    public interface Visitor<R> {
        R visitLiteral(Literal e);

        R visitName(Name e);

        R visitUnary(Unary e);

        R visitBinary(Binary e);

        R visitLogical(Logical e);

        R visitCall(Call e);

        R visitAttribute(Attribute e);

        R visitIndex(Index e);

        R visitSlice(Slice e);

        R visitListLiteral(ListLiteral e);

        R visitDictLiteral(DictLiteral e);

        R visitLambda(Lambda e);

        R visitConditional(Conditional e);
    }

    /** A number, string, True, False or None. */
    public static final class Literal extends Expr {
        public final Object value;

        public Literal(int line, int column, Object value) {
            super(line, column);
            this.value = value;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitLiteral(this);
        }
    }

    /** A name, resolved to a scope and slot by {@link Resolver}. */
    public static final class Name extends Expr {
        public final String name;
        /** Where the name lives; set by the resolver. */
        public Scope scope;
        /** Slot in the frame (LOCAL, CELL), the closure (FREE) or the module (GLOBAL, CLASS_OR_GLOBAL). */
        public int slot = -1;

        public Name(int line, int column, String name) {
            super(line, column);
            this.name = name;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitName(this);
        }
    }

    /** {@code -x}, {@code +x}, {@code not x}. */
    public static final class Unary extends Expr {
        public final String op;
        public final Expr operand;

        public Unary(int line, int column, String op, Expr operand) {
            super(line, column);
            this.op = op;
            this.operand = operand;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitUnary(this);
        }
    }

    /** Arithmetic, comparison and membership: {@code + - * / // % ** < > <= >= == != in not-in}. */
    public static final class Binary extends Expr {
        public final String op;
        public final Expr left;
        public final Expr right;

        public Binary(int line, int column, String op, Expr left, Expr right) {
            super(line, column);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitBinary(this);
        }
    }

    /** {@code and} / {@code or}: short-circuit, the result is an operand. */
    public static final class Logical extends Expr {
        public final boolean isAnd;
        public final Expr left;
        public final Expr right;

        public Logical(int line, int column, boolean isAnd, Expr left, Expr right) {
            super(line, column);
            this.isAnd = isAnd;
            this.left = left;
            this.right = right;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitLogical(this);
        }
    }

    /** A call on any expression. */
    public static final class Call extends Expr {
        public final Expr callee;
        public final List<Expr> args;

        public Call(int line, int column, Expr callee, List<Expr> args) {
            super(line, column);
            this.callee = callee;
            this.args = args;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitCall(this);
        }
    }

    /** {@code target.name}. */
    public static final class Attribute extends Expr {
        public final Expr target;
        public final String name;

        public Attribute(int line, int column, Expr target, String name) {
            super(line, column);
            this.target = target;
            this.name = name;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitAttribute(this);
        }
    }

    /** {@code target[index]}. */
    public static final class Index extends Expr {
        public final Expr target;
        public final Expr index;

        public Index(int line, int column, Expr target, Expr index) {
            super(line, column);
            this.target = target;
            this.index = index;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitIndex(this);
        }
    }

    /** {@code target[lower:upper]}; either bound may be absent. */
    public static final class Slice extends Expr {
        public final Expr target;
        public final Expr lower;
        public final Expr upper;

        public Slice(int line, int column, Expr target, Expr lower, Expr upper) {
            super(line, column);
            this.target = target;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitSlice(this);
        }
    }

    /** {@code [a, b, c]}. */
    public static final class ListLiteral extends Expr {
        public final List<Expr> items;

        public ListLiteral(int line, int column, List<Expr> items) {
            super(line, column);
            this.items = items;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitListLiteral(this);
        }
    }

    /** {@code {k: v, ...}}. */
    public static final class DictLiteral extends Expr {
        public final List<Expr> keys;
        public final List<Expr> values;

        public DictLiteral(int line, int column, List<Expr> keys, List<Expr> values) {
            super(line, column);
            this.keys = keys;
            this.values = values;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitDictLiteral(this);
        }
    }

    /** {@code lambda a, b: expr}, a function whose body returns one expression. */
    public static final class Lambda extends Expr {
        public final Stmt.FunctionDef function;

        public Lambda(int line, int column, Stmt.FunctionDef function) {
            super(line, column);
            this.function = function;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitLambda(this);
        }
    }

    /** {@code a if condition else b}. */
    public static final class Conditional extends Expr {
        public final Expr condition;
        public final Expr then;
        public final Expr otherwise;

        public Conditional(int line, int column, Expr condition, Expr then, Expr otherwise) {
            super(line, column);
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitConditional(this);
        }
    }
}
