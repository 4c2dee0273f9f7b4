package pebbleos.api.syscall;

import java.math.BigInteger;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;

/**
 * Typed access to syscall arguments, with the EINVAL messages every family
 * gives for a wrong count or type: {@code fd_open: argument 1 must be a string}.
 */
public final class Args {
    private final String syscall;
    private final Object[] values;

    private Args(String syscall, Object[] values) {
        this.syscall = syscall;
        this.values = values;
    }

    /** Arguments of {@code syscall}, with between {@code min} and {@code max} values. */
    public static Args of(String syscall, Object[] values, int min, int max) {
        if (values.length < min || values.length > max) {
            String want = min == max ? String.valueOf(min) : min + " to " + max;
            throw new PebbleException(Errno.INVAL,
                    syscall + ": expected " + want + " argument" + (max == 1 ? "" : "s") + " but got " + values.length);
        }
        return new Args(syscall, values);
    }

    public int size() {
        return values.length;
    }

    public boolean has(int i) {
        return i < values.length && values[i] != PNone.NONE;
    }

    public Object value(int i) {
        return values[i];
    }

    public String string(int i) {
        Object v = values[i];
        if (v instanceof String s) {
            return s;
        }
        throw wrong(i, "a string");
    }

    public String string(int i, String fallback) {
        return has(i) ? string(i) : fallback;
    }

    public long integer(int i) {
        Object v = values[i];
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger) {
            throw new PebbleException(Errno.RANGE, syscall + ": argument " + (i + 1) + " is out of range");
        }
        throw wrong(i, "an integer");
    }

    public long integer(int i, long fallback) {
        return has(i) ? integer(i) : fallback;
    }

    public int intValue(int i) {
        long v = integer(i);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new PebbleException(Errno.RANGE, syscall + ": argument " + (i + 1) + " is out of range");
        }
        return (int) v;
    }

    public int intValue(int i, int fallback) {
        return has(i) ? intValue(i) : fallback;
    }

    public double number(int i) {
        Object v = values[i];
        if (Values.isNumber(v)) {
            return Values.toDouble(v);
        }
        throw wrong(i, "a number");
    }

    public boolean flag(int i, boolean fallback) {
        return has(i) ? Values.truthy(values[i]) : fallback;
    }

    public PList list(int i) {
        Object v = values[i];
        if (v instanceof PList l) {
            return l;
        }
        throw wrong(i, "a list");
    }

    public PDict dict(int i) {
        Object v = values[i];
        if (v instanceof PDict d) {
            return d;
        }
        throw wrong(i, "a dict");
    }

    /** A dict argument, or an empty dict when absent. */
    public PDict options(int i) {
        return has(i) ? dict(i) : new PDict();
    }

    private PebbleException wrong(int i, String what) {
        return new PebbleException(Errno.INVAL, syscall + ": argument " + (i + 1) + " must be " + what
                + ", not " + Values.typeName(values[i]));
    }
}
