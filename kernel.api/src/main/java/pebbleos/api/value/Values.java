package pebbleos.api.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The printed form, truthiness, equality and type names of Pebble values:
 * the rules of the language reference that every bundle must agree on.
 */
public final class Values {
    private Values() {
    }

    /** The form {@code print} gives: strings raw (also inside lists), floats as Python prints them. */
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return Long.toString(l); // the common str(i): no builder and its copy
        }
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    /** Append the printed form of {@code v}. */
    public static void append(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            sb.append(s);
        } else if (v instanceof Long || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(formatFloat(d));
        } else if (v instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (v instanceof PList l) {
            sb.append('[');
            for (int i = 0, n = l.size(); i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof PDict d) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : d.entries()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                append(sb, d.displayKey(e.getKey()));
                sb.append(": ");
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Printable p) {
            sb.append(p.str());
        } else if (v == null) {
            sb.append("None");
        } else {
            sb.append(v);
        }
    }

    /** False values: 0, 0.0, False, None, "", [], {}. */
    public static boolean truthy(Object v) {
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof PList l) {
            return l.size() != 0;
        }
        if (v instanceof PDict d) {
            return d.size() != 0;
        }
        if (v instanceof BigInteger b) {
            return b.signum() != 0;
        }
        return v != PNone.NONE && v != null;
    }

    /** Pebble's {@code ==}: numbers by value across int, float and bool; containers element-wise. */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof String || b instanceof String) {
            return a instanceof String && a.equals(b);
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Long x && b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            if (a instanceof Double || b instanceof Double) {
                return toDouble(a) == toDouble(b);
            }
            return toBig(a).equals(toBig(b));
        }
        if (a instanceof PList x && b instanceof PList y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PDict x && b instanceof PDict y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<Object, Object> e : x.entries()) {
                Object other = y.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A hash consistent with {@link #equal}. */
    public static int hash(Object v) {
        if (v instanceof Double d) {
            double x = d;
            if (x == Math.rint(x) && Math.abs(x) < 9.0e18) {
                return Long.hashCode((long) x);
            }
            return d.hashCode();
        }
        if (v instanceof Boolean b) {
            return Long.hashCode(b ? 1 : 0);
        }
        return v == null ? 0 : v.hashCode();
    }

    /** True for int, float and bool values. */
    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger || v instanceof Boolean;
    }

    /** The numeric value as a double (ints, floats, booleans). */
    public static double toDouble(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        throw new IllegalArgumentException("not a number: " + typeName(v));
    }

    /** The integral value as a BigInteger (ints and booleans). */
    public static BigInteger toBig(Object v) {
        if (v instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        throw new IllegalArgumentException("not an integer: " + typeName(v));
    }

    /** An integer in canonical form: a Long when it fits, else the BigInteger. */
    public static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** The type name used in messages: int, float, str, bool, None, list, dict ... */
    public static String typeName(Object v) {
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof PList) {
            return "list";
        }
        if (v instanceof PDict) {
            return "dict";
        }
        if (v instanceof Printable p) {
            return p.typeName();
        }
        if (v == PNone.NONE || v == null) {
            return "None";
        }
        return v.getClass().getSimpleName();
    }

    /**
     * A float as Python's {@code repr} prints it: the shortest digits that read
     * back to the same double, positional between 1e-4 and 1e16, else
     * scientific with a two-digit exponent ({@code 1e+16}, {@code 1.5e-05}).
     */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return Long.toString((long) d) + ".0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        // value = 0.digits... scaled: decimal exponent of the first digit
        int exponent = digits.length() - 1 - shortest.scale();
        // strip trailing zeros of the digit string
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (exponent < -4 || exponent >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                sb.append('0');
            }
            sb.append(e);
        } else if (exponent < 0) {
            sb.append("0.");
            for (int i = -1; i > exponent; i--) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (digits.length() <= exponent + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exponent; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return sb.toString();
    }

    /** The shortest decimal that reads back as {@code d} (JDK 17's toString is not always shortest). */
    private static BigDecimal shortest(double d) {
        BigDecimal candidate = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int precision = candidate.precision();
        BigDecimal exact = new BigDecimal(d);
        while (precision > 1) {
            BigDecimal shorter = exact.round(new MathContext(precision - 1, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != d) {
                break;
            }
            candidate = shorter.stripTrailingZeros();
            precision = candidate.precision();
        }
        return candidate;
    }
}
