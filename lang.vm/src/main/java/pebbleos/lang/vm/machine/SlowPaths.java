package pebbleos.lang.vm.machine;

import java.util.Arrays;
import java.util.Map;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.builtins.Builtins;
import pebbleos.lang.core.builtins.Conversions;
import pebbleos.lang.core.builtins.Methods;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Calls;
import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PBoundMethod;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.Shape;
import pebbleos.lang.vm.code.Proto;

/**
 * The slow paths of the dispatch loop, out of line so that the loop stays
 * small: name fallbacks, calls of anything but a plain VM function, method
 * lookup, class creation, imports, range set-up. Each does what the node of
 * the interpreter it stands for does (named in its comment); the errors both
 * raise come from {@link pebbleos.lang.core.runtime.Errors}.
 */
final class SlowPaths {
    static final PBuiltin RANGE = Builtins.get("range");
    private static final PBuiltin LEN = Builtins.get("len");
    private static final PBuiltin APPEND = Builtins.get("append");
    private static final PBuiltin STR = Builtins.get("str");
    private static final PBuiltin HAS_KEY = Builtins.get("has_key");
    private static final PBuiltin TYPE = Builtins.get("type");
    private static final PBuiltin FLOAT = Builtins.get("float");

    /**
     * The most called builtins without an argument array: {@code len},
     * {@code append}, {@code str}, {@code has_key}, {@code type} and {@code float}
     * on the argument types they accept, exactly as their bodies in lang.core
     * compute them. Null: take the general path (which also reports every error).
     */
    static Object quick(PBuiltin b, Object[] st, int c, int n) {
        if (b == LEN && n == 1) {
            long size = length(b, st[c + 1]);
            if (size >= 0) {
                return size;
            }
        }
        if (b == APPEND && n == 2 && st[c + 1] instanceof PList l) {
            l.append(PList.copyValue(st[c + 2]));
            return l;
        } else if (b == STR && n == 1) {
            return Values.str(st[c + 1]);
        } else if (b == HAS_KEY && n == 2 && st[c + 1] instanceof PDict d) {
            return Ops.bool(d.containsKey(st[c + 2]));
        } else if (b == TYPE && n == 1) {
            return Values.typeName(st[c + 1]);
        } else if (b == FLOAT && n == 1) {
            Object v = st[c + 1];
            if (v instanceof Double) {
                return v;
            }
            if (v instanceof String || v instanceof Long) {
                return Conversions.toFloat(v); // its errors are the builtin's own
            }
        }
        return null;
    }

    /**
     * {@code len(v)} when {@code callee} is the builtin {@code len} and v a
     * string, list or dict (its body in lang.core computes the same), else
     * -1: the general call (which reports every error). Also what compiled
     * code asks first at a {@code len} call whose result only a
     * compare-and-jump reads (the translator's {@code lengthTest}).
     */
    static long length(Object callee, Object v) {
        if (callee == LEN) {
            if (v instanceof PList l) {
                return l.size();
            }
            if (v instanceof String s) {
                return s.length();
            }
            if (v instanceof PDict d) {
                return d.size();
            }
        }
        return -1;
    }

    private SlowPaths() {
    }

    // ------------------------------------------------------------------ names (interpreter: Names)

    static PebbleError unknown(String name, boolean called) {
        return new PebbleError(called ? "unknown builtin '" + name + "'" : "unknown variable '" + name + "'");
    }

    static Object cellValue(Object cell, String name) {
        Object v = ((Cell) cell).value;
        if (v == null) {
            throw unknown(name, false);
        }
        return v;
    }

    /** An unassigned global: the builtin's or runtime API's of that name, cached in the slot (GlobalLoad). */
    static Object fallback(Machine m, PModule module, Proto p, int slot, boolean called) {
        String name = module.nameOf(slot);
        Object v = m.process.fallback(m, name);
        if (v == null) {
            throw unknown(name, called);
        }
        module.values[slot] = v;
        return v;
    }

    private static Object global(Machine m, PModule module, int slot, boolean called) {
        Object v = module.values[slot];
        return v != null ? v : fallback(m, module, null, slot, called);
    }

    /** ClassOrGlobalLoad: the attribute of the running method's class, else the global. */
    static Object classOrGlobal(Machine m, Frame f, int slot, boolean called) {
        PClass owner = f.function == null ? null : f.function.owner;
        if (owner != null) {
            Object v = owner.lookup(f.module.nameOf(slot));
            if (v != null) {
                return v;
            }
        }
        return global(m, f.module, slot, called);
    }

