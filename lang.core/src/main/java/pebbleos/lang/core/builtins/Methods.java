package pebbleos.lang.core.builtins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PebbleError;

/**
 * Methods of strings, lists and dicts ({@code s.upper()}, {@code xs.pop()},
 * {@code d.get(k, 0)}): builtins whose first argument is the receiver. List
 * and dict methods act on the receiver itself, like {@code append}.
 */
public final class Methods implements PBuiltin.Table {
    private static final Methods TABLE = new Methods();
    private static final Map<String, PBuiltin> STRING = new HashMap<>();
    private static final Map<String, PBuiltin> LIST = new HashMap<>();
    private static final Map<String, PBuiltin> DICT = new HashMap<>();

    static {
        strings();
        lists();
        dicts();
    }

    private Methods() {
    }

    /** The method {@code name} of {@code target}'s type, or {@code null}. */
    public static PBuiltin lookup(Object target, String name) {
        if (target instanceof String) {
            return STRING.get(name);
        }
        if (target instanceof PList) {
            return LIST.get(name);
        }
        if (target instanceof PDict) {
            return DICT.get(name);
        }
        return null;
    }

    /** Every method of strings, lists and dicts (for the tests that check each one's table entry). */
    static List<PBuiltin> all() {
        List<PBuiltin> all = new ArrayList<>(STRING.values());
        all.addAll(LIST.values());
        all.addAll(DICT.values());
        return all;
    }

    /** The receiver counts as an argument; arity messages count what the caller passed. */
    private static void method(Map<String, PBuiltin> table, String name, int min, int max, int id) {
        table.put(name, new PBuiltin(name, min + 1, max == Integer.MAX_VALUE ? max : max + 1,
                new PBuiltin.Case(TABLE, id)));
    }

    // the methods' numbers in this family's switch: strings, lists, dicts
    private static final int UPPER = 0;
    private static final int LOWER = 1;
    private static final int STRIP = 2;
    private static final int LSTRIP = 3;
    private static final int RSTRIP = 4;
    private static final int SPLIT = 5;
    private static final int SPLITLINES = 6;
    private static final int JOIN = 7;
    private static final int REPLACE = 8;
    private static final int FIND = 9;
    private static final int RFIND = 10;
    private static final int STR_INDEX = 11;
    private static final int STR_COUNT = 12;
    private static final int STARTSWITH = 13;
    private static final int ENDSWITH = 14;
    private static final int ISDIGIT = 15;
    private static final int ISALPHA = 16;
    private static final int ISALNUM = 17;
    private static final int ISSPACE = 18;
    private static final int ISUPPER = 19;
    private static final int ISLOWER = 20;
    private static final int LJUST = 21;
    private static final int RJUST = 22;
    private static final int CENTER = 23;
    private static final int ZFILL = 24;
    private static final int TITLE = 25;
    private static final int CAPITALIZE = 26;
    private static final int APPEND = 27;
    private static final int EXTEND = 28;
    private static final int INSERT = 29;
    private static final int LIST_POP = 30;
    private static final int REMOVE = 31;
    private static final int LIST_INDEX = 32;
    private static final int LIST_COUNT = 33;
    private static final int SORT = 34;
    private static final int REVERSE = 35;
    private static final int LIST_COPY = 36;
    private static final int LIST_CLEAR = 37;
    private static final int KEYS = 38;
    private static final int VALUES = 39;
    private static final int ITEMS = 40;
    private static final int GET = 41;
    private static final int DICT_POP = 42;
    private static final int HAS_KEY = 43;
    private static final int UPDATE = 44;
    private static final int SETDEFAULT = 45;
    private static final int DICT_COPY = 46;
    private static final int DICT_CLEAR = 47;

