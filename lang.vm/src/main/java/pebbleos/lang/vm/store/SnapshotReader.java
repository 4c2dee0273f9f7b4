package pebbleos.lang.vm.store;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;
import pebbleos.lang.core.builtins.BuiltinModules;
import pebbleos.lang.core.builtins.Builtins;
import pebbleos.lang.core.builtins.Methods;
import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.PBoundMethod;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.Iter;
import pebbleos.lang.vm.machine.Machine;
import pebbleos.lang.vm.machine.VmFunction;

/**
 * Reads the object graph {@link SnapshotWriter} wrote: creates every object
 * from its header in id order (dependencies have smaller ids), then fills
 * their contents. Anything out of range raises an IOException, which the
 * caller reports as a corrupt snapshot.
 */
final class SnapshotReader {
    private final Wire.In in;
    private final Unit[] units;
    private Object[] objects;
    private final Map<String, PModule> pristineModules = new HashMap<>();

    SnapshotReader(Wire.In in, Unit[] units) {
        this.in = in;
        this.units = units;
    }

    Object ref() throws IOException {
        int tag = in.u8();
        return switch (tag) {
            case Snapshots.V_NULL -> null;
            case Snapshots.V_NONE -> PNone.NONE;
            case Snapshots.V_TRUE -> Boolean.TRUE;
            case Snapshots.V_FALSE -> Boolean.FALSE;
            case Snapshots.V_INT -> in.i64();
            case Snapshots.V_FLOAT -> Double.longBitsToDouble(in.i64());
            case Snapshots.V_BIGINT -> Values.normalize(new BigInteger(in.str(), 16));
            case Snapshots.V_STR -> in.str();
            case Snapshots.V_NOSELF -> Machine.NOSELF;
            case Snapshots.V_OBJ -> object(in.i32());
            default -> throw new IOException("bad value tag " + tag);
        };
    }

    Object object(int id) throws IOException {
        if (id < 0 || objects == null || id >= objects.length || objects[id] == null) {
            throw new IOException("bad object id " + id);
        }
        return objects[id];
    }

    <T> T object(int id, Class<T> type) throws IOException {
        Object o = object(id);
        if (!type.isInstance(o)) {
            throw new IOException("object " + id + " is not a " + type.getSimpleName());
        }
        return type.cast(o);
    }

    Proto proto() throws IOException {
        int u = in.i32();
        int p = in.i32();
        if (u < 0 || u >= units.length || p < 0 || p >= units[u].protos.length) {
            throw new IOException("bad code reference");
        }
        return units[u].protos[p];
    }

    /** Create the objects from their headers. */
    void headers(int count) throws IOException {
        objects = new Object[count];
        for (int i = 0; i < count; i++) {
            objects[i] = header(in.u8());
        }
    }

