package pebbleos.lang.core.builtins;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PebbleError;

/**
 * The registry of global builtins, the last place a name is looked up
 * (after the module's globals and the runtime API of {@code system/runtime.peb}).
 * Every builtin is registered here, in one explicit place.
 */
public final class Builtins {
    private static final Map<String, PBuiltin> ALL;

    static {
        Map<String, PBuiltin> all = new LinkedHashMap<>();
        Core.register(all);
        MathFunctions.register(all, "");
        stringFunctions(all);
        listFunctions(all);
        ALL = Collections.unmodifiableMap(all);
    }

    private Builtins() {
    }

    /** The builtin of this name, or {@code null}. */
    public static PBuiltin get(String name) {
        return ALL.get(name);
    }

    /**
     * How many values {@code range(start, stop, step)} gives (step not 0), without
     * overflow; {@code Long.MAX_VALUE} when more. Engines count {@code for} loops
     * over a range with it instead of building the list.
     */
    public static long rangeLength(long start, long stop, long step) {
        return Core.rangeLength(start, stop, step);
    }

    /** Every builtin, by name. */
    public static Map<String, PBuiltin> all() {
        return ALL;
    }

    /** Global forms of string methods: {@code upper(s)} is {@code s.upper()}. */
    private static void stringFunctions(Map<String, PBuiltin> into) {
        for (String name : new String[] {"upper", "lower", "strip", "lstrip", "rstrip", "split", "replace", "find",
            "startswith", "endswith", "splitlines", "ljust", "rjust"}) {
            PBuiltin method = Methods.lookup("", name);
            into.put(name, new PBuiltin(name, method.minArgs, method.maxArgs, new StringForm(name, method)));
        }
        GlobalForms.add(into, "join", 1, 2, GlobalForms.JOIN);
    }

    /** Global forms of list and dict operations. */
    private static void listFunctions(Map<String, PBuiltin> into) {
        GlobalForms.add(into, "pop", 1, 3, GlobalForms.POP);
        GlobalForms.add(into, "insert", 3, 3, GlobalForms.INSERT);
        GlobalForms.add(into, "remove", 2, 2, GlobalForms.REMOVE);
        GlobalForms.add(into, "index", 2, 2, GlobalForms.INDEX);
        GlobalForms.add(into, "get", 2, 3, GlobalForms.GET);
        GlobalForms.add(into, "extend", 2, 2, GlobalForms.EXTEND);
        GlobalForms.add(into, "copy", 1, 1, GlobalForms.COPY);
    }

    /** A string method called as a function: its receiver checked to be a string. */
    private record StringForm(String name, PBuiltin method) implements PBuiltin.Body {
        @Override
        public Object call(Interop rt, Object[] a) {
            if (!(a[0] instanceof String)) {
                throw new PebbleError(name + "() expects a string");
            }
            return method.body.call(rt, a);
        }
    }

    /** The global forms of {@code join} and of the list and dict methods, by number. */
    private static final class GlobalForms implements PBuiltin.Table {
        private static final GlobalForms TABLE = new GlobalForms();
        static final int JOIN = 0;
        static final int POP = 1;
        static final int INSERT = 2;
        static final int REMOVE = 3;
        static final int INDEX = 4;
        static final int GET = 5;
        static final int EXTEND = 6;
        static final int COPY = 7;

        static void add(Map<String, PBuiltin> into, String name, int min, int max, int id) {
            Core.add(into, name, min, max, new PBuiltin.Case(TABLE, id));
        }

        @Override
        public Object call(int id, Interop rt, Object[] a) {
            return switch (id) {
                case JOIN -> Text.join(a.length > 1 ? Conversions.string("join", a, 1) : "", a[0]);
                case POP -> pop(rt, a);
                case INSERT -> {
                    Methods.lookup(Conversions.list("insert", a, 0), "insert").invoke(rt, a);
                    yield a[0];
                }
                case REMOVE -> remove(rt, a);
                case INDEX -> a[0] instanceof String s ? Methods.lookup(s, "find").invoke(rt, a)
                        : Methods.lookup(Conversions.list("index", a, 0), "index").invoke(rt, a);
                case GET -> get(a);
                case EXTEND -> {
                    Conversions.list("extend", a, 0).extend(Core.iterable("extend", a[1]));
                    yield a[0];
                }
                case COPY -> PList.copyValue(a[0]);
                default -> throw new IllegalStateException("no global form " + id);
            };
        }

        private static Object pop(Interop rt, Object[] a) {
            if (a[0] instanceof PDict d) {
                return Methods.lookup(d, "pop").invoke(rt, a);
            }
            return Methods.pop(Conversions.list("pop", a, 0), a.length > 1 ? Conversions.integer("pop", a, 1) : -1);
        }

        private static Object remove(Interop rt, Object[] a) {
            if (a[0] instanceof PDict d) {
                if (d.remove(a[1]) == null) {
                    throw Errors.keyNotFound();
                }
                return d;
            }
            Methods.lookup(Conversions.list("remove", a, 0), "remove").invoke(rt, a);
            return a[0];
        }

        private static Object get(Object[] a) {
            if (!(a[0] instanceof PDict d)) {
                throw new PebbleError("get() expects a dict");
            }
            Object v = d.get(a[1]);
            return v != null ? v : (a.length > 2 ? a[2] : PNone.NONE);
        }
    }
}
