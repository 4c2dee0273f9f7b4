package pebbleos.lang.interp.node;

import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.interp.Activation;

/** Straight-line statements: blocks, expressions, print, assignments, return, raise, try. */
public final class Statements {
    private Statements() {
    }

    /**
     * A sequence of statements: one node class per length up to three, so
     * that each statement's call has a type profile of its own. One shared
     * call site in a loop saw every statement of every block, and C2 inlined
     * all they had seen into each block, the block itself again inside an if
     * (run fib: 22 kB of code, 55 ms of C2 while the program ran slow code).
     */
    public static StmtNode block(int line, StmtNode[] body) {
        return switch (body.length) {
            case 1 -> new Block1(line, body[0]);
            case 2 -> new Block2(line, body[0], body[1]);
            case 3 -> new Block3(line, body[0], body[1], body[2]);
            default -> new Block(line, body);
        };
    }

    /**
     * What leaves a statement of a block: a Pebble error gets the
     * statement's line (and the frame's file) if it has none yet, a Java
     * failure becomes a Pebble error, so no host exception escapes a program.
     */
    static PebbleError located(Throwable e, Activation f, StmtNode s) {
        if (e instanceof PebbleError p) {
            return p.locate(f.file, s.line);
        }
        // a builtin's failure in user terms, too deep a recursion, the heap out, a bug
        return Errors.fromJava(e).locate(f.file, s.line);
    }

    /** A block of any length. */
    public static final class Block extends StmtNode {
        final StmtNode[] body;

        Block(int line, StmtNode[] body) {
            super(line);
            this.body = body;
        }

        @Override
        public int exec(Activation f) {
            StmtNode[] b = body;
            for (int i = 0; i < b.length; i++) {
                StmtNode s = b[i];
                int r;
                try {
                    r = s.exec(f);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw located(e, f, s);
                }
                if (r != NORMAL) {
                    return r;
                }
            }
            return NORMAL;
        }
    }

    // Block1-3 spell out each statement's call and its handler on purpose: a
    // shared helper or loop would be one call site, one profile, again.
    static final class Block1 extends StmtNode {
        final StmtNode a;

        Block1(int line, StmtNode a) {
            super(line);
            this.a = a;
        }

        @Override
        public int exec(Activation f) {
            try {
                return a.exec(f);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw located(e, f, a);
            }
        }
    }

    static final class Block2 extends StmtNode {
        final StmtNode a;
        final StmtNode b;

        Block2(int line, StmtNode a, StmtNode b) {
            super(line);
            this.a = a;
            this.b = b;
        }

        @Override
        public int exec(Activation f) {
            int r;
            try {
                r = a.exec(f);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw located(e, f, a);
            }
            if (r != NORMAL) {
                return r;
            }
            try {
                return b.exec(f);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw located(e, f, b);
            }
        }
    }

    static final class Block3 extends StmtNode {
        final StmtNode a;
        final StmtNode b;
        final StmtNode c;

        Block3(int line, StmtNode a, StmtNode b, StmtNode c) {
            super(line);
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public int exec(Activation f) {
            int r;
            try {
                r = a.exec(f);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw located(e, f, a);
            }
            if (r != NORMAL) {
                return r;
            }
            try {
                r = b.exec(f);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw located(e, f, b);
            }
            if (r != NORMAL) {
                return r;
            }
            try {
                return c.exec(f);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw located(e, f, c);
            }
        }
    }

    public static final class ExprStmt extends StmtNode {
        final ExprNode expr;

        public ExprStmt(int line, ExprNode expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        public int exec(Activation f) {
            expr.eval(f);
            return NORMAL;
        }
    }

    public static final class Print extends StmtNode {
        final ExprNode expr;

        public Print(int line, ExprNode expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        public int exec(Activation f) {
            String text = expr == null ? "" : Values.str(expr.eval(f));
            f.thread.ctx.print(text.concat("\n"));
            return NORMAL;
        }
    }