    private static void strings() {
        method(STRING, "upper", 0, 0, UPPER);
        method(STRING, "lower", 0, 0, LOWER);
        method(STRING, "strip", 0, 1, STRIP);
        method(STRING, "lstrip", 0, 1, LSTRIP);
        method(STRING, "rstrip", 0, 1, RSTRIP);
        method(STRING, "split", 0, 2, SPLIT);
        method(STRING, "splitlines", 0, 0, SPLITLINES);
        method(STRING, "join", 1, 1, JOIN);
        method(STRING, "replace", 2, 2, REPLACE);
        method(STRING, "find", 1, 3, FIND);
        method(STRING, "rfind", 1, 3, RFIND);
        method(STRING, "index", 1, 1, STR_INDEX);
        method(STRING, "count", 1, 3, STR_COUNT);
        method(STRING, "startswith", 1, 1, STARTSWITH);
        method(STRING, "endswith", 1, 1, ENDSWITH);
        method(STRING, "isdigit", 0, 0, ISDIGIT);
        method(STRING, "isalpha", 0, 0, ISALPHA);
        method(STRING, "isalnum", 0, 0, ISALNUM);
        method(STRING, "isspace", 0, 0, ISSPACE);
        method(STRING, "isupper", 0, 0, ISUPPER);
        method(STRING, "islower", 0, 0, ISLOWER);
        method(STRING, "ljust", 1, 2, LJUST);
        method(STRING, "rjust", 1, 2, RJUST);
        method(STRING, "center", 1, 2, CENTER);
        method(STRING, "zfill", 1, 1, ZFILL);
        method(STRING, "title", 0, 0, TITLE);
        method(STRING, "capitalize", 0, 0, CAPITALIZE);
    }

    private static void lists() {
        method(LIST, "append", 1, 1, APPEND);
        method(LIST, "extend", 1, 1, EXTEND);
        method(LIST, "insert", 2, 2, INSERT);
        method(LIST, "pop", 0, 1, LIST_POP);
        method(LIST, "remove", 1, 1, REMOVE);
        method(LIST, "index", 1, 1, LIST_INDEX);
        method(LIST, "count", 1, 1, LIST_COUNT);
        method(LIST, "sort", 0, 2, SORT);
        method(LIST, "reverse", 0, 0, REVERSE);
        method(LIST, "copy", 0, 0, LIST_COPY);
        method(LIST, "clear", 0, 0, LIST_CLEAR);
    }

    private static void dicts() {
        method(DICT, "keys", 0, 0, KEYS);
        method(DICT, "values", 0, 0, VALUES);
        method(DICT, "items", 0, 0, ITEMS);
        method(DICT, "get", 1, 2, GET);
        method(DICT, "pop", 1, 2, DICT_POP);
        method(DICT, "has_key", 1, 1, HAS_KEY);
        method(DICT, "update", 1, 1, UPDATE);
        method(DICT, "setdefault", 1, 2, SETDEFAULT);
        method(DICT, "copy", 0, 0, DICT_COPY);
        method(DICT, "clear", 0, 0, DICT_CLEAR);
    }

