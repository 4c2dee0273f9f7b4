package pebbleos.lang.core.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import pebbleos.api.value.Footprint;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.builtins.Limits;

/**
 * Pebble's operators on values, shared by both engines so that they cannot
 * disagree. Integers take a 64-bit fast path and overflow into BigInteger;
 * comparisons give the integers 1 and 0; errors are {@link PebbleError}s with
 * the messages of the language reference.
 */
public final class Ops {
    /** The comparison results, shared boxes. */
    public static final Long ONE = 1L;
    public static final Long ZERO = 0L;

    private Ops() {
    }

    public static Long bool(boolean b) {
        return b ? ONE : ZERO;
    }

    // ----------------------------------------------------------------- arithmetic

    // The integer rules, written once: the interpreter's nodes, the VM's
    // dispatch loop and the JIT's helpers keep a result in a long when these
    // say it fits, and call the general operation (which widens) when not.

    /** Whether {@code sum}, the wrapped {@code x + y}, is the true sum. */
    public static boolean addFits(long x, long y, long sum) {
        return ((x ^ sum) & (y ^ sum)) >= 0;
    }

    /** Whether {@code difference}, the wrapped {@code x - y}, is the true difference. */
    public static boolean subFits(long x, long y, long difference) {
        return ((x ^ y) & (x ^ difference)) >= 0;
    }

