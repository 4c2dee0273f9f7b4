package pebbleos.lang.core.builtins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.Terminated;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Calls;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PebbleError;

/**
 * The core builtins every program sees: those of the language reference
 * ({@code len append range keys str int float input read_file write_file argv})
 * and this edition's extensions (collections, conversions, {@code exit},
 * {@code syscall}, {@code errno}).
 */
final class Core {
    private Core() {
    }

    static void register(Map<String, PBuiltin> into) {
        add(into, "len", 1, 1, (rt, a) -> len(a[0]));
        add(into, "append", 2, 2, (rt, a) -> {
            if (!(a[0] instanceof PList l)) {
                throw new PebbleError("append() expects a list as the first argument");
            }
            l.append(PList.copyValue(a[1]));
            return l;
        });
        add(into, "range", 1, 3, (rt, a) -> range(rt, a));
        add(into, "keys", 1, 1, (rt, a) -> {
            if (!(a[0] instanceof PDict d)) {
                throw new PebbleError("keys() expects a dict");
            }
            return d.keys();
        });
        add(into, "values", 1, 1, (rt, a) -> {
            if (!(a[0] instanceof PDict d)) {
                throw new PebbleError("values() expects a dict");
            }
            return d.values();
        });
        add(into, "items", 1, 1, (rt, a) -> Methods.items(a[0]));
        add(into, "has_key", 2, 2, (rt, a) -> {
            if (!(a[0] instanceof PDict d)) {
                throw new PebbleError("has_key() expects a dict");
            }
            return Ops.bool(d.containsKey(a[1]));
        });
        add(into, "str", 1, 1, (rt, a) -> Values.str(a[0]));
        add(into, "repr", 1, 1, (rt, a) -> repr(a[0]));
        add(into, "int", 1, 2, (rt, a) -> Conversions.toInt(a[0],
                a.length > 1 ? (int) Conversions.integer("int", a, 1) : 10));
        add(into, "float", 1, 1, (rt, a) -> Conversions.toFloat(a[0]));
        add(into, "bool", 1, 1, (rt, a) -> Values.truthy(a[0]));
        add(into, "type", 1, 1, (rt, a) -> Values.typeName(a[0]));
        add(into, "input", 0, 1, (rt, a) -> {
            String prompt = "";
            if (a.length == 1) {
                if (!(a[0] instanceof String s)) {
                    throw new PebbleError("input() expects a string prompt");
                }
                prompt = s;
            }
            // from a file or a pipe no prompt, as the original's input() (read_line shows it always)
            String line = rt.ctx().readLine(rt.ctx().inputIsConsole() ? prompt : "");
            if (line == null) {
                // as Python's (and the original's) input(): a loop of input() calls must end at the
                // end of input, not spin for ever on empty lines; read_line() gives None there
                throw new PebbleError("EOF when reading a line");
            }
            return line;
        });
        add(into, "read_line", 0, 1, (rt, a) -> {
            String line = rt.ctx().readLine(a.length == 1 ? Values.str(a[0]) : "");
            return line == null ? PNone.NONE : line;
        });
        add(into, "argv", 1, 1, (rt, a) -> {
            if (!(a[0] instanceof Long)) {
                throw new PebbleError("argv() expects an integer index");
            }
            List<String> args = rt.process().arguments();
            long i = (Long) a[0];
            if (i < 0) {
                i += args.size();
            }
            if (i < 0 || i >= args.size()) {
                throw new PebbleError("argv index out of range");
            }
            return args.get((int) i);
        });
        add(into, "read_file", 1, 1, (rt, a) -> {
            String path = Conversions.string("read_file", a, 0);
            try {
                return rt.ctx().syscall("fs_read", path);
            } catch (PebbleException e) {
                if (e.errno() == Errno.NOENT) {
                    throw new PebbleError("file '" + path + "' does not exist");
                }
                throw new PebbleError(e.getMessage());
            }
        });
        add(into, "write_file", 2, 2, (rt, a) -> {
            String path = Conversions.string("write_file", a, 0);
            if (!(a[1] instanceof String text)) {
                throw new PebbleError("write_file() expects text content");
            }
            syscall(rt, "fs_write", path, text);
            return text;
        });
        add(into, "exit", 0, 1, (rt, a) -> {
            long status = a.length == 0 || a[0] == PNone.NONE ? 0 : Conversions.integer("exit", a, 0);
            rt.ctx().flush();
            throw Terminated.byExit((int) (status & 0xff));
        });
        add(into, "syscall", 1, Integer.MAX_VALUE, (rt, a) -> {
            String name = Conversions.string("syscall", a, 0);
            Object[] rest = new Object[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            return syscall(rt, name, rest);
        });
        add(into, "load_module", 2, 2, (rt, a) -> rt.process().loadSource(rt, Conversions.string("load_module", a, 0),
                Conversions.string("load_module", a, 1)));
        add(into, "flush", 0, 0, (rt, a) -> {
            rt.ctx().flush();
            return PNone.NONE;
        });
        add(into, "eval_line", 1, 1, (rt, a) -> rt.process().evalLine(rt, Conversions.string("eval_line", a, 0)));
        add(into, "errno", 0, 0, (rt, a) -> (long) rt.process().lastErrno());
        add(into, "min", 1, Integer.MAX_VALUE, (rt, a) -> extreme(a, true));
        add(into, "max", 1, Integer.MAX_VALUE, (rt, a) -> extreme(a, false));
        add(into, "sum", 1, 2, (rt, a) -> {
            Object total = a.length > 1 ? a[1] : (Object) 0L;
            for (Object v : Conversions.list("sum", a, 0)) {
                total = Ops.add(total, v);
            }
            return total;
        });
        add(into, "sorted", 1, 3, (rt, a) -> {
            List<Object> items = new ArrayList<>(List.of(iterable("sorted", a[0]).toArray()));
            sort(rt, items, a.length > 1 ? a[1] : PNone.NONE, a.length > 2 && Values.truthy(a[2]));
            return PList.from(items);
        });
        add(into, "sort", 1, 3, (rt, a) -> {
            PList l = Conversions.list("sort", a, 0);
            List<Object> items = new ArrayList<>(List.of(l.toArray()));
            sort(rt, items, a.length > 1 ? a[1] : PNone.NONE, a.length > 2 && Values.truthy(a[2]));
            for (int i = 0; i < items.size(); i++) {
                l.set(i, items.get(i));
            }
            return l;
        });
        add(into, "reverse", 1, 1, (rt, a) -> {
            PList l = Conversions.list("reverse", a, 0);
            for (int i = 0, j = l.size() - 1; i < j; i++, j--) {
                Object t = l.get(i);
                l.set(i, l.get(j));
                l.set(j, t);
            }
            return l;
        });
        add(into, "list", 0, 1, (rt, a) -> a.length == 0 ? new PList() : iterable("list", a[0]));
        add(into, "dict", 0, 1, (rt, a) -> a.length == 0 ? new PDict() : Methods.dictFrom(a[0]));
        add(into, "chr", 1, 1, (rt, a) -> {
            long cp = Conversions.integer("chr", a, 0);
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw new PebbleError("chr() argument out of range");
            }
            return new String(Character.toChars((int) cp));
        });
        add(into, "ord", 1, 1, (rt, a) -> {
            String s = Conversions.string("ord", a, 0);
            if (s.codePointCount(0, s.length()) != 1) {
                throw new PebbleError("ord() expects a single character");
            }
            return (long) s.codePointAt(0);
        });
        add(into, "round", 1, 2, (rt, a) -> round(a));
        add(into, "hex", 1, 1, (rt, a) -> {
            BigInteger b = Values.toBig(Conversions.toInt(a[0], 10));
            return (b.signum() < 0 ? "-0x" : "0x") + b.abs().toString(16);
        });
        add(into, "callable", 1, 1, (rt, a) -> Ops.bool(a[0] instanceof pebbleos.lang.core.runtime.PFunction
                || a[0] instanceof PBuiltin || a[0] instanceof pebbleos.lang.core.runtime.PClass
                || a[0] instanceof pebbleos.lang.core.runtime.PBoundMethod));
    }

