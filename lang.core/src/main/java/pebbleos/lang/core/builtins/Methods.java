package pebbleos.lang.core.builtins;

import java.util.HashMap;
import java.util.Map;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PebbleError;

/**
 * Methods of strings, lists and dicts ({@code s.upper()}, {@code xs.pop()},
 * {@code d.get(k, 0)}): builtins whose first argument is the receiver. List
 * and dict methods act on the receiver itself, like {@code append}.
 */
public final class Methods {
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

    private static void method(Map<String, PBuiltin> table, String name, int min, int max, PBuiltin.Body body) {
        // the receiver counts as an argument; arity messages count what the caller passed
        table.put(name, new PBuiltin(name, min + 1, max == Integer.MAX_VALUE ? max : max + 1, body));
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

    private static void strings() {
        method(STRING, "upper", 0, 0, (rt, a) -> s(a).toUpperCase());
        method(STRING, "lower", 0, 0, (rt, a) -> s(a).toLowerCase());
        method(STRING, "strip", 0, 1, (rt, a) -> Text.strip(s(a), a.length > 1 ? a[1] : null, true, true));
        method(STRING, "lstrip", 0, 1, (rt, a) -> Text.strip(s(a), a.length > 1 ? a[1] : null, true, false));
        method(STRING, "rstrip", 0, 1, (rt, a) -> Text.strip(s(a), a.length > 1 ? a[1] : null, false, true));
        method(STRING, "split", 0, 2, (rt, a) -> Text.split(s(a), a.length > 1 ? a[1] : PNone.NONE,
                a.length > 2 ? Conversions.integer("split", a, 2) : -1));
        method(STRING, "splitlines", 0, 0, (rt, a) -> Text.splitLines(s(a)));
        method(STRING, "join", 1, 1, (rt, a) -> Text.join(s(a), a[1]));
        method(STRING, "replace", 2, 2, (rt, a) -> s(a).replace(text(a, 1, "replace"), text(a, 2, "replace")));
        method(STRING, "find", 1, 3, (rt, a) -> find(a, "find", false));
        method(STRING, "rfind", 1, 3, (rt, a) -> find(a, "rfind", true));
        method(STRING, "index", 1, 1, (rt, a) -> {
            int i = s(a).indexOf(text(a, 1, "index"));
            if (i < 0) {
                throw new PebbleError("substring not found");
            }
            return (long) i;
        });
        method(STRING, "count", 1, 3, (rt, a) -> {
            int n = s(a).length();
            int start = a.length > 2 && a[2] != PNone.NONE ? bound(Conversions.integer("count", a, 2), n) : 0;
            int end = a.length > 3 && a[3] != PNone.NONE ? bound(Conversions.integer("count", a, 3), n) : n;
            return Text.count(s(a), text(a, 1, "count"), start, end);
        });
        method(STRING, "startswith", 1, 1, (rt, a) -> Ops.bool(s(a).startsWith(text(a, 1, "startswith"))));
        method(STRING, "endswith", 1, 1, (rt, a) -> Ops.bool(s(a).endsWith(text(a, 1, "endswith"))));
        method(STRING, "isdigit", 0, 0, (rt, a) -> Ops.bool(allChars(s(a), DIGIT)));
        method(STRING, "isalpha", 0, 0, (rt, a) -> Ops.bool(allChars(s(a), LETTER)));
        method(STRING, "isalnum", 0, 0, (rt, a) -> Ops.bool(allChars(s(a), LETTER_OR_DIGIT)));
        method(STRING, "isspace", 0, 0, (rt, a) -> Ops.bool(allChars(s(a), SPACE)));
        method(STRING, "isupper", 0, 0, (rt, a) -> Ops.bool(s(a).chars().anyMatch(Character::isLetter)
                && s(a).equals(s(a).toUpperCase())));
        method(STRING, "islower", 0, 0, (rt, a) -> Ops.bool(s(a).chars().anyMatch(Character::isLetter)
                && s(a).equals(s(a).toLowerCase())));
        method(STRING, "ljust", 1, 2, (rt, a) -> Text.pad(s(a), Conversions.integer("ljust", a, 1),
                a.length > 2 ? text(a, 2, "ljust") : " ", -1));
        method(STRING, "rjust", 1, 2, (rt, a) -> Text.pad(s(a), Conversions.integer("rjust", a, 1),
                a.length > 2 ? text(a, 2, "rjust") : " ", 1));
        method(STRING, "center", 1, 2, (rt, a) -> Text.pad(s(a), Conversions.integer("center", a, 1),
                a.length > 2 ? text(a, 2, "center") : " ", 0));
        method(STRING, "zfill", 1, 1, (rt, a) -> Text.zfill(s(a), Conversions.integer("zfill", a, 1)));
        method(STRING, "title", 0, 0, (rt, a) -> Text.title(s(a)));
        method(STRING, "capitalize", 0, 0, (rt, a) -> s(a).isEmpty() ? s(a)
                : s(a).substring(0, 1).toUpperCase() + s(a).substring(1).toLowerCase());
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

    private static void lists() {
        method(LIST, "append", 1, 1, (rt, a) -> {
            l(a).append(PList.copyValue(a[1]));
            return PNone.NONE;
        });
        method(LIST, "extend", 1, 1, (rt, a) -> {
            l(a).extend(Core.iterable("extend", a[1]));
            return PNone.NONE;
        });
        method(LIST, "insert", 2, 2, (rt, a) -> {
            PList list = l(a);
            long i = Conversions.integer("insert", a, 1);
            int n = list.size();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            list.insert((int) Math.min(i, n), PList.copyValue(a[2]));
            return PNone.NONE;
        });
        method(LIST, "pop", 0, 1, (rt, a) -> pop(l(a), a.length > 1 ? Conversions.integer("pop", a, 1) : -1));
        method(LIST, "remove", 1, 1, (rt, a) -> {
            PList list = l(a);
            for (int i = 0; i < list.size(); i++) {
                if (Values.equal(list.get(i), a[1])) {
                    list.removeAt(i);
                    return PNone.NONE;
                }
            }
            throw new PebbleError("list.remove(): value not in list");
        });
        method(LIST, "index", 1, 1, (rt, a) -> {
            PList list = l(a);
            for (int i = 0; i < list.size(); i++) {
                if (Values.equal(list.get(i), a[1])) {
                    return (long) i;
                }
            }
            throw new PebbleError("list.index(): value not in list");
        });
        method(LIST, "count", 1, 1, (rt, a) -> {
            long n = 0;
            for (Object v : l(a)) {
                if (Values.equal(v, a[1])) {
                    n++;
                }
            }
            return n;
        });
        method(LIST, "sort", 0, 2, (rt, a) -> {
            Object[] args = new Object[a.length];
            System.arraycopy(a, 0, args, 0, a.length);
            Builtins.get("sort").invoke(rt, args);
            return PNone.NONE;
        });
        method(LIST, "reverse", 0, 0, (rt, a) -> {
            Builtins.get("reverse").invoke(rt, new Object[] {a[0]});
            return PNone.NONE;
        });
        method(LIST, "copy", 0, 0, (rt, a) -> l(a).copy());
        method(LIST, "clear", 0, 0, (rt, a) -> {
            l(a).clear();
            return PNone.NONE;
        });
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

    private static void dicts() {
        method(DICT, "keys", 0, 0, (rt, a) -> d(a).keys());
        method(DICT, "values", 0, 0, (rt, a) -> d(a).values());
        method(DICT, "items", 0, 0, (rt, a) -> items(a[0]));
        method(DICT, "get", 1, 2, (rt, a) -> {
            Object v = d(a).get(a[1]);
            return v != null ? v : (a.length > 2 ? a[2] : PNone.NONE);
        });
        method(DICT, "pop", 1, 2, (rt, a) -> {
            Object v = d(a).remove(a[1]);
            if (v == null) {
                if (a.length > 2) {
                    return a[2];
                }
                throw Errors.keyNotFound();
            }
            return v;
        });
        method(DICT, "has_key", 1, 1, (rt, a) -> Ops.bool(d(a).containsKey(a[1])));
        method(DICT, "update", 1, 1, (rt, a) -> {
            if (!(a[1] instanceof PDict other)) {
                throw new PebbleError("update() expects a dict");
            }
            for (Map.Entry<Object, Object> e : other.entries()) {
                d(a).put(other.displayKey(e.getKey()), PList.copyValue(e.getValue()));
            }
            return PNone.NONE;
        });
        method(DICT, "setdefault", 1, 2, (rt, a) -> {
            Object v = d(a).get(a[1]);
            if (v == null) {
                v = a.length > 2 ? PList.copyValue(a[2]) : PNone.NONE;
                d(a).put(a[1], v);
            }
            return v;
        });
        method(DICT, "copy", 0, 0, (rt, a) -> d(a).copy());
        method(DICT, "clear", 0, 0, (rt, a) -> {
            for (Object k : d(a).keys()) {
                d(a).remove(k);
            }
            return PNone.NONE;
        });
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
