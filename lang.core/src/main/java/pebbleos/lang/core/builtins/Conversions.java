package pebbleos.lang.core.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;

import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.PebbleError;

/** {@code int()}, {@code float()}, {@code str()} and the argument checks builtins share. */
public final class Conversions {
    private Conversions() {
    }

    /** {@code int(x [, base])}: truncates floats toward zero, parses text like Python. */
    public static Object toInt(Object v, int base) {
        if (v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new PebbleError("int() cannot convert " + Values.formatFloat(d) + " to an integer");
            }
            if (Math.abs(d) < 9.0e18) {
                return (long) (double) d;
            }
            return Values.normalize(new BigDecimal(d).toBigInteger());
        }
        if (v instanceof String s) {
            String t = s.strip();
            String digits = t;
            boolean negative = false;
            if (digits.startsWith("+") || digits.startsWith("-")) {
                negative = digits.startsWith("-");
                digits = digits.substring(1);
            }
            if (base == 16 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
                digits = digits.substring(2);
            }
            if (!validDigits(digits, base)) {
                throw new PebbleError("int() could not parse '" + s + "'");
            }
            BigInteger b = parseInteger(digits.replace("_", ""), base);
            if (b == null) {
                throw new PebbleError("int() result too large");
            }
            return Values.normalize(negative ? b.negate() : b);
        }
        throw new PebbleError("int() expects a string, integer, or float");
    }

    /**
     * The value of a string of digits, or {@code null} when it is wider than
     * {@link Limits#MAX_INT_BITS}. Long inputs are split in halves and joined
     * by one multiplication ({@code new BigInteger(String)} is quadratic: a
     * million digits would take half a minute).
     */
    public static BigInteger parseInteger(String digits, int radix) {
        double bitsPerDigit = Math.log(radix) / Math.log(2);
        if ((digits.length() - 1) * bitsPerDigit > Limits.MAX_INT_BITS) {
            return null;
        }
        BigInteger b = split(digits, radix, new java.util.HashMap<>());
        return b.bitLength() > Limits.MAX_INT_BITS ? null : b;
    }

    /** The halves of one level have (nearly) one length: their powers of the radix are shared through {@code powers}. */
    private static BigInteger split(String digits, int radix, java.util.Map<Integer, BigInteger> powers) {
        int n = digits.length();
        if (n <= 2000) {
            return new BigInteger(digits, radix);
        }
        int low = n / 2;
        BigInteger high = split(digits.substring(0, n - low), radix, powers);
        BigInteger scale = powers.computeIfAbsent(low, k -> BigInteger.valueOf(radix).pow(k));
        return high.multiply(scale).add(split(digits.substring(n - low), radix, powers));
    }

    private static boolean validDigits(String digits, int base) {
        if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c != '_' && Character.digit(c, base) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code float(x)}. */
    public static Object toFloat(Object v) {
        if (v instanceof Double) {
            return v;
        }
        if (Values.isNumber(v)) {
            return Values.toDouble(v);
        }
        if (v instanceof String s) {
            int n = s.length();
            if (n > 0 && n <= 15) {
                // up to 15 ASCII digits: an integer below 2^53, exactly the double parseDouble gives
                long value = 0;
                int i = 0;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    value = value * 10 + (c - '0');
                    i++;
                }
                if (i == n) {
                    return (double) value;
                }
            }
            if (plainDecimal(s)) {
                return Double.parseDouble(s); // the common case, without the copies below
            }
            String t = s.strip().toLowerCase().replace("_", "");
            switch (t) {
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan", "+nan", "-nan":
                    return Double.NaN;
                default:
                    break;
            }
            if (decimalText(t)) {
                return Double.parseDouble(t);
            }
            throw new PebbleError("float() could not parse '" + s + "'");
        }
        throw new PebbleError("float() expects a string, integer, or float");
    }

    /** ASCII digits with at most one point and at least one digit: what most texts given to float() are. */
    static boolean plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        boolean digit = false;
        boolean point = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    /**
     * {@code [+-]?(digits[.digits?] | .digits)(e[+-]?digits)?}, checked in one
     * pass (a regular expression backtracks quadratically on long digit runs).
     */
    static boolean decimalText(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int whole = 0;
        while (i < n && Character.isDigit(t.charAt(i))) {
            i++;
            whole++;
        }
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
                fraction++;
            }
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (i < n && t.charAt(i) == 'e') {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Text argument {@code i} of builtin {@code name}. */
    public static String string(String name, Object[] args, int i) {
        if (args[i] instanceof String s) {
            return s;
        }
        throw new PebbleError(name + "() expects a string" + (i == 0 ? "" : " as argument " + (i + 1)));
    }

    /** Integer argument {@code i} of builtin {@code name}. */
    public static long integer(String name, Object[] args, int i) {
        Object v = args[i];
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new PebbleError(name + "() expects an integer" + (i == 0 ? "" : " as argument " + (i + 1)));
    }

    /** List argument {@code i} of builtin {@code name}. */
    public static PList list(String name, Object[] args, int i) {
        if (args[i] instanceof PList l) {
            return l;
        }
        throw new PebbleError(name + "() expects a list" + (i == 0 ? "" : " as argument " + (i + 1)));
    }
}
