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
final class Core implements PBuiltin.Table {
    private Core() {
    }

    private static final Core TABLE = new Core();

    // the builtins' numbers in this family's switch
    private static final int LEN = 0;
    private static final int APPEND = 1;
    private static final int RANGE = 2;
    private static final int KEYS = 3;
    private static final int VALUES = 4;
    private static final int ITEMS = 5;
    private static final int HAS_KEY = 6;
    private static final int STR = 7;
    private static final int REPR = 8;
    private static final int INT = 9;
    private static final int FLOAT = 10;
    private static final int BOOL = 11;
    private static final int TYPE = 12;
    private static final int INPUT = 13;
    private static final int READ_LINE = 14;
    private static final int ARGV = 15;
    private static final int READ_FILE = 16;
    private static final int WRITE_FILE = 17;
    private static final int EXIT = 18;
    private static final int SYSCALL = 19;
    private static final int LOAD_MODULE = 20;
    private static final int FLUSH = 21;
    private static final int EVAL_LINE = 22;
    private static final int ERRNO = 23;
    private static final int MIN = 24;
    private static final int MAX = 25;
    private static final int SUM = 26;
    private static final int SORTED = 27;
    private static final int SORT = 28;
    private static final int REVERSE = 29;
    private static final int LIST = 30;
    private static final int DICT = 31;
    private static final int CHR = 32;
    private static final int ORD = 33;
    private static final int ROUND = 34;
    private static final int HEX = 35;
    private static final int CALLABLE = 36;

    static void register(Map<String, PBuiltin> into) {
        add(into, "len", 1, 1, LEN);
        add(into, "append", 2, 2, APPEND);
        add(into, "range", 1, 3, RANGE);
        add(into, "keys", 1, 1, KEYS);
        add(into, "values", 1, 1, VALUES);
        add(into, "items", 1, 1, ITEMS);
        add(into, "has_key", 2, 2, HAS_KEY);
        add(into, "str", 1, 1, STR);
        add(into, "repr", 1, 1, REPR);
        add(into, "int", 1, 2, INT);
        add(into, "float", 1, 1, FLOAT);
        add(into, "bool", 1, 1, BOOL);
        add(into, "type", 1, 1, TYPE);
        add(into, "input", 0, 1, INPUT);
        add(into, "read_line", 0, 1, READ_LINE);
        add(into, "argv", 1, 1, ARGV);
        add(into, "read_file", 1, 1, READ_FILE);
        add(into, "write_file", 2, 2, WRITE_FILE);
        add(into, "exit", 0, 1, EXIT);
        add(into, "syscall", 1, Integer.MAX_VALUE, SYSCALL);
        add(into, "load_module", 2, 2, LOAD_MODULE);
        add(into, "flush", 0, 0, FLUSH);
        add(into, "eval_line", 1, 1, EVAL_LINE);
        add(into, "errno", 0, 0, ERRNO);
        add(into, "min", 1, Integer.MAX_VALUE, MIN);
        add(into, "max", 1, Integer.MAX_VALUE, MAX);
        add(into, "sum", 1, 2, SUM);
        add(into, "sorted", 1, 3, SORTED);
        add(into, "sort", 1, 3, SORT);
        add(into, "reverse", 1, 1, REVERSE);
        add(into, "list", 0, 1, LIST);
        add(into, "dict", 0, 1, DICT);
        add(into, "chr", 1, 1, CHR);
        add(into, "ord", 1, 1, ORD);
        add(into, "round", 1, 2, ROUND);
        add(into, "hex", 1, 1, HEX);
        add(into, "callable", 1, 1, CALLABLE);
    }

    @Override
    public Object call(int id, Interop rt, Object[] a) {
        return switch (id) {
            case LEN -> len(a[0]);
            case APPEND -> append(a);
            case RANGE -> range(rt, a);
            case KEYS -> dict("keys", a[0]).keys();
            case VALUES -> dict("values", a[0]).values();
            case ITEMS -> Methods.items(a[0]);
            case HAS_KEY -> Ops.bool(dict("has_key", a[0]).containsKey(a[1]));
            case STR -> Values.str(a[0]);
            case REPR -> repr(a[0]);
            case INT -> Conversions.toInt(a[0], a.length > 1 ? (int) Conversions.integer("int", a, 1) : 10);
            case FLOAT -> Conversions.toFloat(a[0]);
            case BOOL -> Values.truthy(a[0]);
            case TYPE -> Values.typeName(a[0]);
            case INPUT -> input(rt, a);
            case READ_LINE -> readLine(rt, a);
            case ARGV -> argv(rt, a);
            case READ_FILE -> readFile(rt, a);
            case WRITE_FILE -> writeFile(rt, a);
            case EXIT -> exit(rt, a);
            case SYSCALL -> syscallBuiltin(rt, a);
            case LOAD_MODULE -> rt.process().loadSource(rt, Conversions.string("load_module", a, 0),
                    Conversions.string("load_module", a, 1));
            case FLUSH -> {
                rt.ctx().flush();
                yield PNone.NONE;
            }
            case EVAL_LINE -> rt.process().evalLine(rt, Conversions.string("eval_line", a, 0));
            case ERRNO -> (long) rt.process().lastErrno();
            case MIN -> extreme(a, true);
            case MAX -> extreme(a, false);
            case SUM -> sum(a);
            case SORTED -> sorted(rt, a);
            case SORT -> sortInPlace(rt, a);
            case REVERSE -> reverse(a);
            case LIST -> a.length == 0 ? new PList() : iterable("list", a[0]);
            case DICT -> a.length == 0 ? new PDict() : Methods.dictFrom(a[0]);
            case CHR -> chr(a);
            case ORD -> ord(a);
            case ROUND -> round(a);
            case HEX -> hex(a[0]);
            case CALLABLE -> Ops.bool(a[0] instanceof pebbleos.lang.core.runtime.PFunction
                    || a[0] instanceof PBuiltin || a[0] instanceof pebbleos.lang.core.runtime.PClass
                    || a[0] instanceof pebbleos.lang.core.runtime.PBoundMethod);
            default -> throw new IllegalStateException("no core builtin " + id);
        };
    }

