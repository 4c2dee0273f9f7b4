package pebbleos.lang.core.syntax;

import java.util.ArrayList;
import java.util.List;

/** Statement nodes. */
public abstract class Stmt extends Node {
    protected Stmt(int line) {
        super(line);
    }

    public abstract <R> R accept(Visitor<R> v);

    /** One method per node kind. */
    public interface Visitor<R> {
        R visitExpression(Expression s);

        R visitAssign(Assign s);

        R visitAugAssign(AugAssign s);

        R visitPrint(Print s);

        R visitIf(If s);

        R visitWhile(While s);

        R visitFor(For s);

        R visitBreak(Break s);

        R visitContinue(Continue s);

        R visitPass(Pass s);

        R visitReturn(Return s);

        R visitRaise(Raise s);

        R visitTry(Try s);

        R visitFunctionDef(FunctionDef s);

        R visitClassDef(ClassDef s);

        R visitImport(Import s);

        R visitFromImport(FromImport s);

        R visitGlobal(Global s);

        R visitDelete(Delete s);
    }

    /** An expression evaluated for its effect (usually a call). */
    public static final class Expression extends Stmt {
        public final Expr expr;

        public Expression(int line, Expr expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitExpression(this);
        }
    }

    /** {@code target = value}; the target is a Name, Index or Attribute. */
    public static final class Assign extends Stmt {
        public final Expr target;
        public final Expr value;

        public Assign(int line, Expr target, Expr value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitAssign(this);
        }
    }

    /** {@code target op= value}; {@code op} is the binary operator ({@code +}, {@code -} ...). */
    public static final class AugAssign extends Stmt {
        public final Expr target;
        public final String op;
        public final Expr value;

        public AugAssign(int line, Expr target, String op, Expr value) {
            super(line);
            this.target = target;
            this.op = op;
            this.value = value;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitAugAssign(this);
        }
    }

    /** {@code print expr} (a statement); no expression prints an empty line. */
    public static final class Print extends Stmt {
        public final Expr expr;

        public Print(int line, Expr expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitPrint(this);
        }
    }

    /** {@code if/elif/else}: conditions and blocks pair up; {@code otherwise} may be null. */
    public static final class If extends Stmt {
        public final List<Expr> conditions;
        public final List<List<Stmt>> blocks;
        public final List<Stmt> otherwise;

        public If(int line, List<Expr> conditions, List<List<Stmt>> blocks, List<Stmt> otherwise) {
            super(line);
            this.conditions = conditions;
            this.blocks = blocks;
            this.otherwise = otherwise;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitIf(this);
        }
    }

    public static final class While extends Stmt {
        public final Expr condition;
        public final List<Stmt> body;

        public While(int line, Expr condition, List<Stmt> body) {
            super(line);
            this.condition = condition;
            this.body = body;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitWhile(this);
        }
    }

    /** {@code for target in iterable}: ranges, lists, strings (characters), dicts (keys). */
    public static final class For extends Stmt {
        public final Expr.Name target;
        public final Expr iterable;
        public final List<Stmt> body;

        public For(int line, Expr.Name target, Expr iterable, List<Stmt> body) {
            super(line);
            this.target = target;
            this.iterable = iterable;
            this.body = body;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitFor(this);
        }
    }

    public static final class Break extends Stmt {
        public Break(int line) {
            super(line);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitBreak(this);
        }
    }

    public static final class Continue extends Stmt {
        public Continue(int line) {
            super(line);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitContinue(this);
        }
    }

    public static final class Pass extends Stmt {
        public Pass(int line) {
            super(line);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitPass(this);
        }
    }

    /** {@code return [expr]}; no expression returns 0, like falling off the end. */
    public static final class Return extends Stmt {
        public final Expr value;

        public Return(int line, Expr value) {
            super(line);
            this.value = value;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitReturn(this);
        }
    }

    /** {@code raise expr}; without an expression, re-raise the error being handled. */
    public static final class Raise extends Stmt {
        public final Expr value;

        public Raise(int line, Expr value) {
            super(line);
            this.value = value;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitRaise(this);
        }
    }