    /** ClassBodyLoad: the namespace of the class body being run, else the global. */
    static Object namespaceOrGlobal(Machine m, Frame f, Object ns, int slot, boolean called) {
        Object v = namespace(ns).get(f.module.nameOf(slot));
        return v != null ? v : global(m, f.module, slot, called);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> namespace(Object ns) {
        return (Map<String, Object>) ns;
    }

    // ------------------------------------------------------------------ comparisons

    /** Operators in opcode order: 0 &lt;, 1 &lt;=, 2 &gt;, 3 &gt;=, 4 ==, 5 !=. */
    static boolean compareLongs(int op, long x, long y) {
        return switch (op) {
            case 0 -> x < y;
            case 1 -> x <= y;
            case 2 -> x > y;
            case 3 -> x >= y;
            case 4 -> x == y;
            default -> x != y;
        };
    }

    static boolean compareValues(int op, Object x, Object y) {
        return switch (op) {
            case 0 -> Ops.lessThan(x, y);
            case 1 -> Ops.lessEqual(x, y);
            case 2 -> Ops.gt(x, y) == Ops.ONE;
            case 3 -> Ops.ge(x, y) == Ops.ONE;
            case 4 -> Values.equal(x, y);
            default -> !Values.equal(x, y);
        };
    }

    // ------------------------------------------------------------------ calls (interpreter: CallNodes)

    static PebbleError arity(PFunction fn, int got) {
        return Errors.arity(fn.name, fn.arity, got);
    }

    static PebbleError boundArity(PFunction fn, int got) {
        return Errors.arity(fn.name, fn.arity - 1, got);
    }

    /** The arity check a call makes on a Pebble function before evaluating its arguments. */
    static void precheck(Object callee, int n) {
        if (callee instanceof VmFunction fn) {
            if (fn.arity != n) {
                throw arity(fn, n);
            }
        } else if (callee instanceof PBoundMethod bm && bm.function instanceof VmFunction fn && fn.arity != n + 1) {
            throw boundArity(fn, n);
        }
    }

    /**
     * CALL of anything but a VM function of the right arity (Call): callee in
     * stack[c], arguments after it. Returns the frame pushed, or null when the
     * result is already stored.
     */
    static Frame call(Machine m, Frame caller, Object callee, int c, int n) {
        if (callee instanceof VmFunction fn) {
            throw arity(fn, n);
        }
        if (callee instanceof PBuiltin b) {
            invokeBuiltin(m, b, c, n);
            return null;
        }
        if (callee instanceof PBoundMethod bm && bm.function instanceof VmFunction fn) {
            if (fn.arity != n + 1) {
                throw boundArity(fn, n);
            }
            m.stack[c] = bm.self;
            return m.enter(fn, c, c, n + 1, caller);
        }
        if (callee instanceof PClass cls) {
            return instantiate(m, cls, c, n, c);
        }
        return callValue(m, caller, callee, c, n, c);
    }

    /**
     * A builtin called with the {@code n} arguments after stack[c]: its
     * result replaces it in stack[c], read anew after the call (the builtin
     * may have run Pebble code that grew the stack).
     */
    static void invokeBuiltin(Machine m, PBuiltin b, int c, int n) {
        Object r = b.invoke(m, Arrays.copyOfRange(m.stack, c + 1, c + 1 + n));
        m.stack[c] = r;
    }

    /**
     * CALLM when the member is not a VM function: R[c+1] holds the receiver
     * (builtin methods of strings, lists, dicts) or NOSELF (callValue).
     */
    static Frame callMethod(Machine m, Frame caller, Object callee, int c, int n) {
        Object self = m.stack[c + 1];
        if (self == Machine.NOSELF) {
            m.stack[c + 1] = callee;
            return callValue(m, caller, callee, c + 1, n, c);
        }
        Object r = ((PBuiltin) callee).invoke(m, Arrays.copyOfRange(m.stack, c + 1, c + 2 + n));
        m.stack[c] = r;
        return null;
    }

    /**
     * callValue: VM functions are entered (errors relocated), builtins
     * invoked; bound methods and classes as Calls.call does it, but as frames.
     */
    private static Frame callValue(Machine m, Frame caller, Object callee, int c, int n, int ret) {
        if (callee instanceof VmFunction fn) {
            if (fn.arity != n) {
                throw arity(fn, n);
            }
            return m.enter(fn, c + 1, ret, n, caller);
        }
        if (callee instanceof PBuiltin b) {
            Object r = b.invoke(m, Arrays.copyOfRange(m.stack, c + 1, c + 1 + n));
            m.stack[ret] = r;
            return null;
        }
        if (callee instanceof PBoundMethod bm) {
            if (bm.function instanceof PFunction fn && fn.arity != n + 1) {
                throw boundArity(fn, n);
            }
            m.stack[c] = bm.self;
            if (bm.function instanceof VmFunction fn) {
                return m.enter(fn, c, ret, n + 1, 0);
            }
            Object r = callFromJava(m, bm.function, Arrays.copyOfRange(m.stack, c, c + 1 + n));
            m.stack[ret] = r;
            return null;
        }
        if (callee instanceof PClass cls) {
            return instantiate(m, cls, c, n, ret);
        }
        throw Errors.notCallable(callee);
    }

    /** {@code C(args)} (Calls.instantiate): a new instance; {@code __init__} runs in a constructor frame. */
    static Frame instantiate(Machine m, PClass cls, int c, int n, int ret) {
        PInstance inst = new PInstance(cls);
        Object init = cls.lookup("__init__");
        if (init instanceof VmFunction fn) {
            if (fn.arity != n + 1) {
                throw Errors.constructorArity(cls.name, fn.arity - 1, n);
            }
            m.stack[c] = inst;
            Frame f = m.enter(fn, c, ret, n + 1, Frame.CONSTRUCTOR);
            f.instance = inst;
            return f;
        }
        if (init instanceof PFunction) {
            Object r = Calls.instantiate(m, cls, Arrays.copyOfRange(m.stack, c + 1, c + 1 + n));
            m.stack[ret] = r;
            return null;
        }
        if (n != 0) {
            throw Errors.constructorArity(cls.name, 0, n);
        }
        m.stack[ret] = inst;
        return null;
    }

    /** A call made by Java code (Interop.call) on something that is not a VM function. */
    static Object callFromJava(Machine m, Object callable, Object[] args) {
        if (callable instanceof PFunction fn && !(callable instanceof VmFunction)) {
            throw new PebbleError("function '" + fn.name + "' belongs to another engine");
        }
        return Calls.call(m, callable, args);
    }

    // ------------------------------------------------------------------ inline caches' misses (JitOps)

    /** Make (or replace) the site caches of {@code p} in {@code module}. */
    static Object[] newCaches(PModule module, Proto p) {
        Object[][] all = module.siteCaches;
        int i = p.index();
        if (all == null || i >= all.length) {
            all = all == null ? new Object[i + 1][] : Arrays.copyOf(all, i + 1);
            module.siteCaches = all;
        }
        Object[] caches = new Object[p.code.length + 1];
        caches[p.code.length] = p;
        all[i] = caches;
        return caches;
    }

    /** The method LOOKUP at a site found for receivers of {@code type} (a string, list or dict). */
    record TypeHit(Class<?> type, PBuiltin method) {
    }

    /** A module's global that GETA or LOOKUP at a site read: its slot, which a name keeps for the module's life. */
    record ModuleHit(PModule module, int slot) {
    }

    /** GETA missed its cache: read the field (or module global) and cache where it is, or the general attribute read. */
    static Object getAttribute(Object t, String name, Object[] caches, int site) {
        if (t instanceof PInstance inst) {
            Shape.Slot s = inst.find(name);
            if (s != null) {
                caches[site] = s;
                Object v = inst.slot(s.slot);
                if (v != null) {
                    return v;
                }
            }
        } else if (t instanceof PModule mod) {
            cacheGlobal(mod, name, caches, site);
        }
        return Access.getAttribute(t, name);
    }

    /** Cache the slot of module global {@code name} when it has one (no slot is made for a name that is not there). */
    private static void cacheGlobal(PModule mod, String name, Object[] caches, int site) {
        int slot = mod.slotIfPresent(name);
        if (slot >= 0) {
            caches[site] = new ModuleHit(mod, slot);
        }
    }

    /** SETA missed its cache: set the field and cache how, or the general attribute write. */
    static void setAttribute(Object t, String name, Object v, Object[] caches, int site) {
        if (t instanceof PInstance inst) {
            caches[site] = inst.put(name, PList.copyValue(v));
        } else {
            Access.setAttribute(t, name, v);
        }
    }

    /**
     * LOOKUP (MethodCall, up to its argument evaluation): find member
     * {@code name} of the receiver in st[c+1] and make the arity check a call
     * makes before its arguments. Leaves the callee in st[c] and the receiver
     * (or NOSELF) in st[c+1].
     */
    static void lookup(Machine m, Object[] st, int c, Object nameConstant, int n) {
        lookup(m, st, c, nameConstant, n, null, 0);
    }

    /** A method of an instance's class that LOOKUP at {@code site} found, for instances of {@code shape}, in class epoch {@code epoch}. */
    record MethodHit(Shape shape, int epoch, VmFunction method) {
    }

    /** LOOKUP; when {@code caches} is not null, a method found for an instance with a shape is cached at {@code site}. */
    static void lookup(Machine m, Object[] st, int c, Object nameConstant, int n, Object[] caches, int site) {
        String name = (String) nameConstant;
        Object t = st[c + 1];
        Object member;
        if (t instanceof PInstance inst) {
            int epoch = PClass.epoch(); // read before the lookup: a class changed meanwhile fails the next check
            Object field = inst.get(name);
            if (field == null) {
                Object method = inst.cls.lookup(name);
                if (method instanceof VmFunction fn) {
                    if (fn.arity != n + 1) {
                        throw boundArity(fn, n);
                    }
                    st[c] = fn;
                    if (caches != null && inst.shape() != null) {
                        caches[site] = new MethodHit(inst.shape(), epoch, fn);
                    }
                    return;
                }
                if (!Access.callable(method)) {
                    throw Errors.noCallableMember("instance of '" + inst.cls.name + "'", name);
                }
                field = method;
            } else if (!Access.callable(field)) {
                throw Errors.fieldNotCallable(name);
            }
            member = field;
        } else if (t instanceof PModule mod) {
            member = mod.get(name);
            if (!Access.callable(member)) {
                throw Errors.noCallableMember("module '" + mod.name + "'", name);
            }
            if (caches != null) {
                cacheGlobal(mod, name, caches, site);
            }
        } else if (t instanceof PClass cls) {
            member = cls.lookup(name);
            if (!Access.callable(member)) {
                throw Errors.noCallableMember("class '" + cls.name + "'", name);
            }
        } else {
            PBuiltin method = Methods.lookup(t, name);
            if (method != null) {
                st[c] = method;
                if (caches != null) {
                    caches[site] = new TypeHit(t.getClass(), method);
                }
                return;
            }
            // no method: the error the interpreter's call of the same form reports
            member = Access.callee(t, name);
        }
        if (member instanceof VmFunction fn && fn.arity != n) {
            throw arity(fn, n);
        }
        st[c] = member;
        st[c + 1] = Machine.NOSELF;
    }

    // ------------------------------------------------------------------ definitions (interpreter: Definitions)

    static VmFunction closure(Proto p, Frame f, Object[] st, int base, int index) {
        Proto inner = p.unit().protos[index];
        int[] sources = inner.freeSources;
        Cell[] closure = null;
        if (sources.length > 0) {
            closure = new Cell[sources.length];
            for (int i = 0; i < sources.length; i++) {
                int s = sources[i];
                closure[i] = s >= 0 ? (Cell) st[base + s] : f.function.closure[-1 - s];
            }
        }
        return new VmFunction(inner, f.module, closure);
    }

    static PClass makeClass(String name, Object ns, Object base) {
        Map<String, Object> attributes = namespace(ns);
        PClass cls = new PClass(name, (PClass) base);
        cls.attributes.putAll(attributes);
        for (Object v : attributes.values()) {
            if (v instanceof PFunction fn && fn.owner == null) {
                fn.owner = cls;
            }
        }
        return cls;
    }

    static PModule importModule(Machine m, String dotted, boolean itself) {
        PModule mod = m.process.importModule(m, dotted);
        return itself ? mod : m.process.root(dotted);
    }

    static Object member(Object module, String name) {
        PModule mod = (PModule) module;
        Object v = mod.get(name);
        if (v == null) {
            throw Errors.noMember(mod.name, name);
        }
        return v;
    }

    // ------------------------------------------------------------------ errors and loops

    /**
     * The error a bare {@code raise} re-raises: the one handled by the
     * innermost except block being run, looking through the callers too (the
     * interpreter keeps it per thread).
     */
    static PebbleError handling(Machine m, int pc) {
        for (int i = m.fp; i >= 0; i--) {
            Frame f = m.frames[i];
            int at = i == m.fp ? pc : f.pc - 1;
            int reg = f.proto.handlingAt(at);
            if (reg >= 0) {
                return (PebbleError) m.stack[f.base + reg];
            }
        }
        return Errors.nothingToReraise();
    }

    /** For's countRange: a counter when every argument is an int, else iterate what range() gives. */
    static Iter rangeIterator(Machine m, Object[] st, int c, int n) {
        Object[] args = Arrays.copyOfRange(st, c + 1, c + 1 + n);
        if (n < 1 || n > 3) {
            RANGE.invoke(m, args); // reports the arity error
        }
        for (Object v : args) {
            if (!(v instanceof Long)) {
                return Iter.over(RANGE.invoke(m, args));
            }
        }
        long start = n == 1 ? 0 : (Long) args[0];
        long stop = n == 1 ? (Long) args[0] : (Long) args[1];
        long step = n == 3 ? (Long) args[2] : 1;
        if (step == 0) {
            throw Errors.rangeStepZero();
        }
        return new Iter.Range(start, stop, step);
    }
}