    /**
     * {@code name = value}: to a local or a global, a node whose store is
     * called on its final class (bound statically, so inlined) and whose
     * value's call is profiled apart from the other assignments'.
     */
    public static StmtNode assign(int line, Names.Store target, ExprNode value) {
        if (target instanceof Names.LocalStore local) {
            return new LocalAssign(line, local, value);
        }
        if (target instanceof Names.GlobalStore global) {
            return new GlobalAssign(line, global, value);
        }
        return new Assign(line, target, value);
    }

    static final class LocalAssign extends StmtNode {
        final Names.LocalStore target;
        final ExprNode value;

        LocalAssign(int line, Names.LocalStore target, ExprNode value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            target.store(f, value.eval(f));
            return NORMAL;
        }
    }

    static final class GlobalAssign extends StmtNode {
        final Names.GlobalStore target;
        final ExprNode value;

        GlobalAssign(int line, Names.GlobalStore target, ExprNode value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            target.store(f, value.eval(f));
            return NORMAL;
        }
    }

    public static final class Assign extends StmtNode {
        final Names.Store target;
        final ExprNode value;

        public Assign(int line, Names.Store target, ExprNode value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            target.store(f, value.eval(f));
            return NORMAL;
        }
    }

    public static final class IndexAssign extends StmtNode {
        final ExprNode target;
        final ExprNode index;
        final ExprNode value;

        public IndexAssign(int line, ExprNode target, ExprNode index, ExprNode value) {
            super(line);
            this.target = target;
            this.index = index;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            Object t = target.eval(f);
            Object i = index.eval(f);
            Object v = value.eval(f);
            if (t instanceof PList l && i instanceof Long k && !(v instanceof PList)
                    && !(v instanceof pebbleos.api.value.PDict)) {
                long n = k;
                if (n >= 0 && n < l.size()) {
                    l.set((int) n, v);
                    return NORMAL;
                }
            }
            Access.setIndex(t, i, v);
            return NORMAL;
        }
    }

    public static final class AttributeAssign extends StmtNode {
        final ExprNode target;
        final String name;
        final ExprNode value;

        public AttributeAssign(int line, ExprNode target, String name, ExprNode value) {
            super(line);
            this.target = target;
            this.name = name;
            this.value = value;
        }

        /** How the last write here went (see PInstance.put); racy, and immutable so either value serves. */
        private Object cached;

        @Override
        public int exec(Activation f) {
            Object t = target.eval(f);
            Object v = value.eval(f);
            if (t instanceof PInstance inst) {
                Object copy = PList.copyValue(v);
                if (!inst.putCached(cached, copy)) {
                    cached = inst.put(name, copy);
                }
            } else {
                Access.setAttribute(t, name, v);
            }
            return NORMAL;
        }
    }

    /** {@code name op= value}. */
    public static final class AugAssign extends StmtNode {
        final Names.Store target;
        final ExprNode read;
        final java.util.function.BinaryOperator<Object> op;
        final ExprNode value;

        public AugAssign(int line, Names.Store target, java.util.function.BinaryOperator<Object> op, ExprNode value) {
            super(line);
            this.target = target;
            this.read = target.load();
            this.op = op;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            Object current = read.eval(f);
            Object v = value.eval(f);
            if (current instanceof PList l && v instanceof PList add && op == AUG_ADD) {
                l.extend(add);
                return NORMAL;
            }
            target.store(f, op.apply(current, v));
            return NORMAL;
        }
    }

    /** The {@code +=} operator: on lists it extends in place. */
    public static final java.util.function.BinaryOperator<Object> AUG_ADD = Ops::add;

    /** {@code target[index] op= value}. */
    public static final class AugIndexAssign extends StmtNode {
        final ExprNode target;
        final ExprNode index;
        final java.util.function.BinaryOperator<Object> op;
        final ExprNode value;