    /**
     * {@code try:} with an optional {@code except [name]:} and an optional
     * {@code finally:} (at least one of them).
     */
    public static final class Try extends Stmt {
        public final List<Stmt> body;
        public final boolean hasExcept;
        /** The bound name of {@code except name:}, or null. */
        public final Expr.Name errorName;
        public final List<Stmt> handler;
        public final List<Stmt> finallyBody;

        public Try(int line, List<Stmt> body, boolean hasExcept, Expr.Name errorName, List<Stmt> handler,
                List<Stmt> finallyBody) {
            super(line);
            this.body = body;
            this.hasExcept = hasExcept;
            this.errorName = errorName;
            this.handler = handler;
            this.finallyBody = finallyBody;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitTry(this);
        }
    }

    /**
     * {@code def name(params):} (also the body of a lambda). The resolver fills
     * in the frame layout: slot count, which slots are cells, and where each
     * captured variable comes from in the enclosing function.
     */
    public static final class FunctionDef extends Stmt {
        public final String name;
        public final List<String> params;
        public final List<Stmt> body;
        /** The name target the def binds (null for a lambda). */
        public final Expr.Name target;
        /** True for the body of a lambda: one Return statement. */
        public final boolean isLambda;

        // --- set by the resolver
        /** Names of the frame slots; parameters first. */
        public final List<String> slotNames = new ArrayList<>();
        /** Per slot: an inner function captures it, so it holds a cell. */
        public boolean[] cellSlots = new boolean[0];
        /** The captured variables, in closure order. */
        public final List<String> freeNames = new ArrayList<>();
        /**
         * Per captured variable, where the enclosing function holds it: a slot
         * (>= 0, a cell) or a captured variable of its own (-1 - index).
         */
        public int[] freeSources = new int[0];
        /** The class this def is a method of, or null. */
        public ClassDef owner;

        public FunctionDef(int line, String name, List<String> params, List<Stmt> body, Expr.Name target,
                boolean isLambda) {
            super(line);
            this.name = name;
            this.params = params;
            this.body = body;
            this.target = target;
            this.isLambda = isLambda;
        }

        public int slotCount() {
            return slotNames.size();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitFunctionDef(this);
        }
    }

    /** {@code class Name[(Base)]:} with a body of assignments and defs. */
    public static final class ClassDef extends Stmt {
        public final String name;
        public final Expr base;
        public final List<Stmt> body;
        public final Expr.Name target;
        /** Names the class body assigns (its attributes); set by the resolver. */
        public final java.util.Set<String> attributes = new java.util.LinkedHashSet<>();

        public ClassDef(int line, String name, Expr base, List<Stmt> body, Expr.Name target) {
            super(line);
            this.name = name;
            this.base = base;
            this.body = body;
            this.target = target;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitClassDef(this);
        }
    }

    /** {@code import a.b.c [as n]}: binds {@code a} (or {@code n} to the innermost module). */
    public static final class Import extends Stmt {
        public final String module;
        public final Expr.Name target;
        public final boolean aliased;

        public Import(int line, String module, Expr.Name target, boolean aliased) {
            super(line);
            this.module = module;
            this.target = target;
            this.aliased = aliased;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitImport(this);
        }
    }

    /** {@code from m import a, b as c}. */
    public static final class FromImport extends Stmt {
        public final String module;
        public final List<String> names;
        public final List<Expr.Name> targets;

        public FromImport(int line, String module, List<String> names, List<Expr.Name> targets) {
            super(line);
            this.module = module;
            this.names = names;
            this.targets = targets;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitFromImport(this);
        }
    }

    /** {@code global a, b}: in a function, these names are the module's. */
    public static final class Global extends Stmt {
        public final List<String> names;

        public Global(int line, List<String> names) {
            super(line);
            this.names = names;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitGlobal(this);
        }
    }

    /** {@code del xs[i]} / {@code del d[k]}. */
    public static final class Delete extends Stmt {
        public final Expr target;

        public Delete(int line, Expr target) {
            super(line);
            this.target = target;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.visitDelete(this);
        }
    }
}
