package pebbleos.lang.interp.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.PClass;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.interp.Activation;
import pebbleos.lang.interp.FunctionCode;
import pebbleos.lang.interp.InterpFunction;

/** def, lambda, class and import. */
public final class Definitions {
    private Definitions() {
    }

    /** Make a function value, capturing the cells its code needs from the defining frame. */
    public static final class MakeFunction extends ExprNode {
        final FunctionCode code;

        public MakeFunction(FunctionCode code) {
            this.code = code;
        }

        @Override
        public Object eval(Activation f) {
            int[] sources = code.freeSources;
            Cell[] closure = null;
            if (sources.length > 0) {
                closure = new Cell[sources.length];
                for (int i = 0; i < sources.length; i++) {
                    int s = sources[i];
                    closure[i] = s >= 0 ? (Cell) f.slots[s] : f.closure[-1 - s];
                }
            }
            return new InterpFunction(code, f.module, closure);
        }
    }

    /** {@code class Name[(Base)]:}: run the body into a namespace, then make the class. */
    public static final class ClassDef extends StmtNode {
        final String name;
        final ExprNode base;
        final StmtNode body;
        final Names.Store target;

        public ClassDef(int line, String name, ExprNode base, StmtNode body, Names.Store target) {
            super(line);
            this.name = name;
            this.base = base;
            this.body = body;
            this.target = target;
        }

        @Override
        public int exec(Activation f) {
            PClass parent = null;
            if (base != null) {
                Object b = base.eval(f);
                if (!(b instanceof PClass c)) {
                    throw Errors.extendsNonClass();
                }
                parent = c;
            }
            Map<String, Object> ns = new LinkedHashMap<>();
            body.exec(f.forClassBody(ns));
            PClass cls = new PClass(name, parent);
            cls.attributes.putAll(ns);
            for (Object v : ns.values()) {
                if (v instanceof PFunction fn && fn.owner == null) {
                    fn.owner = cls;
                }
            }
            target.store(f, cls);
            return NORMAL;
        }
    }

    /** {@code import a.b.c [as n]}. */
    public static final class Import extends StmtNode {
        final String module;
        final boolean aliased;
        final Names.Store target;

        public Import(int line, String module, boolean aliased, Names.Store target) {
            super(line);
            this.module = module;
            this.aliased = aliased;
            this.target = target;
        }

        @Override
        public int exec(Activation f) {
            PModule m = f.thread.process.importModule(f.thread, module);
            target.store(f, aliased ? m : f.thread.process.root(module));
            return NORMAL;
        }
    }

    /** {@code from m import a, b as c}. */
    public static final class FromImport extends StmtNode {
        final String module;
        final List<String> names;
        final Names.Store[] targets;

        public FromImport(int line, String module, List<String> names, Names.Store[] targets) {
            super(line);
            this.module = module;
            this.names = names;
            this.targets = targets;
        }

        @Override
        public int exec(Activation f) {
            PModule m = f.thread.process.importModule(f.thread, module);
            for (int i = 0; i < targets.length; i++) {
                Object v = m.get(names.get(i));
                if (v == null) {
                    throw Errors.noMember(m.name, names.get(i));
                }
                targets[i].store(f, v);
            }
            return NORMAL;
        }
    }
}
