package pebbleos.lang.vm.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.builtins.Builtins;
import pebbleos.lang.core.builtins.Methods;
import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.PBoundMethod;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.Iter;
import pebbleos.lang.vm.machine.Machine;
import pebbleos.lang.vm.machine.VmFunction;

/**
 * Writes the object graph of a suspended task (see {@link Snapshots} for the
 * layout). Every object gets an id the first time it is met; objects whose
 * construction needs another (an instance its class, a function its module)
 * get their dependencies' ids first, so the reader can create them in id
 * order and fill their contents afterwards, cycles included. Lists and dicts
 * are read through their public accessors, which resolve copy-on-write
 * sharing: the restored graph holds plain copies, which value semantics
 * cannot tell apart.
 */
final class SnapshotWriter {
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final List<Object> objects = new ArrayList<>();
    private final Map<Unit, Integer> unitIds = new IdentityHashMap<>();
    final List<Unit> units = new ArrayList<>();
    final Wire.Out headers = new Wire.Out();
    private final Map<PBuiltin, String[]> moduleMembers = new IdentityHashMap<>();

    SnapshotWriter(Iterable<PModule> modules) {
        for (PModule m : modules) {
            if (m.path == null) {
                for (String name : m.slotNames()) {
                    if (m.get(name) instanceof PBuiltin b) {
                        moduleMembers.putIfAbsent(b, new String[] {m.name, name});
                    }
                }
            }
        }
    }

    int objectCount() {
        return objects.size();
    }

    // ------------------------------------------------------------------ references

    /** Write a value: immediates inline, everything else by id. */
    void ref(Wire.Out out, Object v) {
        if (v == null) {
            out.u8(Snapshots.V_NULL);
        } else if (v == PNone.NONE) {
            out.u8(Snapshots.V_NONE);
        } else if (v instanceof Boolean b) {
            out.u8(b ? Snapshots.V_TRUE : Snapshots.V_FALSE);
        } else if (v instanceof Long l) {
            out.u8(Snapshots.V_INT);
            out.i64(l);
        } else if (v instanceof Double d) {
            out.u8(Snapshots.V_FLOAT);
            out.i64(Double.doubleToRawLongBits(d));
        } else if (v instanceof BigInteger b) {
            out.u8(Snapshots.V_BIGINT);
            out.str(b.toString(16));
        } else if (v instanceof String s && s.length() <= 64) {
            out.u8(Snapshots.V_STR);
            out.str(s);
        } else if (v == Machine.NOSELF) {
            out.u8(Snapshots.V_NOSELF);
        } else {
            out.u8(Snapshots.V_OBJ);
            out.i32(id(v));
        }
    }

    int unit(Unit u) {
        Integer known = unitIds.get(u);
        if (known != null) {
            return known;
        }
        int i = units.size();
        units.add(u);
        unitIds.put(u, i);
        return i;
    }

    void proto(Wire.Out out, Proto p) {
        out.i32(unit(p.unit()));
        out.i32(p.index());
    }

    /** The id of an object, writing its header the first time (after its constructor dependencies). */
    int id(Object o) {
        Integer known = ids.get(o);
        if (known != null) {
            return known;
        }
        // dependencies first: their ids must be smaller
        if (o instanceof PInstance inst) {
            id(inst.cls);
        } else if (o instanceof PClass c && c.base != null) {
            id(c.base);
        } else if (o instanceof VmFunction fn) {
            id(fn.module);
        } else if (o instanceof PBoundMethod bm) {
            dependency(bm.self);
            dependency(bm.function);
        } else if (o instanceof Iter.Items it) {
            id(it.items);
        }
        int id = objects.size();
        ids.put(o, id);
        objects.add(o);
        header(o);
        return id;
    }

    private void dependency(Object v) {
        Wire.Out scratch = new Wire.Out();
        ref(scratch, v);
    }

