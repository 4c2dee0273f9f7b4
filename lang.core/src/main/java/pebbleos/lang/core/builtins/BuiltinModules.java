package pebbleos.lang.core.builtins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.value.Footprint;
import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.Calls;
import pebbleos.lang.core.runtime.Interop;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.ProcessRuntime;

/**
 * The modules built into the language: {@code math}, {@code text},
 * {@code os}, {@code random}, with the original PebbleOS's names and
 * results. ({@code memory} and {@code heap} are Pebble modules under
 * {@code /system/lib}.) A process gets its own instances.
 */
public final class BuiltinModules {
    public static final List<String> NAMES = List.of("math", "text", "os", "random");

    private BuiltinModules() {
    }

    /** A fresh instance of built-in module {@code name}, or {@code null}. */
    public static PModule create(String name) {
        Map<String, PBuiltin> members = new LinkedHashMap<>();
        switch (name) {
            case "math" -> MathFunctions.register(members, "");
            case "text" -> text(members);
            case "os" -> os(members);
            case "random" -> random(members);
            default -> {
                return null;
            }
        }
        PModule m = new PModule(name, null, List.copyOf(members.keySet()));
        members.forEach((member, builtin) -> m.set(member, builtin.inModule(name)));
        if (name.equals("math")) {
            m.set("pi", Math.PI);
            m.set("e", Math.E);
        }
        return m;
    }

    private static void text(Map<String, PBuiltin> m) {
        Core.add(m, "len", 1, 1, (rt, a) -> Core.len(a[0]));
        Core.add(m, "repeat", 2, 2, (rt, a) -> {
            String s = Conversions.string("repeat", a, 0);
            long n = Conversions.integer("repeat", a, 1);
            if (n <= 0) {
                return "";
            }
            if ((long) s.length() * n > Limits.MAX_STRING) {
                throw new PebbleError("repeat() result is too large");
            }
            return Footprint.string(s.repeat((int) n));
        });
        Core.add(m, "lines", 1, 1, (rt, a) -> Text.split(Conversions.string("lines", a, 0), "\n", -1));
        Core.add(m, "join", 1, 1, (rt, a) -> Text.join("\n", a[0]));
        Core.add(m, "first_line", 1, 1, (rt, a) -> {
            String s = Conversions.string("first_line", a, 0);
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        });
    }

    private static void os(Map<String, PBuiltin> m) {
        Core.add(m, "list", 0, 0, (rt, a) -> runtime(rt, "list_files", a));
        Core.add(m, "exists", 1, 1, (rt, a) -> runtime(rt, "file_exists", a));
        Core.add(m, "read", 1, 1, (rt, a) -> Builtins.get("read_file").invoke(rt, a));
        Core.add(m, "write", 2, 2, (rt, a) -> Builtins.get("write_file").invoke(rt, a));
        Core.add(m, "delete", 1, 1, (rt, a) -> {
            runtime(rt, "delete_file", a);
            return 0L;
        });
        Core.add(m, "time", 1, 1, (rt, a) -> runtime(rt, "file_time", a));
    }

    /** Call a function of the runtime API ({@code system/runtime.peb}). */
    private static Object runtime(Interop rt, String name, Object[] args) {
        Object f = rt.process().runtimeFunction(rt, name);
        if (f == null) {
            throw new PebbleError(name + "() needs the runtime API (/system/runtime.peb), which this system does not have");
        }
        return Calls.call(rt, f, args);
    }

    private static void random(Map<String, PBuiltin> m) {
        Core.add(m, "seed", 1, 1, (rt, a) -> {
            rt.process().randomState = Conversions.integer("seed", a, 0);
            return a[0];
        });
        Core.add(m, "next", 0, 0, (rt, a) -> next(rt.process()));
        Core.add(m, "range", 2, 2, (rt, a) -> {
            long lo = Conversions.integer("random.range", a, 0);
            long hi = Conversions.integer("random.range", a, 1);
            if (hi <= lo) {
                throw new PebbleError("random.range() requires high > low");
            }
            return lo + Math.floorMod(next(rt.process()), hi - lo);
        });
        Core.add(m, "choice", 1, 1, (rt, a) -> {
            PList l = Conversions.list("random.choice", a, 0);
            if (l.size() == 0) {
                throw new PebbleError("random.choice() of an empty list");
            }
            return l.get((int) Math.floorMod(next(rt.process()), (long) l.size()));
        });
    }

    /** The generator of the reference: state = (state * 25173 + 13849) mod 65536. */
    private static long next(ProcessRuntime p) {
        p.randomState = Math.floorMod(p.randomState * 25173 + 13849, 65536L);
        return p.randomState;
    }
}