    @Override
    public Object call(int id, Interop rt, Object[] a) {
        return switch (id) {
            case UPPER -> s(a).toUpperCase();
            case LOWER -> s(a).toLowerCase();
            case STRIP -> Text.strip(s(a), a.length > 1 ? a[1] : null, true, true);
            case LSTRIP -> Text.strip(s(a), a.length > 1 ? a[1] : null, true, false);
            case RSTRIP -> Text.strip(s(a), a.length > 1 ? a[1] : null, false, true);
            case SPLIT -> Text.split(s(a), a.length > 1 ? a[1] : PNone.NONE,
                    a.length > 2 ? Conversions.integer("split", a, 2) : -1);
            case SPLITLINES -> Text.splitLines(s(a));
            case JOIN -> Text.join(s(a), a[1]);
            case REPLACE -> s(a).replace(text(a, 1, "replace"), text(a, 2, "replace"));
            case FIND -> find(a, "find", false);
            case RFIND -> find(a, "rfind", true);
            case STR_INDEX -> index(a);
            case STR_COUNT -> count(a);
            case STARTSWITH -> Ops.bool(s(a).startsWith(text(a, 1, "startswith")));
            case ENDSWITH -> Ops.bool(s(a).endsWith(text(a, 1, "endswith")));
            case ISDIGIT -> Ops.bool(allChars(s(a), DIGIT));
            case ISALPHA -> Ops.bool(allChars(s(a), LETTER));
            case ISALNUM -> Ops.bool(allChars(s(a), LETTER_OR_DIGIT));
            case ISSPACE -> Ops.bool(allChars(s(a), SPACE));
            case ISUPPER -> Ops.bool(hasLetter(s(a)) && s(a).equals(s(a).toUpperCase()));
            case ISLOWER -> Ops.bool(hasLetter(s(a)) && s(a).equals(s(a).toLowerCase()));
            case LJUST -> Text.pad(s(a), Conversions.integer("ljust", a, 1), a.length > 2 ? text(a, 2, "ljust") : " ", -1);
            case RJUST -> Text.pad(s(a), Conversions.integer("rjust", a, 1), a.length > 2 ? text(a, 2, "rjust") : " ", 1);
            case CENTER -> Text.pad(s(a), Conversions.integer("center", a, 1),
                    a.length > 2 ? text(a, 2, "center") : " ", 0);
            case ZFILL -> Text.zfill(s(a), Conversions.integer("zfill", a, 1));
            case TITLE -> Text.title(s(a));
            case CAPITALIZE -> s(a).isEmpty() ? s(a) : s(a).substring(0, 1).toUpperCase() + s(a).substring(1).toLowerCase();
            case APPEND -> {
                l(a).append(PList.copyValue(a[1]));
                yield PNone.NONE;
            }
            case EXTEND -> {
                l(a).extend(Core.iterable("extend", a[1]));
                yield PNone.NONE;
            }
            case INSERT -> insert(a);
            case LIST_POP -> pop(l(a), a.length > 1 ? Conversions.integer("pop", a, 1) : -1);
            case REMOVE -> remove(a);
            case LIST_INDEX -> listIndex(a);
            case LIST_COUNT -> listCount(a);
            case SORT -> sort(rt, a);
            case REVERSE -> {
                Builtins.get("reverse").invoke(rt, new Object[] {a[0]});
                yield PNone.NONE;
            }
            case LIST_COPY -> l(a).copy();
            case LIST_CLEAR -> {
                l(a).clear();
                yield PNone.NONE;
            }
            case KEYS -> d(a).keys();
            case VALUES -> d(a).values();
            case ITEMS -> items(a[0]);
            case GET -> get(a);
            case DICT_POP -> dictPop(a);
            case HAS_KEY -> Ops.bool(d(a).containsKey(a[1]));
            case UPDATE -> update(a);
            case SETDEFAULT -> setdefault(a);
            case DICT_COPY -> d(a).copy();
            case DICT_CLEAR -> {
                for (Object k : d(a).keys()) {
                    d(a).remove(k);
                }
                yield PNone.NONE;
            }
            default -> throw new IllegalStateException("no method " + id);
        };
    }

    private static long index(Object[] a) {
        int i = s(a).indexOf(text(a, 1, "index"));
        if (i < 0) {
            throw new PebbleError("substring not found");
        }
        return i;
    }

