package pebbleos.lang.core.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pebbleos.lang.core.runtime.PebbleError;

/**
 * Decides where every name lives. Names a function assigns (and its
 * parameters) are its locals, unless declared {@code global}; a name read but
 * not assigned comes from an enclosing function (captured in a cell), from
 * the method's class if the class body defines it, or from the module's
 * globals. Module-level names are global slots; class-body names are class
 * attributes.
 */
public final class Resolver implements Stmt.Visitor<Void>, Expr.Visitor<Void> {
    private final Map<String, Integer> globals = new LinkedHashMap<>();

    /** Per function being resolved. */
    private static final class FunctionScope {
        final Stmt.FunctionDef def;
        final FunctionScope parent;
        final Map<String, Integer> slots = new HashMap<>();
        final Set<String> declaredGlobal = new HashSet<>();
        final Map<String, Integer> free = new HashMap<>();
        final List<Integer> freeSources = new ArrayList<>();
        final Set<Integer> cells = new HashSet<>();

        FunctionScope(Stmt.FunctionDef def, FunctionScope parent) {
            this.def = def;
            this.parent = parent;
        }

        int slot(String name) {
            return slots.getOrDefault(name, -1);
        }

        int addSlot(String name) {
            Integer s = slots.get(name);
            if (s != null) {
                return s;
            }
            int slot = def.slotNames.size();
            def.slotNames.add(name);
            slots.put(name, slot);
            return slot;
        }

        /** The index of {@code name} in this function's closure, capturing it from the parents; -1 if none has it. */
        int capture(String name) {
            Integer known = free.get(name);
            if (known != null) {
                return known;
            }
            if (parent == null) {
                return -1;
            }
            int source;
            int parentSlot = parent.slot(name);
            if (parentSlot >= 0 && !parent.declaredGlobal.contains(name)) {
                parent.cells.add(parentSlot);
                source = parentSlot;
            } else {
                int parentFree = parent.capture(name);
                if (parentFree < 0) {
                    return -1;
                }
                source = -1 - parentFree;
            }
            int index = def.freeNames.size();
            def.freeNames.add(name);
            freeSources.add(source);
            free.put(name, index);
            return index;
        }
    }

    private FunctionScope function;
    /** The class whose body is being resolved directly (not inside a method). */
    private Stmt.ClassDef classBody;

    private Resolver() {
    }

    /** Resolve a module body; returns its global slot names. */
    public static List<String> resolve(List<Stmt> body) {
        return resolve(null, body, List.of());
    }

    /** Resolve a module body of {@code file} whose first global slots are {@code pinned}, in that order. */
    public static List<String> resolve(String file, List<Stmt> body, List<String> pinned) {
        Resolver r = new Resolver();
        for (String name : pinned) {
            r.global(name);
        }
        for (Stmt s : body) {
            try {
                r.statement(s);
            } catch (StackOverflowError e) {
                // a very long operator chain makes a tree deeper than the parser's nesting limit
                throw PebbleError.at(file, s.line, Parser.TOO_DEEP);
            }
        }
        return new ArrayList<>(r.globals.keySet());
    }

    private int global(String name) {
        return globals.computeIfAbsent(name, n -> globals.size());
    }

    // --------------------------------------------------------------- names

    private void store(Expr.Name n) {
        if (classBody != null) {
            n.scope = Scope.CLASS_BODY;
            classBody.attributes.add(n.name);
            n.slot = global(n.name);
            return;
        }
        if (function == null || function.declaredGlobal.contains(n.name)) {
            n.scope = Scope.GLOBAL;
            n.slot = global(n.name);
            return;
        }
        int slot = function.slot(n.name);
        n.scope = Scope.LOCAL;
        n.slot = slot;
    }

    private void load(Expr.Name n) {
        if (classBody != null) {
            n.scope = Scope.CLASS_BODY;
            n.slot = global(n.name);
            return;
        }
        if (function != null && !function.declaredGlobal.contains(n.name)) {
            int slot = function.slot(n.name);
            if (slot >= 0) {
                n.scope = Scope.LOCAL;
                n.slot = slot;
                return;
            }
            int free = function.capture(n.name);
            if (free >= 0) {
                n.scope = Scope.FREE;
                n.slot = free;
                return;
            }
            Stmt.ClassDef owner = function.def.owner;
            if (owner != null && owner.attributes.contains(n.name)) {
                n.scope = Scope.CLASS_OR_GLOBAL;
                n.slot = global(n.name);
                return;
            }
        }
        n.scope = Scope.GLOBAL;
        n.slot = global(n.name);
    }

