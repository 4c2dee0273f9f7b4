package pebbleos.lang.interp.node;

import java.util.Map;

import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.interp.Activation;

/** Loading and storing names, one node per place a name can live. */
public final class Names {
    private Names() {
    }

    static PebbleError unknown(String name, boolean called) {
        return new PebbleError(called ? "unknown builtin '" + name + "'" : "unknown variable '" + name + "'");
    }

    /** Where an assignment, a for loop or a def stores its value. */
    public abstract static class Store {
        public abstract void store(Activation f, Object value);

        public abstract ExprNode load();
    }

    public static final class Const extends ExprNode {
        final Object value;

        public Const(Object value) {
            this.value = value;
        }

        @Override
        public Object eval(Activation f) {
            return value;
        }
    }

    public static final class LocalLoad extends ExprNode {
        final int slot;
        final String name;

        public LocalLoad(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        public Object eval(Activation f) {
            Object v = f.slots[slot];
            if (v == null) {
                throw unknown(name, false);
            }
            return v;
        }
    }

    public static final class CellLoad extends ExprNode {
        final int slot;
        final String name;

        public CellLoad(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        public Object eval(Activation f) {
            Object v = ((Cell) f.slots[slot]).value;
            if (v == null) {
                throw unknown(name, false);
            }
            return v;
        }
    }

    public static final class FreeLoad extends ExprNode {
        final int index;
        final String name;

        public FreeLoad(int index, String name) {
            this.index = index;
            this.name = name;
        }

        @Override
        public Object eval(Activation f) {
            Object v = f.closure[index].value;
            if (v == null) {
                throw unknown(name, false);
            }
            return v;
        }
    }

    /** A module global; an unassigned one falls back to the builtins and the runtime API. */
    public static final class GlobalLoad extends ExprNode {
        final int slot;
        final String name;
        final boolean called;

        public GlobalLoad(int slot, String name, boolean called) {
            this.slot = slot;
            this.name = name;
            this.called = called;
        }

        @Override
        public Object eval(Activation f) {
            Object v = f.module.values[slot];
            if (v == null) {
                v = fallback(f);
            }
            return v;
        }

        private Object fallback(Activation f) {
            Object v = f.thread.process.fallback(f.thread, name);
            if (v == null) {
                throw unknown(name, called);
            }
            f.module.values[slot] = v;
            return v;
        }
    }

    /** In a method: the class attribute if the defining class has one, else the global. */
    public static final class ClassOrGlobalLoad extends ExprNode {
        final GlobalLoad global;
        final String name;

        public ClassOrGlobalLoad(int slot, String name, boolean called) {
            this.global = new GlobalLoad(slot, name, called);
            this.name = name;
        }

        @Override
        public Object eval(Activation f) {
            PClass owner = f.function == null ? null : f.function.owner;
            if (owner != null) {
                Object v = owner.lookup(name);
                if (v != null) {
                    return v;
                }
            }
            return global.eval(f);
        }
    }

    /** In a class body: the namespace being built, then the globals. */
    public static final class ClassBodyLoad extends ExprNode {
        final GlobalLoad global;
        final String name;

        public ClassBodyLoad(int slot, String name, boolean called) {
            this.global = new GlobalLoad(slot, name, called);
            this.name = name;
        }

        @Override
        public Object eval(Activation f) {
            Map<String, Object> ns = f.namespace;
            if (ns != null) {
                Object v = ns.get(name);
                if (v != null) {
                    return v;
                }
            }
            return global.eval(f);
        }
    }

    public static final class LocalStore extends Store {
        final int slot;
        final String name;

        public LocalStore(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        public void store(Activation f, Object value) {
            f.slots[slot] = PList.copyValue(value);
        }

        @Override
        public ExprNode load() {
            return new LocalLoad(slot, name);
        }
    }

    public static final class CellStore extends Store {
        final int slot;
        final String name;

        public CellStore(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        public void store(Activation f, Object value) {
            ((Cell) f.slots[slot]).value = PList.copyValue(value);
        }

        @Override
        public ExprNode load() {
            return new CellLoad(slot, name);
        }
    }

    public static final class GlobalStore extends Store {
        final int slot;
        final String name;

        public GlobalStore(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        public void store(Activation f, Object value) {
            f.module.values[slot] = PList.copyValue(value);
        }

        @Override
        public ExprNode load() {
            return new GlobalLoad(slot, name, false);
        }
    }

    public static final class ClassBodyStore extends Store {
        final int slot;
        final String name;

        public ClassBodyStore(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        public void store(Activation f, Object value) {
            f.namespace.put(name, PList.copyValue(value));
        }

        @Override
        public ExprNode load() {
            return new ClassBodyLoad(slot, name, false);
        }
    }
}
