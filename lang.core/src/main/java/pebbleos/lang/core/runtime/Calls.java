package pebbleos.lang.core.runtime;

import pebbleos.api.value.PList;

/**
 * Calling values that are not engine functions: builtins, classes
 * (instantiation and {@code __init__}), bound methods. Engine functions go
 * back to the engine through {@link Interop#call}.
 */
public final class Calls {
    private Calls() {
    }

    /** Call {@code callee}; {@code engineCall} runs a {@link PFunction} with its full argument array. */
    public static Object call(Interop rt, Object callee, Object[] args) {
        if (callee instanceof PBuiltin b) {
            return b.invoke(rt, args);
        }
        if (callee instanceof PFunction) {
            return rt.call(callee, args);
        }
        if (callee instanceof PBoundMethod m) {
            Object[] full = new Object[args.length + 1];
            full[0] = m.self;
            System.arraycopy(args, 0, full, 1, args.length);
            if (m.function instanceof PFunction f && f.arity != full.length) {
                throw Errors.arity(f.name, f.arity - 1, args.length);
            }
            return call(rt, m.function, full);
        }
        if (callee instanceof PClass c) {
            return instantiate(rt, c, args);
        }
        throw Errors.notCallable(callee);
    }

    /** {@code C(args)}: a new instance, {@code __init__} run on it. */
    public static PInstance instantiate(Interop rt, PClass c, Object[] args) {
        PInstance inst = new PInstance(c);
        Object init = c.lookup("__init__");
        if (init instanceof PFunction f) {
            if (f.arity != args.length + 1) {
                throw Errors.constructorArity(c.name, f.arity - 1, args.length);
            }
            Object[] full = new Object[args.length + 1];
            full[0] = inst;
            System.arraycopy(args, 0, full, 1, args.length);
            rt.call(f, full);
        } else if (args.length != 0) {
            throw Errors.constructorArity(c.name, 0, args.length);
        }
        return inst;
    }

    /** Copy list and dict arguments for binding to parameters (value semantics). */
    public static Object[] bindCopies(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            args[i] = PList.copyValue(args[i]);
        }
        return args;
    }
}