    private static Object count(Object[] a) {
        int n = s(a).length();
        int start = a.length > 2 && a[2] != PNone.NONE ? bound(Conversions.integer("count", a, 2), n) : 0;
        int end = a.length > 3 && a[3] != PNone.NONE ? bound(Conversions.integer("count", a, 3), n) : n;
        return Text.count(s(a), text(a, 1, "count"), start, end);
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static PNone insert(Object[] a) {
        PList list = l(a);
        long i = Conversions.integer("insert", a, 1);
        int n = list.size();
        if (i < 0) {
            i = Math.max(0, i + n);
        }
        list.insert((int) Math.min(i, n), PList.copyValue(a[2]));
        return PNone.NONE;
    }

    private static PNone remove(Object[] a) {
        PList list = l(a);
        for (int i = 0; i < list.size(); i++) {
            if (Values.equal(list.get(i), a[1])) {
                list.removeAt(i);
                return PNone.NONE;
            }
        }
        throw new PebbleError("list.remove(): value not in list");
    }

    private static long listIndex(Object[] a) {
        PList list = l(a);
        for (int i = 0; i < list.size(); i++) {
            if (Values.equal(list.get(i), a[1])) {
                return i;
            }
        }
        throw new PebbleError("list.index(): value not in list");
    }

    private static long listCount(Object[] a) {
        long n = 0;
        for (Object v : l(a)) {
            if (Values.equal(v, a[1])) {
                n++;
            }
        }
        return n;
    }

    private static PNone sort(Interop rt, Object[] a) {
        Object[] args = new Object[a.length];
        System.arraycopy(a, 0, args, 0, a.length);
        Builtins.get("sort").invoke(rt, args);
        return PNone.NONE;
    }

    private static Object get(Object[] a) {
        Object v = d(a).get(a[1]);
        return v != null ? v : (a.length > 2 ? a[2] : PNone.NONE);
    }

    private static Object dictPop(Object[] a) {
        Object v = d(a).remove(a[1]);
        if (v == null) {
            if (a.length > 2) {
                return a[2];
            }
            throw Errors.keyNotFound();
        }
        return v;
    }

    private static PNone update(Object[] a) {
        if (!(a[1] instanceof PDict other)) {
            throw new PebbleError("update() expects a dict");
        }
        for (Map.Entry<Object, Object> e : other.entries()) {
            d(a).put(other.displayKey(e.getKey()), PList.copyValue(e.getValue()));
        }
        return PNone.NONE;
    }

    private static Object setdefault(Object[] a) {
        Object v = d(a).get(a[1]);
        if (v == null) {
            v = a.length > 2 ? PList.copyValue(a[2]) : PNone.NONE;
            d(a).put(a[1], v);
        }
        return v;
    }

    private static String s(Object[] a) {
        return (String) a[0];
    }

    private static String text(Object[] a, int i, String name) {
        if (a[i] instanceof String t) {
            return t;
        }
        throw new PebbleError(name + "() expects a string argument");
    }

    private static final int DIGIT = 0;
    private static final int LETTER = 1;
    private static final int LETTER_OR_DIGIT = 2;
    private static final int SPACE = 3;

    /**
     * Whether {@code s} is not empty and each of its chars is of the kind
     * (Character.isDigit, isLetter, isLetterOrDigit, isWhitespace): a plain
     * loop, as awk and sed ask it of every field and line.
     */
    private static boolean allChars(String s, int kind) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = switch (kind) {
                case DIGIT -> c >= '0' && c <= '9' || c >= 128 && Character.isDigit(c);
                case LETTER -> Character.isLetter(c);
                case LETTER_OR_DIGIT -> Character.isLetterOrDigit(c);
                default -> Character.isWhitespace(c);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code s.find(sub[, start[, end]])} and {@code rfind} (and {@code count}), as Python's: the
     * lowest (highest) index of {@code sub} within {@code s[start:end]}, -1 when
     * it is not there; start and end are clamped like slice bounds. The bounds
     * let a program walk a long text without slicing it.
     */
    private static long find(Object[] a, String name, boolean last) {
        String s = s(a);
        String sub = text(a, 1, name);
        int n = s.length();
        int start = a.length > 2 && a[2] != PNone.NONE ? bound(Conversions.integer(name, a, 2), n) : 0;
        int end = a.length > 3 && a[3] != PNone.NONE ? bound(Conversions.integer(name, a, 3), n) : n;
        if (end - start < sub.length()) {
            return -1;
        }
        if (last) {
            int i = s.lastIndexOf(sub, end - sub.length());
            return i >= start ? i : -1;
        }
        int i = s.indexOf(sub, start);
        return i >= 0 && i + sub.length() <= end ? i : -1;
    }

    private static int bound(long i, int n) {
        if (i < 0) {
            i = Math.max(0, i + n);
        }
        return (int) Math.min(i, n);
    }

    private static PList l(Object[] a) {
        return (PList) a[0];
    }

    /** {@code pop(list [, i])}: remove and return (the last by default). */
    public static Object pop(PList list, long i) {
        int n = list.size();
        if (n == 0) {
            throw new PebbleError("pop from an empty list");
        }
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            throw new PebbleError("pop index out of range");
        }
        return list.removeAt((int) i);
    }

    private static PDict d(Object[] a) {
        return (PDict) a[0];
    }

    /** {@code items(d)}: a list of {@code [key, value]} pairs. */
    static PList items(Object v) {
        if (!(v instanceof PDict d)) {
            throw new PebbleError("items() expects a dict");
        }
        PList out = new PList(d.size());
        for (Map.Entry<Object, Object> e : d.entries()) {
            out.append(PList.of(d.displayKey(e.getKey()), PList.copyValue(e.getValue())));
        }
        return out;
    }

    /** {@code dict(x)}: a copy of a dict, or a dict from a list of pairs. */
    static PDict dictFrom(Object v) {
        if (v instanceof PDict d) {
            return d.copy();
        }
        if (v instanceof PList l) {
            PDict out = new PDict();
            for (Object pair : l) {
                if (!(pair instanceof PList p) || p.size() != 2) {
                    throw new PebbleError("dict() expects a list of [key, value] pairs");
                }
                out.put(p.get(0), PList.copyValue(p.get(1)));
            }
            return out;
        }
        throw new PebbleError("dict() expects a dict or a list of pairs");
    }
}
