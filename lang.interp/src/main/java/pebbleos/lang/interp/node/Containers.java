package pebbleos.lang.interp.node;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.Shape;
import pebbleos.lang.interp.Activation;

/** List and dict literals, indexing, slicing and attribute reads. */
public final class Containers {
    private Containers() {
    }

    public static final class ListLiteral extends ExprNode {
        final ExprNode[] items;

        public ListLiteral(ExprNode[] items) {
            this.items = items;
        }

        @Override
        public Object eval(Activation f) {
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = PList.copyValue(items[i].eval(f));
            }
            return PList.adopt(out, out.length);
        }
    }

    public static final class DictLiteral extends ExprNode {
        final ExprNode[] keys;
        final ExprNode[] values;

        public DictLiteral(ExprNode[] keys, ExprNode[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public Object eval(Activation f) {
            PDict d = new PDict();
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].eval(f);
                d.put(k, PList.copyValue(values[i].eval(f)));
            }
            return d;
        }
    }

    public static final class Index extends ExprNode {
        final ExprNode target;
        final ExprNode index;

        public Index(ExprNode target, ExprNode index) {
            this.target = target;
            this.index = index;
        }

        @Override
        public Object eval(Activation f) {
            Object t = target.eval(f);
            Object i = index.eval(f);
            if (t instanceof PList l && i instanceof Long k) {
                long n = k;
                int size = l.size();
                if (n >= 0 && n < size) {
                    return l.get((int) n);
                }
            }
            return Access.getIndex(t, i);
        }
    }

    public static final class Slice extends ExprNode {
        final ExprNode target;
        final ExprNode lower;
        final ExprNode upper;

        public Slice(ExprNode target, ExprNode lower, ExprNode upper) {
            this.target = target;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public Object eval(Activation f) {
            Object t = target.eval(f);
            Object lo = lower == null ? null : lower.eval(f);
            Object hi = upper == null ? null : upper.eval(f);
            return Access.slice(t, lo, hi);
        }
    }

    public static final class Attribute extends ExprNode {
        final ExprNode target;
        final String name;

        public Attribute(ExprNode target, String name) {
            this.target = target;
            this.name = name;
        }

        /** The field's slot for the shape last seen here (see Shape); racy, and immutable so either value serves. */
        private Shape.Slot cached;

        @Override
        public Object eval(Activation f) {
            Object t = target.eval(f);
            if (t instanceof PInstance inst) {
                Object v = inst.getCached(cached);
                if (v != null) {
                    return v;
                }
                Shape.Slot s = inst.find(name);
                if (s != null) {
                    cached = s;
                    v = inst.slot(s.slot);
                    if (v != null) {
                        return v;
                    }
                }
            }
            return Access.getAttribute(t, name);
        }
    }

    /** An assignment target that is not a name is an error at run time only if the parser let it through. */
    static PebbleError badTarget() {
        return new PebbleError("invalid assignment target");
    }
}
