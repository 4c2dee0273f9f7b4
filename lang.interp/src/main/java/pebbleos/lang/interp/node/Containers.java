package pebbleos.lang.interp.node;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.interp.Frame;

/** List and dict literals, indexing, slicing and attribute reads. */
public final class Containers {
    private Containers() {
    }

    public static final class ListLiteral extends Ev {
        final Ev[] items;

        public ListLiteral(Ev[] items) {
            this.items = items;
        }

        @Override
        public Object eval(Frame f) {
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = PList.copyValue(items[i].eval(f));
            }
            return PList.adopt(out, out.length);
        }
    }

    public static final class DictLiteral extends Ev {
        final Ev[] keys;
        final Ev[] values;

        public DictLiteral(Ev[] keys, Ev[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public Object eval(Frame f) {
            PDict d = new PDict();
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].eval(f);
                d.put(k, PList.copyValue(values[i].eval(f)));
            }
            return d;
        }
    }

    public static final class Index extends Ev {
        final Ev target;
        final Ev index;

        public Index(Ev target, Ev index) {
            this.target = target;
            this.index = index;
        }

        @Override
        public Object eval(Frame f) {
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

    public static final class Slice extends Ev {
        final Ev target;
        final Ev lower;
        final Ev upper;

        public Slice(Ev target, Ev lower, Ev upper) {
            this.target = target;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public Object eval(Frame f) {
            Object t = target.eval(f);
            Object lo = lower == null ? null : lower.eval(f);
            Object hi = upper == null ? null : upper.eval(f);
            return Access.slice(t, lo, hi);
        }
    }

    public static final class Attribute extends Ev {
        final Ev target;
        final String name;

        public Attribute(Ev target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public Object eval(Frame f) {
            return Access.getAttribute(target.eval(f), name);
        }
    }

    /** An assignment target that is not a name is an error at run time only if the parser let it through. */
    static PebbleError badTarget() {
        return new PebbleError("invalid assignment target");
    }
}
