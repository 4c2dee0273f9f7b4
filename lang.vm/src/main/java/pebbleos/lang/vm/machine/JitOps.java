package pebbleos.lang.vm.machine;

import pebbleos.api.value.Footprint;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.vm.code.Proto;

/**
 * What compiled code calls: each method is one instruction (or its fast
 * path) of {@link Machine#execute}, with the same semantics and the same
 * slow paths, small enough for HotSpot to inline into the compiled code of a
 * proto. The JIT refers to these methods by name and descriptor.
 */
final class JitOps {
    private JitOps() {
    }

    /** A global a loop keeps in a JVM local (jit.PromotedLoops) while the module has no value for it. */
    static final Object UNSET = new Object();

    // ------------------------------------------------------------------ names

    /** GETG and global operands. */
    static Object global(Machine m, PModule module, int g) {
        Object v = module.values[g];
        return v != null ? v : SlowPaths.fallback(m, module, null, g, false);
    }

    /** GETGC: a global about to be called with {@code n} arguments (n &lt; 0: no pre-check). */
    static Object callee(Machine m, PModule module, int g, int n) {
        Object v = module.values[g];
        if (v == null) {
            v = SlowPaths.fallback(m, module, null, g, true);
        }
        if (n >= 0 && !(v instanceof PBuiltin) && !(v instanceof VmFunction fn && fn.arity == n)) {
            SlowPaths.precheck(v, n);
        }
        return v;
    }

    /** SETG. */
    static void setGlobal(PModule module, int g, Object v) {
        module.values[g] = PList.copyValue(v);
    }

    /** INCG: {@code g = g + y} or {@code g = g - y}. */
    static void incg(Machine m, PModule module, int g, long y, boolean subtract) {
        Object x = module.values[g];
        if (x == null) {
            x = SlowPaths.fallback(m, module, null, g, false);
        }
        if (x instanceof Long lx && lx > Long.MIN_VALUE / 2 && lx < Long.MAX_VALUE / 2) {
            module.values[g] = subtract ? lx - y : lx + y;
        } else {
            module.values[g] = subtract ? Ops.sub(x, y) : Ops.add(x, y);
        }
    }

    /** CHECK, GETCELL: a local read before it was assigned. */
    static Object checked(Object v, String name) {
        if (v == null) {
            throw SlowPaths.unknown(name, false);
        }
        return v;
    }

    // ------------------------------------------------------------------ arithmetic, int fast paths

    static Object add(Object x, Object y) {
        return y instanceof Long ly ? addi(x, ly) : Ops.add(x, y);
    }

    /** CONCAT3: three strings in one copy; anything else exactly as {@code (x + y) + z}. */
    static Object concat3(Object x, Object y, Object z) {
        if (x instanceof String sx && y instanceof String sy && z instanceof String sz) {
            String r = sx + sy + sz;
            return r.length() < Footprint.BIG_STRING ? r : Footprint.string(r);
        }
        return Ops.add(Ops.add(x, y), z);
    }

    static Object sub(Object x, Object y) {
        return y instanceof Long ly ? subi(x, ly) : Ops.sub(x, y);
    }

    static Object mul(Object x, Object y) {
        if (x instanceof Long lx && y instanceof Long ly && Ops.mulFits(lx, ly)) {
            return lx * ly;
        }
        return Ops.mul(x, y);
    }

    static Object mod(Object x, Object y) {
        if (x instanceof Long lx && y instanceof Long ly && ly != 0) {
            return Math.floorMod(lx, (long) ly);
        }
        return Ops.mod(x, y);
    }

    /** x + y, without boxing when both are ints and the sum fits (else the general path, which widens). */
    static Object addi(Object x, long y) {
        if (x instanceof Long lx) {
            long a = lx;
            long r = a + y;
            if (Ops.addFits(a, y, r)) {
                return r;
            }
        }
        return Ops.add(x, y);
    }