        public AugIndexAssign(int line, ExprNode target, ExprNode index, java.util.function.BinaryOperator<Object> op, ExprNode value) {
            super(line);
            this.target = target;
            this.index = index;
            this.op = op;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            Object t = target.eval(f);
            Object i = index.eval(f);
            Object current = Access.getIndex(t, i);
            Access.setIndex(t, i, op.apply(current, value.eval(f)));
            return NORMAL;
        }
    }

    /** {@code target.name op= value}. */
    public static final class AugAttributeAssign extends StmtNode {
        final ExprNode target;
        final String name;
        final java.util.function.BinaryOperator<Object> op;
        final ExprNode value;

        public AugAttributeAssign(int line, ExprNode target, String name, java.util.function.BinaryOperator<Object> op,
                ExprNode value) {
            super(line);
            this.target = target;
            this.name = name;
            this.op = op;
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            Object t = target.eval(f);
            Object current = Access.getAttribute(t, name);
            Access.setAttribute(t, name, op.apply(current, value.eval(f)));
            return NORMAL;
        }
    }

    public static final class Delete extends StmtNode {
        final ExprNode target;
        final ExprNode index;

        public Delete(int line, ExprNode target, ExprNode index) {
            super(line);
            this.target = target;
            this.index = index;
        }

        @Override
        public int exec(Activation f) {
            Object t = target.eval(f);
            Access.delete(t, index.eval(f));
            return NORMAL;
        }
    }

    public static final class Return extends StmtNode {
        final ExprNode value;

        public Return(int line, ExprNode value) {
            super(line);
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            f.returnValue = value == null ? (Object) 0L : value.eval(f);
            return RETURN;
        }
    }

    public static final class Jump extends StmtNode {
        final int kind;

        public Jump(int line, int kind) {
            super(line);
            this.kind = kind;
        }

        @Override
        public int exec(Activation f) {
            return kind;
        }
    }

    /** {@code raise e}: the string form of e; bare {@code raise} re-raises the error being handled. */
    public static final class Raise extends StmtNode {
        final ExprNode value;

        public Raise(int line, ExprNode value) {
            super(line);
            this.value = value;
        }

        @Override
        public int exec(Activation f) {
            if (value == null) {
                PebbleError current = f.thread.handling;
                if (current == null) {
                    throw Errors.nothingToReraise();
                }
                throw current;
            }
            throw new PebbleError(Values.str(value.eval(f)));
        }
    }

    /** {@code try/except [name]/finally}. */
    public static final class Try extends StmtNode {
        final StmtNode body;
        final boolean hasExcept;
        final Names.Store errorName;
        final StmtNode handler;
        final StmtNode finallyBody;

        public Try(int line, StmtNode body, boolean hasExcept, Names.Store errorName, StmtNode handler, StmtNode finallyBody) {
            super(line);
            this.body = body;
            this.hasExcept = hasExcept;
            this.errorName = errorName;
            this.handler = handler;
            this.finallyBody = finallyBody;
        }

        @Override
        public int exec(Activation f) {
            int result;
            try {
                result = runGuarded(f);
            } catch (PebbleError e) {
                if (finallyBody != null) {
                    int r = finallyBody.exec(f);
                    if (r != NORMAL) {
                        return r;
                    }
                }
                throw e;
            }
            if (finallyBody != null) {
                int r = finallyBody.exec(f);
                if (r != NORMAL) {
                    return r;
                }
            }
            return result;
        }

        private int runGuarded(Activation f) {
            if (!hasExcept) {
                return body.exec(f);
            }
            try {
                return body.exec(f);
            } catch (PebbleError e) {
                if (e.line() == 0) {
                    e.locate(f.file, line);
                }
                if (errorName != null) {
                    errorName.store(f, e.caught());
                }
                PebbleError saved = f.thread.handling;
                f.thread.handling = e;
                try {
                    return handler.exec(f);
                } finally {
                    f.thread.handling = saved;
                }
            }
        }
    }
}
