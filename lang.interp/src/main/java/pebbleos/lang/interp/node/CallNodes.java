package pebbleos.lang.interp.node;

import pebbleos.api.value.PList;
import pebbleos.lang.core.builtins.Methods;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Calls;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.PBoundMethod;
import pebbleos.lang.core.runtime.PBuiltin;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.interp.Activation;
import pebbleos.lang.interp.InterpFunction;
import pebbleos.lang.interp.InterpThread;

/**
 * Calls. Interpreter functions get their arguments evaluated straight into
 * the new frame's slots; {@code obj.method(args)} calls without building a
 * bound-method value. An error leaving a function of a transparent module
 * (the runtime API, kernel modules, libraries) is reported at the call site.
 */
public final class CallNodes {
    private CallNodes() {
    }

    static Object[] evalArgs(ExprNode[] args, Activation f) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].eval(f);
        }
        return out;
    }

    static PebbleError arity(PFunction fn, int got) {
        return Errors.arity(fn.name, fn.arity, got);
    }

    /** Run an interpreter function with arguments evaluated into fresh slots, {@code self} first if given. */
    static Object callInterp(InterpFunction fn, Object self, ExprNode[] args, Activation f) {
        int offset = self == null ? 0 : 1;
        if (args.length + offset != fn.arity) {
            if (self != null) {
                throw Errors.arity(fn.name, fn.arity - 1, args.length);
            }
            throw arity(fn, args.length);
        }
        Object[] slots = new Object[fn.code.slotCount];
        if (self != null) {
            slots[0] = self;
        }
        for (int i = 0; i < args.length; i++) {
            slots[i + offset] = PList.copyValue(args[i].eval(f));
        }
        return enter(fn, slots, f);
    }

    static Object enter(InterpFunction fn, Object[] slots, Activation f) {
        if (fn.module.transparent && !f.module.transparent) {
            try {
                return fn.run(f.thread, slots);
            } catch (PebbleError e) {
                throw e.relocate(null, 0);
            }
        }
        return fn.run(f.thread, slots);
    }

    /** Call any value with evaluated arguments. */
    static Object callValue(Object callee, Object[] args, Activation f) {
        InterpThread t = f.thread;
        if (callee instanceof InterpFunction fn) {
            if (fn.module.transparent && !f.module.transparent) {
                try {
                    return fn.invoke(t, args);
                } catch (PebbleError e) {
                    throw e.relocate(null, 0);
                }
            }
            return fn.invoke(t, args);
        }
        if (callee instanceof PBuiltin b) {
            return b.invoke(t, args);
        }
        return Calls.call(t, callee, args);
    }

    /** {@code callee(args)} for any callee expression. */
    public static final class Call extends ExprNode {
        final ExprNode callee;
        final ExprNode[] args;

        public Call(ExprNode callee, ExprNode[] args) {
            this.callee = callee;
            this.args = args;
        }

        @Override
        public Object eval(Activation f) {
            Object c = callee.eval(f);
            if (c instanceof InterpFunction fn) {
                return callInterp(fn, null, args, f);
            }
            if (c instanceof PBuiltin b) {
                return b.invoke(f.thread, evalArgs(args, f));
            }
            if (c instanceof PBoundMethod m && m.function instanceof InterpFunction fn) {
                return callInterp(fn, m.self, args, f);
            }
            if (c instanceof PClass cls) {
                return Calls.instantiate(f.thread, cls, evalArgs(args, f));
            }
            return callValue(c, evalArgs(args, f), f);
        }
    }

    /** {@code target.name(args)}: a method, a module function, a string/list/dict method. */
    public static final class MethodCall extends ExprNode {
        final ExprNode target;
        final String name;
        final ExprNode[] args;

        public MethodCall(ExprNode target, String name, ExprNode[] args) {
            this.target = target;
            this.name = name;
            this.args = args;
        }

        @Override
        public Object eval(Activation f) {
            Object t = target.eval(f);
            if (t instanceof PInstance inst && inst.get(name) == null
                    && inst.cls.lookup(name) instanceof InterpFunction fn) {
                return callInterp(fn, inst, args, f);
            }
            PBuiltin method = Methods.lookup(t, name);
            if (method != null) {
                Object[] full = new Object[args.length + 1];
                full[0] = t;
                for (int i = 0; i < args.length; i++) {
                    full[i + 1] = args[i].eval(f);
                }
                return method.invoke(f.thread, full);
            }
            return callOrFail(Access.callee(t, name), f);
        }

        private Object callOrFail(Object callee, Activation f) {
            if (callee instanceof InterpFunction fn) {
                return callInterp(fn, null, args, f);
            }
            return callValue(callee, evalArgs(args, f), f);
        }
    }
}