    static Object subi(Object x, long y) {
        if (x instanceof Long lx) {
            long a = lx;
            long r = a - y;
            if (Ops.subFits(a, y, r)) {
                return r;
            }
        }
        return Ops.sub(x, y);
    }

    static Object muli(Object x, long y) {
        if (x instanceof Long lx && Ops.mulFits(lx, y)) {
            return lx * y;
        }
        return Ops.mul(x, y);
    }

    static Object lt(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? Ops.bool(lx < ly) : Ops.lt(x, y);
    }

    /** IN: the container comes first, as the dispatch loop reads the operands. */
    static Object in(Object container, Object item) {
        return Ops.bool(Ops.contains(container, item));
    }

    static Object notIn(Object container, Object item) {
        return Ops.bool(!Ops.contains(container, item));
    }

    static Object not(Object v) {
        return Values.truthy(v) ? Boolean.FALSE : Boolean.TRUE;
    }

    // ------------------------------------------------------------------ tests feeding jumps

    static boolean truthy(Object v) {
        return v == Ops.ONE || (v != Ops.ZERO && Values.truthy(v));
    }

    static boolean lessThan(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? lx < ly : Ops.lessThan(x, y);
    }

    static boolean lessEqual(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? lx <= ly : Ops.lessEqual(x, y);
    }

    static boolean greater(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? lx > ly : SlowPaths.compareValues(2, x, y);
    }

    static boolean greaterEqual(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? lx >= ly : SlowPaths.compareValues(3, x, y);
    }

    static boolean equal(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? lx.longValue() == ly.longValue() : Values.equal(x, y);
    }

    static boolean notEqual(Object x, Object y) {
        return x instanceof Long lx && y instanceof Long ly ? lx.longValue() != ly.longValue() : !Values.equal(x, y);
    }

    static boolean lessThanI(Object x, long y) {
        return x instanceof Long lx ? lx < y : SlowPaths.compareValues(0, x, y);
    }

    static boolean lessEqualI(Object x, long y) {
        return x instanceof Long lx ? lx <= y : SlowPaths.compareValues(1, x, y);
    }

    static boolean greaterI(Object x, long y) {
        return x instanceof Long lx ? lx > y : SlowPaths.compareValues(2, x, y);
    }

    static boolean greaterEqualI(Object x, long y) {
        return x instanceof Long lx ? lx >= y : SlowPaths.compareValues(3, x, y);
    }

    static boolean equalI(Object x, long y) {
        return x instanceof Long lx ? lx == y : SlowPaths.compareValues(4, x, y);
    }

    static boolean notEqualI(Object x, long y) {
        return x instanceof Long lx ? lx != y : SlowPaths.compareValues(5, x, y);
    }

    // ------------------------------------------------------------------ containers and attributes

    static Object getIndex(Object t, Object i) {
        if (t instanceof PList l && i instanceof Long n && n >= 0 && n < l.size()) {
            return l.get((int) (long) n);
        }
        return Access.getIndex(t, i);
    }

    static void setIndex(Object t, Object i, Object v) {
        if (t instanceof PList l && i instanceof Long n && n >= 0 && n < l.size()
                && !(v instanceof PList) && !(v instanceof PDict)) {
            l.set((int) (long) n, v);
        } else {
            Access.setIndex(t, i, v);
        }
    }

    /** GETX with an index compiled code keeps as a long: as {@link #getIndex}, the index boxed only off the list path. */
    static Object getIndexAt(Object t, long i) {
        if (t instanceof PList l && i >= 0 && i < l.size()) {
            return l.get((int) i);
        }
        return Access.getIndex(t, i);
    }

    /** SETX with an index kept as a long: as {@link #setIndex}. */
    static void setIndexAt(Object t, long i, Object v) {
        if (t instanceof PList l && i >= 0 && i < l.size() && !(v instanceof PList) && !(v instanceof PDict)) {
            l.set((int) i, v);
        } else {
            Access.setIndex(t, i, v);
        }
    }