    /** Whether {@code x * y} fits in a long. */
    public static boolean mulFits(long x, long y) {
        if (x == (int) x && y == (int) y) {
            // two 32-bit factors: the product fits in 64 bits, and most products are
            // these (a loop's i * 2 spent ~14 ns a step in the high-word multiply)
            return true;
        }
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0);
    }

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (!addFits(x, y, r)) {
                return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            }
            return r;
        }
        if (a instanceof String x && b instanceof String y) {
            String r = x.concat(y);
            return r.length() < Footprint.BIG_STRING ? r : Footprint.string(r);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        return addSlow(a, b);
    }

    private static Object addSlow(Object a, Object b) {
        if (a instanceof PList x && b instanceof PList y) {
            return x.concat(y);
        }
        if (numeric(a) && numeric(b)) {
            if (a instanceof Double || b instanceof Double) {
                return Values.toDouble(a) + Values.toDouble(b);
            }
            return big(Values.toBig(a).add(Values.toBig(b)));
        }
        throw new PebbleError("'+' requires numeric, string, or list operands");
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (!subFits(x, y, r)) {
                return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            }
            return r;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x - y;
        }
        check(a, b, "-");
        if (a instanceof Double || b instanceof Double) {
            return Values.toDouble(a) - Values.toDouble(b);
        }
        return big(Values.toBig(a).subtract(Values.toBig(b)));
    }

    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (mulFits(x, y)) {
                return x * y;
            }
            return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x * y;
        }
        check(a, b, "*");
        if (a instanceof Double || b instanceof Double) {
            return Values.toDouble(a) * Values.toDouble(b);
        }
        BigInteger x = Values.toBig(a);
        BigInteger y = Values.toBig(b);
        if ((long) x.bitLength() + y.bitLength() > Limits.MAX_INT_BITS + 1L) {
            throw tooLarge();
        }
        return big(x.multiply(y));
    }

    /** True division: always a float. */
    public static Object div(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            if (y == 0.0) {
                throw Errors.divisionByZero();
            }
            return x / y;
        }
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw Errors.divisionByZero();
            }
            long ax = Math.abs(x);
            long ay = Math.abs(y);
            if (ax < (1L << 53) && ay < (1L << 53)) {
                return (double) x / (double) y;
            }
        }
        check(a, b, "/");
        if (a instanceof Double || b instanceof Double) {
            double y = Values.toDouble(b);
            if (y == 0.0) {
                throw Errors.divisionByZero();
            }
            return Values.toDouble(a) / y;
        }
        BigInteger y = Values.toBig(b);
        if (y.signum() == 0) {
            throw Errors.divisionByZero();
        }
        return new BigDecimal(Values.toBig(a)).divide(new BigDecimal(y), MathContext.DECIMAL64).doubleValue();
    }

    /** Floor division. */
    public static Object floorDiv(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw Errors.divisionByZero();
            }
            if (x == Long.MIN_VALUE && y == -1) {
                return BigInteger.valueOf(x).negate();
            }
            return Math.floorDiv(x, y);
        }
        check(a, b, "//");
        if (a instanceof Double || b instanceof Double) {
            double y = Values.toDouble(b);
            if (y == 0.0) {
                throw Errors.divisionByZero();
            }
            return Math.floor(Values.toDouble(a) / y);
        }
        BigInteger y = Values.toBig(b);
        if (y.signum() == 0) {
            throw Errors.divisionByZero();
        }
        BigInteger[] qr = Values.toBig(a).divideAndRemainder(y);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
            q = q.subtract(BigInteger.ONE);
        }
        return Values.normalize(q);
    }

    /** Modulo with the sign of the divisor, as in Python. */
    public static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw Errors.moduloByZero();
            }
            return Math.floorMod(x, y);
        }
        check(a, b, "%");
        if (a instanceof Double || b instanceof Double) {
            double x = Values.toDouble(a);
            double y = Values.toDouble(b);
            if (y == 0.0) {
                throw Errors.moduloByZero();
            }
            double r = x % y;
            if (r != 0 && (r < 0) != (y < 0)) {
                r += y;
            }
            return r;
        }
        BigInteger y = Values.toBig(b);
        if (y.signum() == 0) {
            throw Errors.moduloByZero();
        }
        BigInteger r = Values.toBig(a).mod(y.abs());
        if (y.signum() < 0 && r.signum() != 0) {
            r = r.add(y);
        }
        return Values.normalize(r);
    }

    public static Object pow(Object a, Object b) {
        check(a, b, "**");
        if (a instanceof Double || b instanceof Double) {
            double x = Values.toDouble(a);
            double y = Values.toDouble(b);
            if (x == 0.0 && y < 0) {
                throw Errors.zeroToNegativePower();
            }
            return Math.pow(x, y);
        }
        BigInteger base = Values.toBig(a);
        BigInteger exponent = Values.toBig(b);
        if (exponent.signum() < 0) {
            if (base.signum() == 0) {
                throw Errors.zeroToNegativePower();
            }
            return Math.pow(base.doubleValue(), exponent.doubleValue());
        }
        if (exponent.bitLength() > 31 || (long) (base.bitLength() - 1) * exponent.longValue() > Limits.MAX_INT_BITS) {
            if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                return Values.normalize(base.signum() < 0 && exponent.testBit(0) ? base : base.abs());
            }
            throw tooLarge();
        }
        return big(base.pow(exponent.intValue()));
    }

    /** A BigInteger result in canonical form, refused beyond {@link Limits#MAX_INT_BITS}. */
    private static Object big(BigInteger b) {
        if (b.bitLength() > Limits.MAX_INT_BITS) {
            throw tooLarge();
        }
        return Values.normalize(b);
    }

    private static PebbleError tooLarge() {
        return new PebbleError("integer result too large");
    }

    public static Object negate(Object a) {
        if (a instanceof Long x) {
            return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
        }
        if (a instanceof Double x) {
            return -x;
        }
        if (a instanceof BigInteger x) {
            return Values.normalize(x.negate());
        }
        if (a instanceof Boolean x) {
            return x ? -1L : 0L;
        }
        throw new PebbleError("'-' requires a numeric operand");
    }

    public static Object plus(Object a) {
        if (numeric(a)) {
            return a instanceof Boolean x ? (Object) (x ? 1L : 0L) : a;
        }
        throw new PebbleError("'+' requires a numeric operand");
    }

    // ----------------------------------------------------------------- comparison

    public static boolean lessThan(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x < y;
        }
        return compare(a, b, "<") < 0;
    }

    public static boolean lessEqual(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x <= y;
        }
        return compare(a, b, "<=") <= 0;
    }

    public static Object lt(Object a, Object b) {
        return bool(lessThan(a, b));
    }

    public static Object le(Object a, Object b) {
        return bool(lessEqual(a, b));
    }

    public static Object gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return bool(x > y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return bool(x > y);
        }
        return bool(compare(a, b, ">") > 0);
    }

    public static Object ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return bool(x >= y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return bool(x >= y);
        }
        return bool(compare(a, b, ">=") >= 0);
    }

    public static Object eq(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return bool(x.longValue() == y.longValue());
        }
        return bool(Values.equal(a, b));
    }

    public static Object ne(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return bool(x.longValue() != y.longValue());
        }
        return bool(!Values.equal(a, b));
    }

    /**
     * Order two values: numbers numerically (NaN compares as unordered: the
     * result makes every ordering test false), strings by code point, lists
     * element by element.
     */
    public static int compare(Object a, Object b, String op) {
        if (numeric(a) && numeric(b)) {
            if (a instanceof Double || b instanceof Double) {
                double x = Values.toDouble(a);
                double y = Values.toDouble(b);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return op.startsWith("<") ? 1 : -1;
                }
                return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
            }
            return Values.toBig(a).compareTo(Values.toBig(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof PList x && b instanceof PList y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                Object p = x.get(i);
                Object q = y.get(i);
                if (!Values.equal(p, q)) {
                    return compare(p, q, op);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new PebbleError("'" + op + "' cannot compare " + Values.typeName(a) + " with " + Values.typeName(b));
    }

    /** {@code a in b}: list membership, dict key, substring. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof PList l) {
            for (int i = 0, n = l.size(); i < n; i++) {
                if (Values.equal(l.get(i), item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PDict d) {
            if (item instanceof PList || item instanceof PDict) {
                return false;
            }
            return d.containsKey(item);
        }
        if (container instanceof String s) {
            if (item instanceof String sub) {
                return s.contains(sub);
            }
            throw new PebbleError("'in <string>' requires a string as left operand");
        }
        throw new PebbleError("'in' requires a string, list, or dict on the right");
    }

    // ----------------------------------------------------------------- helpers

    public static boolean numeric(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger || v instanceof Boolean;
    }

    private static void check(Object a, Object b, String op) {
        if (!numeric(a) || !numeric(b)) {
            throw new PebbleError("'" + op + "' requires numeric operands");
        }
    }

    /** An integer index, as indexing requires. */
    public static long index(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger) {
            throw Errors.indexOutOfRange();
        }
        throw Errors.indexNotInteger();
    }
}
