package pebbleos.lang.interp.node;

import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.interp.Frame;

/** Unary, binary and logical operators; the common integer cases are inlined. */
public final class Operators {
    private Operators() {
    }

    /** A binary operator node: two operands, one operation. */
    public abstract static class Binary extends Ev {
        final Ev left;
        final Ev right;

        Binary(Ev left, Ev right) {
            this.left = left;
            this.right = right;
        }
    }

    /** The binary node for operator {@code op}. */
    public static Ev binary(String op, Ev l, Ev r) {
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
        Add(Ev l, Ev r) {
            super(l, r);
        }

        @Override
        public Object eval(Frame f) {
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
        Sub(Ev l, Ev r) {
            super(l, r);
        }

        @Override
        public Object eval(Frame f) {
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
        Mul(Ev l, Ev r) {
            super(l, r);
        }

        @Override
        public Object eval(Frame f) {
            return Ops.mul(left.eval(f), right.eval(f));
        }
    }

    public static final class Mod extends Binary {
        Mod(Ev l, Ev r) {
            super(l, r);
        }

        @Override
        public Object eval(Frame f) {
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

        Lt(Ev l, Ev r) {
            super(l, r);
        }

        Lt swapped() {
            swap = true;
            return this;
        }

        @Override
        public Object eval(Frame f) {
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
        Le(Ev l, Ev r) {
            super(l, r);
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Long x && b instanceof Long y) {
                return x <= y ? Ops.ONE : Ops.ZERO;
            }
            return Ops.le(a, b);
        }
    }

    public static final class Eq extends Binary {
        Eq(Ev l, Ev r) {
            super(l, r);
        }

        @Override
        public Object eval(Frame f) {
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

        Generic(Ev l, Ev r, java.util.function.BinaryOperator<Object> op) {
            super(l, r);
            this.op = op;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            return op.apply(a, right.eval(f));
        }
    }

    public static final class Negate extends Ev {
        final Ev operand;

        public Negate(Ev operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            return Ops.negate(operand.eval(f));
        }
    }

    public static final class Plus extends Ev {
        final Ev operand;

        public Plus(Ev operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            return Ops.plus(operand.eval(f));
        }
    }

    public static final class Not extends Ev {
        final Ev operand;

        public Not(Ev operand) {
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            return Values.truthy(operand.eval(f)) ? Boolean.FALSE : Boolean.TRUE;
        }
    }

    /** {@code and}/{@code or}: short-circuit, the value is an operand. */
    public static final class Logical extends Ev {
        final boolean isAnd;
        final Ev left;
        final Ev right;

        public Logical(boolean isAnd, Ev left, Ev right) {
            this.isAnd = isAnd;
            this.left = left;
            this.right = right;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            if (Values.truthy(a) == isAnd) {
                return right.eval(f);
            }
            return a;
        }
    }

    public static final class Conditional extends Ev {
        final Ev condition;
        final Ev then;
        final Ev otherwise;

        public Conditional(Ev condition, Ev then, Ev otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public Object eval(Frame f) {
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