    // --------------------------------------------------------------- walking

    private void block(List<Stmt> body) {
        if (body == null) {
            return;
        }
        for (Stmt s : body) {
            statement(s);
        }
    }

    private void statement(Stmt s) {
        s.accept(this);
    }

    // Statements: a new kind of statement does not compile until it is resolved here.

    @Override
    public Void visitExpression(Stmt.Expression s) {
        expr(s.expr);
        return null;
    }

    @Override
    public Void visitAssign(Stmt.Assign s) {
        expr(s.value);
        target(s.target);
        return null;
    }

    @Override
    public Void visitAugAssign(Stmt.AugAssign s) {
        // reads and writes the same place: a store resolves it for both
        expr(s.value);
        target(s.target);
        return null;
    }

    @Override
    public Void visitPrint(Stmt.Print s) {
        expr(s.expr);
        return null;
    }

    @Override
    public Void visitIf(Stmt.If s) {
        for (Expr c : s.conditions) {
            expr(c);
        }
        for (List<Stmt> b : s.blocks) {
            block(b);
        }
        block(s.otherwise);
        return null;
    }

    @Override
    public Void visitWhile(Stmt.While s) {
        expr(s.condition);
        block(s.body);
        return null;
    }

    @Override
    public Void visitFor(Stmt.For s) {
        expr(s.iterable);
        store(s.target);
        block(s.body);
        return null;
    }

    @Override
    public Void visitReturn(Stmt.Return s) {
        expr(s.value);
        return null;
    }

    @Override
    public Void visitRaise(Stmt.Raise s) {
        expr(s.value);
        return null;
    }

    @Override
    public Void visitTry(Stmt.Try s) {
        block(s.body);
        if (s.errorName != null) {
            store(s.errorName);
        }
        block(s.handler);
        block(s.finallyBody);
        return null;
    }

    @Override
    public Void visitFunctionDef(Stmt.FunctionDef s) {
        store(s.target);
        functionBody(s);
        return null;
    }

    @Override
    public Void visitClassDef(Stmt.ClassDef s) {
        classDef(s);
        return null;
    }

    @Override
    public Void visitImport(Stmt.Import s) {
        store(s.target);
        return null;
    }

    @Override
    public Void visitFromImport(Stmt.FromImport s) {
        for (Expr.Name n : s.targets) {
            store(n);
        }
        return null;
    }

    @Override
    public Void visitDelete(Stmt.Delete s) {
        expr(s.target);
        return null;
    }

    // Global, Pass, Break, Continue: nothing to resolve

    @Override
    public Void visitGlobal(Stmt.Global s) {
        return null;
    }

    @Override
    public Void visitPass(Stmt.Pass s) {
        return null;
    }

    @Override
    public Void visitBreak(Stmt.Break s) {
        return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue s) {
        return null;
    }

    private void target(Expr t) {
        if (t instanceof Expr.Name n) {
            store(n);
        } else {
            expr(t);
        }
    }

    private void classDef(Stmt.ClassDef c) {
        expr(c.base);
        // the attributes are known before the methods are resolved
        collectClassAttributes(c);
        Stmt.ClassDef saved = classBody;
        classBody = c;
        try {
            for (Stmt s : c.body) {
                if (s instanceof Stmt.FunctionDef d) {
                    d.owner = c;
                }
                statement(s);
            }
        } finally {
            classBody = saved;
        }
        store(c.target);
    }

    private static void collectClassAttributes(Stmt.ClassDef c) {
        for (Stmt s : c.body) {
            if (s instanceof Stmt.Assign a && a.target instanceof Expr.Name n) {
                c.attributes.add(n.name);
            } else if (s instanceof Stmt.FunctionDef d) {
                c.attributes.add(d.name);
            } else if (s instanceof Stmt.ClassDef inner) {
                c.attributes.add(inner.name);
            }
        }
    }

    private void functionBody(Stmt.FunctionDef d) {
        FunctionScope saved = function;
        Stmt.ClassDef savedClass = classBody;
        // a method's enclosing function scope is the one around its class
        FunctionScope scope = new FunctionScope(d, saved);
        function = scope;
        classBody = null;
        try {
            for (String p : d.params) {
                scope.addSlot(p);
            }
            collectGlobals(d.body, scope);
            collectLocals(d.body, scope);
            block(d.body);
            d.cellSlots = new boolean[d.slotNames.size()];
            for (int c : scope.cells) {
                d.cellSlots[c] = true;
            }
            d.freeSources = scope.freeSources.stream().mapToInt(Integer::intValue).toArray();
        } finally {
            function = saved;
            classBody = savedClass;
        }
    }