    /** Builtin {@code name} as {@code id} of this family's switch. */
    private static void add(Map<String, PBuiltin> into, String name, int min, int max, int id) {
        add(into, name, min, max, new PBuiltin.Case(TABLE, id));
    }

    private static PDict dict(String name, Object v) {
        if (!(v instanceof PDict d)) {
            throw new PebbleError(name + "() expects a dict");
        }
        return d;
    }

    private static PList append(Object[] a) {
        if (!(a[0] instanceof PList l)) {
            throw new PebbleError("append() expects a list as the first argument");
        }
        l.append(PList.copyValue(a[1]));
        return l;
    }

    private static String input(Interop rt, Object[] a) {
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
    }

    private static Object readLine(Interop rt, Object[] a) {
        String line = rt.ctx().readLine(a.length == 1 ? Values.str(a[0]) : "");
        return line == null ? PNone.NONE : line;
    }

    private static String argv(Interop rt, Object[] a) {
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
    }

    private static Object readFile(Interop rt, Object[] a) {
        String path = Conversions.string("read_file", a, 0);
        try {
            return rt.ctx().syscall("fs_read", path);
        } catch (PebbleException e) {
            if (e.errno() == Errno.NOENT) {
                throw new PebbleError("file '" + path + "' does not exist");
            }
            throw new PebbleError(e.getMessage());
        }
    }

    private static String writeFile(Interop rt, Object[] a) {
        String path = Conversions.string("write_file", a, 0);
        if (!(a[1] instanceof String text)) {
            throw new PebbleError("write_file() expects text content");
        }
        syscall(rt, "fs_write", path, text);
        return text;
    }

    private static Object exit(Interop rt, Object[] a) {
        long status = a.length == 0 || a[0] == PNone.NONE ? 0 : Conversions.integer("exit", a, 0);
        rt.ctx().flush();
        throw Terminated.byExit((int) (status & 0xff));
    }

    /** {@code syscall(name, args...)}. */
    private static Object syscallBuiltin(Interop rt, Object[] a) {
        String name = Conversions.string("syscall", a, 0);
        Object[] rest = new Object[a.length - 1];
        System.arraycopy(a, 1, rest, 0, rest.length);
        return syscall(rt, name, rest);
    }

    private static Object sum(Object[] a) {
        Object total = a.length > 1 ? a[1] : (Object) 0L;
        for (Object v : Conversions.list("sum", a, 0)) {
            total = Ops.add(total, v);
        }
        return total;
    }

    private static PList sorted(Interop rt, Object[] a) {
        List<Object> items = new ArrayList<>(List.of(iterable("sorted", a[0]).toArray()));
        sort(rt, items, a.length > 1 ? a[1] : PNone.NONE, a.length > 2 && Values.truthy(a[2]));
        return PList.from(items);
    }

    private static PList sortInPlace(Interop rt, Object[] a) {
        PList l = Conversions.list("sort", a, 0);
        List<Object> items = new ArrayList<>(List.of(l.toArray()));
        sort(rt, items, a.length > 1 ? a[1] : PNone.NONE, a.length > 2 && Values.truthy(a[2]));
        for (int i = 0; i < items.size(); i++) {
            l.set(i, items.get(i));
        }
        return l;
    }

    private static PList reverse(Object[] a) {
        PList l = Conversions.list("reverse", a, 0);
        for (int i = 0, j = l.size() - 1; i < j; i++, j--) {
            Object t = l.get(i);
            l.set(i, l.get(j));
            l.set(j, t);
        }
        return l;
    }

    private static String chr(Object[] a) {
        long cp = Conversions.integer("chr", a, 0);
        if (cp < 0 || cp > Character.MAX_CODE_POINT) {
            throw new PebbleError("chr() argument out of range");
        }
        return new String(Character.toChars((int) cp));
    }

    private static long ord(Object[] a) {
        String s = Conversions.string("ord", a, 0);
        if (s.codePointCount(0, s.length()) != 1) {
            throw new PebbleError("ord() expects a single character");
        }
        return s.codePointAt(0);
    }

    private static String hex(Object v) {
        BigInteger b = Values.toBig(Conversions.toInt(v, 10));
        return (b.signum() < 0 ? "-0x" : "0x") + b.abs().toString(16);
    }

    /** A builtin with its own body (the built-in modules' members, made when a program imports one). */
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