    private Object header(int tag) throws IOException {
        switch (tag) {
            case Snapshots.O_LIST:
                return new PList();
            case Snapshots.O_DICT:
                return new PDict();
            case Snapshots.O_CELL:
                return new Cell();
            case Snapshots.O_STRING:
                return in.str();
            case Snapshots.O_NAMESPACE:
                return new LinkedHashMap<String, Object>();
            case Snapshots.O_MODULE: {
                String name = in.str();
                String path = in.u8() == 0 ? null : in.str();
                boolean transparent = in.u8() != 0;
                PModule m = new PModule(name, path, List.of(in.strs()));
                m.transparent = transparent;
                return m;
            }
            case Snapshots.O_CLASS: {
                String name = in.str();
                int base = in.i32();
                return new PClass(name, base < 0 ? null : object(base, PClass.class));
            }
            case Snapshots.O_INSTANCE:
                return new PInstance(object(in.i32(), PClass.class));
            case Snapshots.O_FUNCTION: {
                Proto p = proto();
                PModule module = object(in.i32(), PModule.class);
                int captured = in.i32();
                if (captured != (captured < 0 ? -1 : p.freeSources.length)) {
                    throw new IOException("closure size mismatch");
                }
                // the cells are filled in with the contents
                return new VmFunction(p, module, captured < 0 ? null : new Cell[captured]);
            }
            case Snapshots.O_BUILTIN:
                return builtin();
            case Snapshots.O_BOUND: {
                Object self = ref();
                Object function = ref();
                if (!(function instanceof PFunction) && !(function instanceof PBuiltin)) {
                    throw new IOException("bad bound method");
                }
                String className = self instanceof PInstance inst ? inst.cls.name : Values.typeName(self);
                return new PBoundMethod(self, function, className);
            }
            case Snapshots.O_ERROR: {
                String message = in.str();
                String detail = optional();
                String file = optional();
                int line = in.i32();
                PebbleError e = new PebbleError(message, detail);
                if (line > 0 || file != null) {
                    e.relocate(file, line);
                }
                return e;
            }
            case Snapshots.O_RANGE:
                return new Iter.Range(in.i64(), in.i64(), in.i64());
            case Snapshots.O_ITEMS:
                return new Iter.Items(object(in.i32(), PList.class), in.i32());
            case Snapshots.O_CHARS:
                return new Iter.Chars(in.str(), in.i32());
            default:
                throw new IOException("bad object tag " + tag);
        }
    }

    private String optional() throws IOException {
        return in.u8() == 0 ? null : in.str();
    }

    private PBuiltin builtin() throws IOException {
        int kind = in.u8();
        PBuiltin b;
        if (kind == Snapshots.B_GLOBAL) {
            b = Builtins.get(in.str());
        } else if (kind == Snapshots.B_METHOD) {
            int type = in.u8();
            Object sample = type == 0 ? "" : type == 1 ? new PList() : new PDict();
            b = Methods.lookup(sample, in.str());
        } else if (kind == Snapshots.B_MODULE) {
            String module = in.str();
            String member = in.str();
            PModule m = pristineModules.computeIfAbsent(module, BuiltinModules::create);
            b = m == null || !(m.get(member) instanceof PBuiltin found) ? null : found;
        } else {
            throw new IOException("bad builtin kind " + kind);
        }
        if (b == null) {
            throw new IOException("unknown builtin");
        }
        return b;
    }

    /** Fill the contents of every object, in id order. */
    void contents() throws IOException {
        for (Object o : objects) {
            if (o instanceof PList l) {
                int n = in.count(1);
                for (int k = 0; k < n; k++) {
                    l.append(ref());
                }
            } else if (o instanceof PDict d) {
                int n = in.count(2);
                for (int k = 0; k < n; k++) {
                    Object key = ref();
                    d.put(key, ref());
                }
            } else if (o instanceof Cell c) {
                c.value = ref();
            } else if (o instanceof PModule m) {
                int n = in.count(1);
                if (n != m.slotNames().size()) {
                    throw new IOException("module layout mismatch");
                }
                for (int k = 0; k < n; k++) {
                    m.values[k] = ref();
                }
            } else if (o instanceof PClass c) {
                stringMap(c.attributes);
            } else if (o instanceof PInstance inst) {
                Map<String, Object> fields = new LinkedHashMap<>();
                stringMap(fields);
                fields.forEach(inst::put);
            } else if (o instanceof VmFunction fn) {
                if (fn.closure != null) {
                    for (int k = 0; k < fn.closure.length; k++) {
                        fn.closure[k] = object(in.i32(), Cell.class);
                    }
                }
                int owner = in.i32();
                fn.owner = owner < 0 ? null : object(owner, PClass.class);
            } else if (o instanceof Map<?, ?> ns) {
                @SuppressWarnings("unchecked")
                Map<String, Object> names = (Map<String, Object>) ns;
                stringMap(names);
            }
        }
    }

    private void stringMap(Map<String, Object> into) throws IOException {
        int n = in.count(2);
        for (int k = 0; k < n; k++) {
            String key = in.str();
            into.put(key, ref());
        }
    }
}
