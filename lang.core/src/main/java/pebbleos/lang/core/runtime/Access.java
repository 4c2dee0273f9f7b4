package pebbleos.lang.core.runtime;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.builtins.Methods;

/**
 * Indexing, slicing and attributes, shared by both engines: {@code xs[i]},
 * {@code s[a:b]}, {@code obj.name}, and the assignments to them. Stores of
 * lists and dicts bind copies (value semantics).
 */
public final class Access {
    private Access() {
    }

    // ----------------------------------------------------------------- indexing

    public static Object getIndex(Object target, Object index) {
        if (target instanceof PList l) {
            if (index instanceof Long i) {
                long k = i;
                int n = l.size();
                if (k < 0) {
                    k += n;
                }
                if (k < 0 || k >= n) {
                    throw Errors.indexOutOfRange();
                }
                return l.get((int) k);
            }
            return getIndex(target, (Object) Ops.index(index));
        }
        if (target instanceof PDict d) {
            Object v = d.get(index);
            if (v == null) {
                throw Errors.keyNotFound();
            }
            return v;
        }
        if (target instanceof String s) {
            long k = Ops.index(index);
            int n = s.length();
            if (k < 0) {
                k += n;
            }
            if (k < 0 || k >= n) {
                throw Errors.indexOutOfRange();
            }
            return String.valueOf(s.charAt((int) k));
        }
        if (target instanceof PInstance inst) {
            if (!(index instanceof String key)) {
                throw Errors.fieldIndexNotString();
            }
            Object v = inst.get(key);
            if (v == null) {
                throw Errors.fieldNotFound();
            }
            return v;
        }
        throw new PebbleError("only strings, lists, and dicts can be indexed");
    }

    public static void setIndex(Object target, Object index, Object value) {
        value = PList.copyValue(value);
        if (target instanceof PList l) {
            if (!(index instanceof Long) && !(index instanceof Boolean)) {
                throw new PebbleError("list index must be an integer");
            }
            long k = Ops.index(index);
            int n = l.size();
            if (k < 0) {
                k += n;
            }
            if (k < 0 || k >= n) {
                throw Errors.listIndexOutOfRange();
            }
            l.set((int) k, value);
        } else if (target instanceof PDict d) {
            d.put(index, value);
        } else if (target instanceof PInstance inst) {
            if (!(index instanceof String key)) {
                throw Errors.fieldIndexNotString();
            }
            inst.put(key, value);
        } else {
            throw new PebbleError("indexed assignment requires a list or dict");
        }
    }

    /** {@code del target[index]}. */
    public static void delete(Object target, Object index) {
        if (target instanceof PList l) {
            long k = Ops.index(index);
            int n = l.size();
            if (k < 0) {
                k += n;
            }
            if (k < 0 || k >= n) {
                throw Errors.listIndexOutOfRange();
            }
            l.removeAt((int) k);
        } else if (target instanceof PDict d) {
            if (d.remove(index) == null) {
                throw Errors.keyNotFound();
            }
        } else if (target instanceof PInstance inst && index instanceof String key) {
            if (!inst.remove(key)) {
                throw Errors.fieldNotFound();
            }
        } else {
            throw new PebbleError("del requires a list or dict");
        }
    }

    /** {@code target[lower:upper]} with Python's clamping; null bounds are open. */
    public static Object slice(Object target, Object lower, Object upper) {
        int n;
        if (target instanceof PList l) {
            n = l.size();
        } else if (target instanceof String s) {
            n = s.length();
        } else {
            throw new PebbleError("only strings and lists can be sliced");
        }
        int from = bound(lower, n, 0);
        int to = bound(upper, n, n);
        if (to < from) {
            to = from;
        }
        if (target instanceof PList l) {
            return l.slice(from, to);
        }
        return ((String) target).substring(from, to);
    }

    private static int bound(Object v, int n, int open) {
        if (v == null || v == pebbleos.api.value.PNone.NONE) {
            return open;
        }
        if (!(v instanceof Long) && !(v instanceof Boolean) && !(v instanceof java.math.BigInteger)) {
            throw new PebbleError("slice indices must be integers");
        }
        if (v instanceof java.math.BigInteger b) {
            return b.signum() < 0 ? 0 : n;
        }
        long k = Ops.index(v);
        if (k < 0) {
            k += n;
        }
        return (int) Math.max(0, Math.min(n, k));
    }

    // ----------------------------------------------------------------- attributes

    public static Object getAttribute(Object target, String name) {
        if (target instanceof PInstance inst) {
            Object v = inst.get(name);
            if (v != null) {
                return v;
            }
            Object a = inst.cls.lookup(name);
            if (a instanceof PFunction f) {
                return new PBoundMethod(inst, f, inst.cls.name);
            }
            if (a != null) {
                return a;
            }
            throw new PebbleError("instance of '" + inst.cls.name + "' has no member '" + name + "'");
        }
        if (target instanceof PModule m) {
            Object v = m.get(name);
            if (v == null) {
                throw Errors.noMember(m.name, name);
            }
            return v;
        }
        if (target instanceof PClass c) {
            Object v = c.lookup(name);
            if (v == null) {
                throw new PebbleError("class '" + c.name + "' has no member '" + name + "'");
            }
            return v;
        }
        PBuiltin method = Methods.lookup(target, name);
        if (method != null) {
            return new PBoundMethod(target, method, Values.typeName(target));
        }
        if (target instanceof String || target instanceof PList || target instanceof PDict) {
            throw new PebbleError(Values.typeName(target) + " has no method '" + name + "'");
        }
        throw new PebbleError("attribute access requires a module, class, or instance");
    }

    /**
     * What {@code target.name(args)} calls, with the original's messages when
     * there is nothing callable: an instance's field or method (bound), a
     * module's or class's member, a string/list/dict method (bound).
     */
    public static Object callee(Object target, String name) {
        if (target instanceof PInstance inst) {
            Object field = inst.get(name);
            if (field != null) {
                if (!callable(field)) {
                    throw Errors.fieldNotCallable(name);
                }
                return field;
            }
            Object m = inst.cls.lookup(name);
            if (!callable(m)) {
                throw Errors.noCallableMember("instance of '" + inst.cls.name + "'", name);
            }
            return m instanceof PFunction f ? new PBoundMethod(inst, f, inst.cls.name) : m;
        }
        if (target instanceof PModule mod) {
            Object m = mod.get(name);
            if (!callable(m)) {
                throw Errors.noCallableMember("module '" + mod.name + "'", name);
            }
            return m;
        }
        if (target instanceof PClass c) {
            Object m = c.lookup(name);
            if (!callable(m)) {
                throw Errors.noCallableMember("class '" + c.name + "'", name);
            }
            return m;
        }
        if (target instanceof String || target instanceof PList || target instanceof PDict) {
            return getAttribute(target, name); // a method, or the error naming the missing one
        }
        throw Errors.attributeCallOnValue();
    }

    /** Whether a call can be made on {@code v}. */
    public static boolean callable(Object v) {
        return v instanceof PFunction || v instanceof PBuiltin || v instanceof PBoundMethod || v instanceof PClass;
    }

    public static void setAttribute(Object target, String name, Object value) {
        value = PList.copyValue(value);
        if (target instanceof PInstance inst) {
            inst.put(name, value);
        } else if (target instanceof PClass c) {
            c.set(name, value);
        } else if (target instanceof PModule m) {
            m.set(name, value);
        } else {
            throw new PebbleError("attribute assignment requires a module, class, or instance");
        }
    }
}