    static void add(Map<String, PBuiltin> into, String name, int min, int max, PBuiltin.Body body) {
        into.put(name, new PBuiltin(name, min, max, body));
    }

    /** Call a syscall for a builtin; failures become Pebble errors, errno is remembered. */
    static Object syscall(Interop rt, String name, Object... args) {
        try {
            Object r = rt.ctx().syscall(name, args);
            return r == null ? PNone.NONE : r;
        } catch (PebbleException e) {
            rt.process().setLastErrno(e.errnoCode());
            throw new PebbleError(e.getMessage());
        }
    }

    static Object len(Object v) {
        if (v instanceof String s) {
            return (long) s.length();
        }
        if (v instanceof PList l) {
            return (long) l.size();
        }
        if (v instanceof PDict d) {
            return (long) d.size();
        }
        throw new PebbleError("len() expects a string, list, or dict");
    }

    static PList range(Interop rt, Object[] a) {
        for (Object v : a) {
            if (!(v instanceof Long) && !(v instanceof Boolean)) {
                throw new PebbleError("range() expects 1, 2, or 3 integer arguments");
            }
        }
        long start = 0;
        long stop;
        long step = 1;
        if (a.length == 1) {
            stop = Ops.index(a[0]);
        } else {
            start = Ops.index(a[0]);
            stop = Ops.index(a[1]);
            if (a.length == 3) {
                step = Ops.index(a[2]);
            }
        }
        if (step == 0) {
            throw Errors.rangeStepZero();
        }
        long count = rangeLength(start, stop, step);
        if (count > Limits.MAX_LIST) {
            throw new PebbleError("range() is too large");
        }
        Object[] items = new Object[(int) count];
        long v = start;
        for (int i = 0; i < count; i++, v += step) {
            items[i] = v;
            if ((i & 0xFFFFF) == 0xFFFFF && rt.ctx().attention != 0) {
                // a hundred million elements take seconds: stay killable
                rt.ctx().safePoint();
            }
        }
        return PList.adopt(items, items.length);
    }

