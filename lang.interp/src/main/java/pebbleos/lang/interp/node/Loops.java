package pebbleos.lang.interp.node;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.lang.core.builtins.Builtins;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.interp.Activation;

/**
 * if, while and for. Loops are safe points: each iteration reads the task's
 * attention flag, so signals stop a runaway loop at once.
 */
public final class Loops {
    private Loops() {
    }

    public static final class If extends StmtNode {
        final ExprNode[] conditions;
        final StmtNode[] blocks;
        final StmtNode otherwise;

        public If(int line, ExprNode[] conditions, StmtNode[] blocks, StmtNode otherwise) {
            super(line);
            this.conditions = conditions;
            this.blocks = blocks;
            this.otherwise = otherwise;
        }

        @Override
        public int exec(Activation f) {
            for (int i = 0; i < conditions.length; i++) {
                if (Operators.truth(conditions[i].eval(f))) {
                    return blocks[i].exec(f);
                }
            }
            return otherwise == null ? NORMAL : otherwise.exec(f);
        }
    }

    public static final class While extends StmtNode {
        final ExprNode condition;
        final StmtNode body;

        public While(int line, ExprNode condition, StmtNode body) {
            super(line);
            this.condition = condition;
            this.body = body;
        }

        @Override
        public int exec(Activation f) {
            while (Operators.truth(condition.eval(f))) {
                int r = body.exec(f);
                if (r == BREAK) {
                    break;
                }
                if (r == RETURN) {
                    return r;
                }
                if (f.thread.ctx.attention != 0) {
                    f.thread.ctx.safePoint();
                }
            }
            return NORMAL;
        }
    }

    /**
     * {@code for x in e}: lists (a snapshot, so the body may change the list),
     * strings (characters), dicts (keys). When {@code e} is a call of the
     * builtin {@code range}, it counts without building the list.
     */
    public static final class For extends StmtNode {
        final Names.Store target;
        final ExprNode iterable;
        /** For {@code range(...)}: the callee and its arguments; else null. */
        final ExprNode rangeCallee;
        final ExprNode[] rangeArgs;
        final StmtNode body;

        public For(int line, Names.Store target, ExprNode iterable, ExprNode rangeCallee, ExprNode[] rangeArgs, StmtNode body) {
            super(line);
            this.target = target;
            this.iterable = iterable;
            this.rangeCallee = rangeCallee;
            this.rangeArgs = rangeArgs;
            this.body = body;
        }

        @Override
        public int exec(Activation f) {
            if (rangeCallee != null) {
                Object callee = rangeCallee.eval(f);
                PBuiltin range = Builtins.get("range");
                if (callee == range) {
                    return countRange(f, range);
                }
                return iterate(f, CallNodes.callValue(callee, CallNodes.evalArgs(rangeArgs, f), f));
            }
            return iterate(f, iterable.eval(f));
        }

        private int countRange(Activation f, PBuiltin range) {
            Object[] a = CallNodes.evalArgs(rangeArgs, f);
            if (a.length < 1 || a.length > 3) {
                range.invoke(f.thread, a); // reports the arity error
            }
            for (Object v : a) {
                if (!(v instanceof Long)) {
                    return iterate(f, range.invoke(f.thread, a));
                }
            }
            long start = a.length == 1 ? 0 : (Long) a[0];
            long stop = a.length == 1 ? (Long) a[0] : (Long) a[1];
            long step = a.length == 3 ? (Long) a[2] : 1;
            if (step == 0) {
                throw Errors.rangeStepZero();
            }
            // count the values: stepping past Long.MAX_VALUE must not wrap around into more iterations
            long count = Builtins.rangeLength(start, stop, step);
            long i = start;
            for (long k = 0; k < count; k++, i += step) {
                target.store(f, i);
                int r = body.exec(f);
                if (r == BREAK) {
                    break;
                }
                if (r == RETURN) {
                    return r;
                }
                if (f.thread.ctx.attention != 0) {
                    f.thread.ctx.safePoint();
                }
            }
            return NORMAL;
        }

        private int iterate(Activation f, Object over) {
            if (over instanceof PList list) {
                PList snapshot = list.copy();
                for (int i = 0; i < snapshot.size(); i++) {
                    int r = step(f, snapshot.get(i));
                    if (r == BREAK) {
                        break;
                    }
                    if (r == RETURN) {
                        return r;
                    }
                }
                return NORMAL;
            }
            if (over instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    int r = step(f, String.valueOf(s.charAt(i)));
                    if (r == BREAK) {
                        break;
                    }
                    if (r == RETURN) {
                        return r;
                    }
                }
                return NORMAL;
            }
            if (over instanceof PDict d) {
                PList keys = d.keys();
                for (int i = 0; i < keys.size(); i++) {
                    int r = step(f, keys.get(i));
                    if (r == BREAK) {
                        break;
                    }
                    if (r == RETURN) {
                        return r;
                    }
                }
                return NORMAL;
            }
            // the original's text, although strings and dicts iterate too
            throw Errors.notIterable();
        }

        private int step(Activation f, Object value) {
            target.store(f, value);
            int r = body.exec(f);
            if (f.thread.ctx.attention != 0) {
                f.thread.ctx.safePoint();
            }
            return r == CONTINUE ? NORMAL : r;
        }
}
}
