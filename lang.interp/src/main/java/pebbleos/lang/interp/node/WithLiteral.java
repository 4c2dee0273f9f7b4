package pebbleos.lang.interp.node;

import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.interp.Activation;

/**
 * Binary operators whose right operand is an integer literal ({@code n - 1},
 * {@code i < 100}, {@code k % 2}), the commonest shape in loops and
 * recursions: one operand node to evaluate instead of two, and the literal
 * kept unboxed. Any operand but a small enough int takes the operator's
 * general {@link Ops} function with the literal boxed, so results and errors
 * are those of the two-operand nodes ({@link Operators}); a literal has no
 * effect, so evaluating it last or not at all changes nothing.
 */
final class WithLiteral {
    private WithLiteral() {
    }

    /** The node for {@code left op k}, or null when {@code op} has none here. */
    static ExprNode of(String op, ExprNode left, long k) {
        return switch (op) {
            case "+" -> new Add(left, k);
            case "-" -> new Sub(left, k);
            case "*" -> new Mul(left, k);
            case "%" -> k == 0 ? null : new Mod(left, k);
            case "<" -> new Lt(left, k);
            case "<=" -> new Le(left, k);
            case ">" -> new Gt(left, k);
            case ">=" -> new Ge(left, k);
            case "==" -> new Eq(left, k);
            case "!=" -> new Ne(left, k);
            default -> null;
        };
    }

    private abstract static class Op extends ExprNode {
        final ExprNode left;
        final long k;
        /** The literal as the general operations take it. */
        final Long boxed;

        Op(ExprNode left, long k) {
            this.left = left;
            this.k = k;
            this.boxed = k;
        }
    }

    /** A comparison: its truth decided without boxing; its value, as every comparison's, {@link Ops#ONE} or {@link Ops#ZERO}. */
    private abstract static class Comparison extends Op {
        Comparison(ExprNode left, long k) {
            super(left, k);
        }

        abstract boolean holds(long x);

        /** The general operation's result (ONE or ZERO) for an operand that is not a Long. */
        abstract Object general(Object a);

        @Override
        public final Object eval(Activation f) {
            return test(f) ? Ops.ONE : Ops.ZERO;
        }

        @Override
        public final boolean test(Activation f) {
            Object a = left.eval(f);
            if (a instanceof Long x) {
                return holds(x);
            }
            return general(a) == Ops.ONE;
        }
    }

    static final class Add extends Op {
        Add(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            if (a instanceof Long x) {
                long r = x + k;
                if (Ops.addFits(x, k, r)) {
                    return r;
                }
            }
            return Ops.add(a, boxed);
        }
    }

    static final class Sub extends Op {
        Sub(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            if (a instanceof Long x) {
                long r = x - k;
                if (Ops.subFits(x, k, r)) {
                    return r;
                }
            }
            return Ops.sub(a, boxed);
        }
    }

    static final class Mul extends Op {
        Mul(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            if (a instanceof Long x && Ops.mulFits(x, k)) {
                return x * k;
            }
            return Ops.mul(a, boxed);
        }
    }

    /** {@code %} by a literal other than 0. */
    static final class Mod extends Op {
        Mod(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            if (a instanceof Long x) {
                return Math.floorMod(x, k);
            }
            return Ops.mod(a, boxed);
        }
    }

    static final class Lt extends Comparison {
        Lt(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        boolean holds(long x) {
            return x < k;
        }

        @Override
        Object general(Object a) {
            return Ops.lt(a, boxed);
        }
    }

    static final class Le extends Comparison {
        Le(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        boolean holds(long x) {
            return x <= k;
        }

        @Override
        Object general(Object a) {
            return Ops.le(a, boxed);
        }
    }

    static final class Gt extends Comparison {
        Gt(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        boolean holds(long x) {
            return x > k;
        }

        @Override
        Object general(Object a) {
            return Ops.gt(a, boxed);
        }
    }

    static final class Ge extends Comparison {
        Ge(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        boolean holds(long x) {
            return x >= k;
        }

        @Override
        Object general(Object a) {
            return Ops.ge(a, boxed);
        }
    }

    static final class Eq extends Comparison {
        Eq(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        boolean holds(long x) {
            return x == k;
        }

        @Override
        Object general(Object a) {
            return Ops.eq(a, boxed);
        }
    }

    static final class Ne extends Comparison {
        Ne(ExprNode left, long k) {
            super(left, k);
        }

        @Override
        boolean holds(long x) {
            return x != k;
        }

        @Override
        Object general(Object a) {
            return Ops.ne(a, boxed);
        }
    }
}
