package pebbleos.lang.interp.node;

import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.interp.Activation;

/** Unary, binary and logical operators; the common integer cases are inlined. */
public final class Operators {
    private Operators() {
    }

    /** A binary operator node: two operands, one operation. */
    public abstract static class Binary extends ExprNode {
        final ExprNode left;
        final ExprNode right;

        Binary(ExprNode left, ExprNode right) {
            this.left = left;
            this.right = right;
        }
    }

    /** The binary node for operator {@code op}. */
    public static ExprNode binary(String op, ExprNode l, ExprNode r) {
        return switch (op) {
            case "+" -> new Add(l, r);
            case "-" -> new Sub(l, r);
            case "*" -> new Mul(l, r);
            case "/" -> new Generic(l, r, Ops::div);
            case "//" -> new Generic(l, r, Ops::floorDiv);
            case "%" -> new Mod(l, r);
            case "**" -> new Generic(l, r, Ops::pow);
            case "<" -> new Lt(l, r);
            case "<=" -> new Le(l, r);
            case ">" -> new Lt(r, l).swapped();
            case ">=" -> new Generic(l, r, Ops::ge);
            case "==" -> new Eq(l, r);
            case "!=" -> new Generic(l, r, Ops::ne);
            case "in" -> new Generic(l, r, (a, b) -> Ops.bool(Ops.contains(b, a)));
            case "not in" -> new Generic(l, r, (a, b) -> Ops.bool(!Ops.contains(b, a)));
            default -> throw new IllegalArgumentException(op);
        };
    }

    public static final class Add extends Binary {
        Add(ExprNode l, ExprNode r) {
            super(l, r);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Long x && b instanceof Long y) {
                long r = x + y;
                if (Ops.addFits(x, y, r)) {
                    return r;
                }
            }
            return Ops.add(a, b);
        }
    }

    public static final class Sub extends Binary {
        Sub(ExprNode l, ExprNode r) {
            super(l, r);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Long x && b instanceof Long y) {
                long r = x - y;
                if (Ops.subFits(x, y, r)) {
                    return r;
                }
            }
            return Ops.sub(a, b);
        }
    }

    public static final class Mul extends Binary {
        Mul(ExprNode l, ExprNode r) {
            super(l, r);
        }

        @Override
        public Object eval(Activation f) {
            return Ops.mul(left.eval(f), right.eval(f));
        }
    }

    public static final class Mod extends Binary {
        Mod(ExprNode l, ExprNode r) {
            super(l, r);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Long x && b instanceof Long y && y != 0) {
                return Math.floorMod(x, y);
            }
            return Ops.mod(a, b);
        }
    }

    /** {@code <}; also {@code >} with the operands swapped (evaluation order kept). */
    public static final class Lt extends Binary {
        private boolean swap;

        Lt(ExprNode l, ExprNode r) {
            super(l, r);
        }

        Lt swapped() {
            swap = true;
            return this;
        }

        @Override
        public Object eval(Activation f) {
            Object a;
            Object b;
            if (swap) {
                b = right.eval(f);
                a = left.eval(f);
            } else {
                a = left.eval(f);
                b = right.eval(f);
            }
            if (a instanceof Long x && b instanceof Long y) {
                return x < y ? Ops.ONE : Ops.ZERO;
            }
            if (swap) {
                return Ops.gt(b, a);
            }
            return Ops.lt(a, b);
        }
    }

    public static final class Le extends Binary {
        Le(ExprNode l, ExprNode r) {
            super(l, r);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Long x && b instanceof Long y) {
                return x <= y ? Ops.ONE : Ops.ZERO;
            }
            return Ops.le(a, b);
        }
    }

    public static final class Eq extends Binary {
        Eq(ExprNode l, ExprNode r) {
            super(l, r);
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Long x && b instanceof Long y) {
                return x.longValue() == y.longValue() ? Ops.ONE : Ops.ZERO;
            }
            return Ops.eq(a, b);
        }
    }

    /** Any other binary operator, through its {@link Ops} function. */
    public static final class Generic extends Binary {
        final java.util.function.BinaryOperator<Object> op;

        Generic(ExprNode l, ExprNode r, java.util.function.BinaryOperator<Object> op) {
            super(l, r);
            this.op = op;
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            return op.apply(a, right.eval(f));
        }
    }

    public static final class Negate extends ExprNode {
        final ExprNode operand;

        public Negate(ExprNode operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Activation f) {
            return Ops.negate(operand.eval(f));
        }
    }

    public static final class Plus extends ExprNode {
        final ExprNode operand;

        public Plus(ExprNode operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Activation f) {
            return Ops.plus(operand.eval(f));
        }
    }

    public static final class Not extends ExprNode {
        final ExprNode operand;

        public Not(ExprNode operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Activation f) {
            return Values.truthy(operand.eval(f)) ? Boolean.FALSE : Boolean.TRUE;
        }
    }

    /** {@code and}/{@code or}: short-circuit, the value is an operand. */
    public static final class Logical extends ExprNode {
        final boolean isAnd;
        final ExprNode left;
        final ExprNode right;

        public Logical(boolean isAnd, ExprNode left, ExprNode right) {
            this.isAnd = isAnd;
            this.left = left;
            this.right = right;
        }

        @Override
        public Object eval(Activation f) {
            Object a = left.eval(f);
            if (Values.truthy(a) == isAnd) {
                return right.eval(f);
            }
            return a;
        }
    }

    public static final class Conditional extends ExprNode {
        final ExprNode condition;
        final ExprNode then;
        final ExprNode otherwise;

        public Conditional(ExprNode condition, ExprNode then, ExprNode otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public Object eval(Activation f) {
            return Values.truthy(condition.eval(f)) ? then.eval(f) : otherwise.eval(f);
        }
    }

    /** The truth of a condition, with the common comparison results decided without a call. */
    public static boolean truth(Object v) {
        if (v == Ops.ONE) {
            return true;
        }
        if (v == Ops.ZERO) {
            return false;
        }
        return Values.truthy(v);
    }
}
