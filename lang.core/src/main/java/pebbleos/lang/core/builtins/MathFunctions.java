package pebbleos.lang.core.builtins;

import java.math.BigInteger;
import java.util.Map;

import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PebbleError;

/**
 * The math functions, with the original PebbleOS's results: integer square
 * root rounded down, and {@code sin}/{@code cos}/{@code tan} that take
 * integer degrees and return fixed-point integers scaled by 10000.
 */
final class MathFunctions implements PBuiltin.Table {
    static final long SCALE = 10000;

    private static final MathFunctions TABLE = new MathFunctions();
    private static final int ABS = 0;
    private static final int POW = 1;
    private static final int SQRT = 2;
    private static final int SIN = 3;
    private static final int COS = 4;
    private static final int TAN = 5;

    private MathFunctions() {
    }

    static void register(Map<String, PBuiltin> into, String prefix) {
        add(into, prefix + "abs", 1, ABS);
        add(into, prefix + "pow", 2, POW);
        add(into, prefix + "sqrt", 1, SQRT);
        add(into, prefix + "sin", 1, SIN);
        add(into, prefix + "cos", 1, COS);
        add(into, prefix + "tan", 1, TAN);
    }

    private static void add(Map<String, PBuiltin> into, String name, int arity, int id) {
        Core.add(into, name, arity, arity, new PBuiltin.Case(TABLE, id));
    }

    @Override
    public Object call(int id, Interop rt, Object[] a) {
        return switch (id) {
            case ABS -> abs(a[0]);
            case POW -> pow(a[0], a[1]);
            case SQRT -> sqrt(a[0]);
            case SIN -> sin(degrees(a[0]));
            case COS -> cos(degrees(a[0]));
            case TAN -> tan(degrees(a[0]));
            default -> throw new IllegalStateException("no math builtin " + id);
        };
    }

    static Object abs(Object v) {
        if (v instanceof Long l) {
            return l < 0 ? Ops.negate(l) : l;
        }
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (v instanceof BigInteger b) {
            return Values.normalize(b.abs());
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw new PebbleError("abs() expects a number");
    }

    /**
     * The original multiplies {@code base} by itself {@code exponent} times, so
     * a float exponent counts as its ceiling ({@code pow(2, 2.5)} is 8) and a
     * float base accumulates the rounding of repeated multiplication.
     */
    static Object pow(Object base, Object exponent) {
        if (!Ops.numeric(base) || !Ops.numeric(exponent)) {
            throw new PebbleError("pow() expects numbers");
        }
        Object times = exponent;
        if (exponent instanceof Double d) {
            if (d.isNaN() || d < 0) {
                throw Errors.negativeExponent();
            }
            times = Conversions.toInt(Math.ceil(d), 10);
        }
        if (Values.toBig(times).signum() < 0) {
            throw Errors.negativeExponent();
        }
        if (base instanceof Double b && times instanceof Long n && n <= 1_000_000) {
            double result = 1;
            for (long i = 0; i < n; i++) {
                result *= b;
            }
            return result;
        }
        return Ops.pow(base, times);
    }

    static Object sqrt(Object v) {
        Object n = v instanceof Double d ? Conversions.toInt(Math.floor(d), 10) : v;
        if (!(n instanceof Long) && !(n instanceof BigInteger) && !(n instanceof Boolean)) {
            throw Errors.sqrtNegative();
        }
        BigInteger b = Values.toBig(n);
        if (b.signum() < 0) {
            throw Errors.sqrtNegative();
        }
        return Values.normalize(b.sqrt());
    }

    private static long degrees(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
            return (long) (double) d;
        }
        // the original looks the angle up in a table of integer degrees
        throw Errors.indexNotInteger();
    }

    static long sin(long degrees) {
        long d = Math.floorMod(degrees, 360L);
        return (long) Math.rint(SCALE * Math.sin(Math.toRadians(d)));
    }

    static long cos(long degrees) {
        long d = Math.floorMod(degrees, 360L);
        return (long) Math.rint(SCALE * Math.cos(Math.toRadians(d)));
    }

    /** tan as the integer quotient (toward zero) of sin * 10000 by cos. */
    static long tan(long degrees) {
        long c = cos(degrees);
        if (c == 0) {
            throw new PebbleError("tan() is undefined for this angle");
        }
        return sin(degrees) * SCALE / c;
    }
}