    /** Pre-pass: the {@code global} declarations of a function body (not of nested functions). */
    private static void collectGlobals(List<Stmt> body, FunctionScope scope) {
        forEachOwnStatement(body, s -> {
            if (s instanceof Stmt.Global g) {
                scope.declaredGlobal.addAll(g.names);
            }
        });
    }

    /** Pre-pass: every name the function assigns is a local slot. */
    private static void collectLocals(List<Stmt> body, FunctionScope scope) {
        forEachOwnStatement(body, s -> {
            List<Expr.Name> names = new ArrayList<>();
            if (s instanceof Stmt.Assign a && a.target instanceof Expr.Name n) {
                names.add(n);
            } else if (s instanceof Stmt.AugAssign a && a.target instanceof Expr.Name n) {
                names.add(n);
            } else if (s instanceof Stmt.For f) {
                names.add(f.target);
            } else if (s instanceof Stmt.Try t && t.errorName != null) {
                names.add(t.errorName);
            } else if (s instanceof Stmt.FunctionDef d) {
                names.add(d.target);
            } else if (s instanceof Stmt.ClassDef c) {
                names.add(c.target);
            } else if (s instanceof Stmt.Import i) {
                names.add(i.target);
            } else if (s instanceof Stmt.FromImport f) {
                names.addAll(f.targets);
            }
            for (Expr.Name n : names) {
                if (!scope.declaredGlobal.contains(n.name)) {
                    scope.addSlot(n.name);
                }
            }
        });
    }

    /** Visit the statements of a body and its nested blocks, but not nested function or class bodies. */
    private static void forEachOwnStatement(List<Stmt> body, java.util.function.Consumer<Stmt> action) {
        if (body == null) {
            return;
        }
        for (Stmt s : body) {
            action.accept(s);
            if (s instanceof Stmt.If i) {
                for (List<Stmt> b : i.blocks) {
                    forEachOwnStatement(b, action);
                }
                forEachOwnStatement(i.otherwise, action);
            } else if (s instanceof Stmt.While w) {
                forEachOwnStatement(w.body, action);
            } else if (s instanceof Stmt.For f) {
                forEachOwnStatement(f.body, action);
            } else if (s instanceof Stmt.Try t) {
                forEachOwnStatement(t.body, action);
                forEachOwnStatement(t.handler, action);
                forEachOwnStatement(t.finallyBody, action);
            }
        }
    }

    private void expr(Expr e) {
        if (e != null) {
            e.accept(this);
        }
    }

    // Expressions: a new kind of expression does not compile until it is resolved here.

    @Override
    public Void visitLiteral(Expr.Literal e) {
        return null;
    }

    @Override
    public Void visitName(Expr.Name e) {
        load(e);
        return null;
    }

    @Override
    public Void visitUnary(Expr.Unary e) {
        expr(e.operand);
        return null;
    }

    @Override
    public Void visitBinary(Expr.Binary e) {
        expr(e.left);
        expr(e.right);
        return null;
    }

    @Override
    public Void visitLogical(Expr.Logical e) {
        expr(e.left);
        expr(e.right);
        return null;
    }

    @Override
    public Void visitCall(Expr.Call e) {
        expr(e.callee);
        for (Expr a : e.args) {
            expr(a);
        }
        return null;
    }

    @Override
    public Void visitAttribute(Expr.Attribute e) {
        expr(e.target);
        return null;
    }

    @Override
    public Void visitIndex(Expr.Index e) {
        expr(e.target);
        expr(e.index);
        return null;
    }

    @Override
    public Void visitSlice(Expr.Slice e) {
        expr(e.target);
        expr(e.lower);
        expr(e.upper);
        return null;
    }

    @Override
    public Void visitListLiteral(Expr.ListLiteral e) {
        for (Expr item : e.items) {
            expr(item);
        }
        return null;
    }

    @Override
    public Void visitDictLiteral(Expr.DictLiteral e) {
        for (int i = 0; i < e.keys.size(); i++) {
            expr(e.keys.get(i));
            expr(e.values.get(i));
        }
        return null;
    }

    @Override
    public Void visitLambda(Expr.Lambda e) {
        functionBody(e.function);
        return null;
    }

    @Override
    public Void visitConditional(Expr.Conditional e) {
        expr(e.condition);
        expr(e.then);
        expr(e.otherwise);
        return null;
    }
}