    // ------------------------------------------------------------------ inline caches (see Shape)

    /** The caches of {@code p}'s sites in {@code module}: one entry per code index, the proto last (whose they are). */
    static Object[] caches(PModule module, Proto p) {
        Object[][] all = module.siteCaches;
        int i = p.index();
        if (all != null && i < all.length) {
            Object[] c = all[i];
            if (c != null && c[c.length - 1] == p) {
                return c;
            }
        }
        return SlowPaths.newCaches(module, p);
    }

    /** GETA: a field at the slot the site cached for the instance's shape. */
    static Object getAttribute(Object t, String name, Object[] caches, int site) {
        Object c = caches[site];
        if (t instanceof PInstance inst) {
            Object v = inst.getCached(c);
            if (v != null) {
                return v;
            }
        } else if (c instanceof SlowPaths.ModuleHit h && h.module() == t) {
            Object v = h.module().values[h.slot()];
            if (v != null) {
                return v;
            }
        }
        return SlowPaths.getAttribute(t, name, caches, site);
    }

    /**
     * A GETA of a leaf's fast path in its caller (jit.LeafInliner) missed its
     * cache: the instance's own field of that name, cached at the site as
     * GETA caches it; null when the instance has no such field (the call
     * then finds the attribute, or the error, itself).
     */
    static Object fieldMiss(PInstance inst, String name, Object[] caches, int site) {
        pebbleos.lang.core.runtime.Shape.Slot s = inst.find(name);
        if (s == null) {
            return null;
        }
        caches[site] = s;
        return inst.slot(s.slot);
    }

    /** SETA: a field set at its cached slot, or added by the cached step to the next shape. */
    static void setAttribute(Object t, String name, Object v, Object[] caches, int site) {
        if (!(t instanceof PInstance inst) || !inst.putCached(caches[site], PList.copyValue(v))) {
            SlowPaths.setAttribute(t, name, v, caches, site);
        }
    }

    /** LOOKUP: the method the site cached for the instance's shape, while no class changed. */
    static void lookup(Machine m, Object[] st, int c, Object name, int n, Object[] caches, int site) {
        Object t = st[c + 1];
        Object e = caches[site];
        if (t instanceof PInstance inst) {
            if (e instanceof SlowPaths.MethodHit h && h.shape() == inst.shape() && h.epoch() == PClass.epoch()) {
                st[c] = h.method();
                return;
            }
        } else if (e instanceof SlowPaths.ModuleHit h) {
            if (h.module() == t) {
                // the slot's value may have changed since: checked as LOOKUP does
                Object member = h.module().values[h.slot()];
                if (member instanceof VmFunction fn ? fn.arity == n : member instanceof PBuiltin) {
                    st[c] = member;
                    st[c + 1] = Machine.NOSELF;
                    return;
                }
            }
        } else if (e instanceof SlowPaths.TypeHit h && t != null && t.getClass() == h.type()) {
            st[c] = h.method(); // a string's, list's or dict's method: the tables never change
            return;
        }
        SlowPaths.lookup(m, st, c, name, n, caches, site);
    }

    static Object newDict() {
        return new PDict();
    }

    /** FORNEXT: the next item of the loop's iterator (copied for binding), or null at the end. */
    static Object next(Object it) {
        if (it instanceof Iter.Range r) {
            long i = r.next;
            if (r.has(i)) {
                r.next = r.after(i);
                return i;
            }
            return null;
        }
        return ((Iter) it).next();
    }

    // ------------------------------------------------------------------ calls and returns

    /**
     * CALL of anything but a builtin (the site has told builtins apart, see
     * {@link #callBuiltin}): callee in stack[c], {@code n} arguments after
     * it; the caller's {@code pc} already holds the return address. Null:
     * the result is in stack[c]. {@link Compiled#BAIL}: the machine takes
     * over (a callee's frame may be on top).
     */
    static Object call(Machine m, Frame f, int c, int n, int depth) {
        Object callee = m.stack[c];
        Frame next = callee instanceof VmFunction fn && fn.arity == n
                ? m.enter(fn, c + 1, c, n, f)
                : SlowPaths.call(m, f, callee, c, n);
        return next == null ? null : m.runCalled(next, depth);
    }