    /**
     * How many values {@code range(start, stop, step)} has; {@code Long.MAX_VALUE}
     * when more than that. Computed without overflow: the distance between two
     * longs, and the magnitude of {@code Long.MIN_VALUE}, fit in an unsigned long.
     */
    static long rangeLength(long start, long stop, long step) {
        if (step > 0 ? start >= stop : start <= stop) {
            return 0;
        }
        long distance = step > 0 ? stop - start : start - stop;
        long magnitude = step > 0 ? step : -step;
        long count = Long.divideUnsigned(distance - 1, magnitude) + 1;
        return count < 0 ? Long.MAX_VALUE : count;
    }

    static String repr(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
        }
        return Values.str(v);
    }

    static PList iterable(String name, Object v) {
        if (v instanceof PList l) {
            return l.copy();
        }
        if (v instanceof String s) {
            Object[] chars = new Object[s.length()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = String.valueOf(s.charAt(i));
            }
            return PList.adopt(chars, chars.length);
        }
        if (v instanceof PDict d) {
            return d.keys();
        }
        throw new PebbleError(name + "() expects a list, string, or dict");
    }

    private static Object extreme(Object[] a, boolean min) {
        Object[] items = a.length == 1 ? iterable(min ? "min" : "max", a[0]).toArray() : a;
        if (items.length == 0) {
            throw new PebbleError((min ? "min" : "max") + "() of an empty list");
        }
        Object best = items[0];
        for (int i = 1; i < items.length; i++) {
            int c = Ops.compare(items[i], best, "<");
            if (min ? c < 0 : c > 0) {
                best = items[i];
            }
        }
        return best;
    }

    private static void sort(Interop rt, List<Object> items, Object key, boolean reverse) {
        Comparator<Object> order = (x, y) -> Ops.compare(x, y, "<");
        if (key != PNone.NONE) {
            List<Object[]> keyed = new ArrayList<>();
            for (Object item : items) {
                keyed.add(new Object[] {Calls.call(rt, key, new Object[] {item}), item});
            }
            Comparator<Object[]> byKey = (x, y) -> Ops.compare(x[0], y[0], "<");
            keyed.sort(reverse ? byKey.reversed() : byKey);
            items.clear();
            for (Object[] k : keyed) {
                items.add(k[1]);
            }
            return;
        }
        items.sort(reverse ? order.reversed() : order);
    }

    private static Object round(Object[] a) {
        if (!Values.isNumber(a[0])) {
            throw new PebbleError("round() expects a number");
        }
        if (a.length == 1 || a[1] == PNone.NONE) {
            if (!(a[0] instanceof Double d)) {
                return Conversions.toInt(a[0], 10);
            }
            return Conversions.toInt(Math.rint(d), 10);
        }
        long digits = Conversions.integer("round", a, 1);
        double x = Values.toDouble(a[0]);
        if (!(a[0] instanceof Double)) {
            return a[0];
        }
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(x))
                .setScale((int) digits, java.math.RoundingMode.HALF_EVEN);
        return bd.doubleValue();
    }
}