    private void header(Object o) {
        Wire.Out h = headers;
        if (o instanceof PList) {
            h.u8(Snapshots.O_LIST);
        } else if (o instanceof PDict) {
            h.u8(Snapshots.O_DICT);
        } else if (o instanceof Cell) {
            h.u8(Snapshots.O_CELL);
        } else if (o instanceof String s) {
            h.u8(Snapshots.O_STRING);
            h.str(s);
        } else if (o instanceof PModule m) {
            h.u8(Snapshots.O_MODULE);
            h.str(m.name);
            h.u8(m.path == null ? 0 : 1);
            if (m.path != null) {
                h.str(m.path);
            }
            h.u8(m.transparent ? 1 : 0);
            h.strs(m.slotNames().toArray(new String[0]));
        } else if (o instanceof PClass c) {
            h.u8(Snapshots.O_CLASS);
            h.str(c.name);
            h.i32(c.base == null ? -1 : ids.get(c.base));
        } else if (o instanceof PInstance inst) {
            h.u8(Snapshots.O_INSTANCE);
            h.i32(ids.get(inst.cls));
        } else if (o instanceof VmFunction fn) {
            h.u8(Snapshots.O_FUNCTION);
            proto(h, fn.proto);
            h.i32(ids.get(fn.module));
            h.i32(fn.closure == null ? -1 : fn.closure.length);
        } else if (o instanceof PBuiltin b) {
            h.u8(Snapshots.O_BUILTIN);
            builtin(h, b);
        } else if (o instanceof PBoundMethod bm) {
            h.u8(Snapshots.O_BOUND);
            ref(h, bm.self);
            ref(h, bm.function);
        } else if (o instanceof PebbleError e) {
            h.u8(Snapshots.O_ERROR);
            h.str(e.getMessage());
            optional(h, e.detail());
            optional(h, e.file());
            h.i32(e.line());
        } else if (o instanceof Iter.Range r) {
            h.u8(Snapshots.O_RANGE);
            h.i64(r.next);
            h.i64(r.stop);
            h.i64(r.step);
        } else if (o instanceof Iter.Items it) {
            h.u8(Snapshots.O_ITEMS);
            h.i32(ids.get(it.items));
            h.i32(it.index);
        } else if (o instanceof Iter.Chars it) {
            h.u8(Snapshots.O_CHARS);
            h.str(it.text);
            h.i32(it.index);
        } else if (o instanceof Map) {
            h.u8(Snapshots.O_NAMESPACE);
        } else {
            throw new PebbleError("cannot snapshot a value of type " + o.getClass().getName());
        }
    }

    private static void optional(Wire.Out out, String s) {
        out.u8(s == null ? 0 : 1);
        if (s != null) {
            out.str(s);
        }
    }

    private void builtin(Wire.Out h, PBuiltin b) {
        if (Builtins.get(b.name) == b) {
            h.u8(Snapshots.B_GLOBAL);
            h.str(b.name);
            return;
        }
        Object[] samples = {"", new PList(), new PDict()};
        for (int i = 0; i < samples.length; i++) {
            if (Methods.lookup(samples[i], b.name) == b) {
                h.u8(Snapshots.B_METHOD);
                h.u8(i);
                h.str(b.name);
                return;
            }
        }
        String[] member = moduleMembers.get(b);
        if (member != null) {
            h.u8(Snapshots.B_MODULE);
            h.str(member[0]);
            h.str(member[1]);
            return;
        }
        throw new PebbleError("cannot snapshot builtin '" + b.name + "'");
    }

    // ------------------------------------------------------------------ contents

    /** Write the contents of every object met so far, and of those they lead to. */
    void contents(Wire.Out out) {
        for (int i = 0; i < objects.size(); i++) {
            Object o = objects.get(i);
            if (o instanceof PList l) {
                int n = l.size();
                out.i32(n);
                for (int k = 0; k < n; k++) {
                    ref(out, l.get(k));
                }
            } else if (o instanceof PDict d) {
                PList keys = d.keys();
                out.i32(keys.size());
                for (int k = 0; k < keys.size(); k++) {
                    Object key = keys.get(k);
                    ref(out, key);
                    ref(out, d.get(key));
                }
            } else if (o instanceof Cell c) {
                ref(out, c.value);
            } else if (o instanceof PModule m) {
                List<String> names = m.slotNames();
                out.i32(names.size());
                for (int k = 0; k < names.size(); k++) {
                    ref(out, k < m.values.length ? m.values[k] : null);
                }
            } else if (o instanceof PClass c) {
                stringMap(out, c.attributes);
            } else if (o instanceof PInstance inst) {
                stringMap(out, inst.fields());
            } else if (o instanceof VmFunction fn) {
                if (fn.closure != null) {
                    for (Cell c : fn.closure) {
                        out.i32(id(c));
                    }
                }
                out.i32(fn.owner == null ? -1 : id(fn.owner));
            } else if (o instanceof Map<?, ?> ns) {
                @SuppressWarnings("unchecked")
                Map<String, Object> names = (Map<String, Object>) ns;
                stringMap(out, names);
            }
        }
    }

    private void stringMap(Wire.Out out, Map<String, Object> map) {
        out.i32(map.size());
        for (Map.Entry<String, Object> e : map.entrySet()) {
            out.str(e.getKey());
            ref(out, e.getValue());
        }
    }
}