    /**
     * CALL of a builtin, which the compiled code tells apart at each call
     * site: then HotSpot sees at each site one kind of callee, and compiles
     * {@link #call}'s way into a Pebble function only where a site calls one
     * (through this shared method both were compiled into every site). The
     * result replaces the callee in stack[c]; a builtin never leaves a frame.
     */
    static void callBuiltin(Machine m, int c, int n) {
        Object[] st = m.stack;
        PBuiltin b = (PBuiltin) st[c];
        Object r = SlowPaths.quick(b, st, c, n);
        if (r != null) {
            st[c] = r;
        } else {
            SlowPaths.invokeBuiltin(m, b, c, n);
        }
    }

    /**
     * CALLM of a member that is not a Pebble function (a method of a
     * string, list or dict, a callable value): {@link #callMethod}'s other
     * way, told apart at each call site for the reason given at {@link
     * #callBuiltin}. As {@link #call}.
     */
    static Object callOther(Machine m, Frame f, int c, int n, int depth) {
        Frame next = SlowPaths.callMethod(m, f, m.stack[c], c, n);
        return next == null ? null : m.runCalled(next, depth);
    }

    /**
     * CALLM, after LOOKUP, of a Pebble function (the site has told the others
     * apart, see {@link #callOther}): the member in stack[c], the receiver
     * (or NOSELF) in stack[c+1]. As {@link #call}.
     */
    static Object callMethod(Machine m, Frame f, int c, int n, int depth) {
        Object[] st = m.stack;
        VmFunction fn = (VmFunction) st[c];
        // LOOKUP checked the arity; a method gets its receiver as first argument
        Frame next = st[c + 1] != Machine.NOSELF ? m.enter(fn, c + 1, c, n + 1, f) : m.enter(fn, c + 2, c, n, f);
        return m.runCalled(next, depth);
    }

    /**
     * CALL or CALLM at a site whose leaf callee's fast path is in line
     * ({@code jit.LeafInliner}), when the fast path did not take the call:
     * as {@link #call}, {@link #callBuiltin}, {@link #callMethod} or {@link
     * #callOther} would. Kept out of line by the script (dontinline), so that
     * HotSpot compiles only this call beside the fast path.
     */
    static Object callAfterLeaf(Machine m, Frame f, int c, int n, int depth, boolean method) {
        Object callee = m.stack[c];
        if (method) {
            return callee instanceof VmFunction ? callMethod(m, f, c, n, depth) : callOther(m, f, c, n, depth);
        }
        if (callee instanceof PBuiltin) {
            callBuiltin(m, c, n);
            return null;
        }
        return call(m, f, c, n, depth);
    }

    /** RET, RET0, END: pop the frame; its value (a constructor's is the instance). */
    static Object ret(Machine m, Frame f, Object v) {
        if ((f.flags & Frame.CONSTRUCTOR) != 0) {
            v = f.instance;
            f.instance = null;
        }
        m.fp--;
        return v;
    }

    /** An instruction compiled code leaves to {@link RareInstructions}; returns the next pc. */
    static int rare(Machine m, Frame f, int w, int pc) {
        Proto p = f.proto;
        f.pc = pc;
        return RareInstructions.run(m, w, f.base + (w >>> 8), pc, f, p, f.module, p.constants, p.code, f.base);
    }

    /** An exception leaves compiled code: when its frame is the top one, the error is at {@code pc}. */
    static void at(Machine m, Frame f, int pc) {
        if (m.fp >= 0 && m.frames[m.fp] == f) {
            f.pc = pc;
        }
    }
}
