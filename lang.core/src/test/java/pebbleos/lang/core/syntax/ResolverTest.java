package pebbleos.lang.core.syntax;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * The resolver: where each name lives. Names a function assigns are its
 * locals; names it only reads come from an enclosing function (closures),
 * from the method's class, or from the module's globals.
 */
public class ResolverTest {
    /** Every name occurrence of the source, in order, as {@code name:SCOPE}. */
    private static String scopes(String source) {
        Program p = Program.compile("t.peb", source);
        List<String> out = new ArrayList<>();
        for (Stmt s : p.body()) {
            stmt(s, out);
        }
        return String.join(" ", out);
    }

    private static void stmts(List<Stmt> body, List<String> out) {
        if (body != null) {
            for (Stmt s : body) {
                stmt(s, out);
            }
        }
    }

    private static void stmt(Stmt s, List<String> out) {
        if (s instanceof Stmt.Expression e) {
            expr(e.expr, out);
        } else if (s instanceof Stmt.Assign a) {
            expr(a.target, out);
            expr(a.value, out);
        } else if (s instanceof Stmt.AugAssign a) {
            expr(a.target, out);
            expr(a.value, out);
        } else if (s instanceof Stmt.Print p) {
            expr(p.expr, out);
        } else if (s instanceof Stmt.Return r) {
            expr(r.value, out);
        } else if (s instanceof Stmt.If i) {
            i.conditions.forEach(c -> expr(c, out));
            i.blocks.forEach(b -> stmts(b, out));
            stmts(i.otherwise, out);
        } else if (s instanceof Stmt.While w) {
            expr(w.condition, out);
            stmts(w.body, out);
        } else if (s instanceof Stmt.For f) {
            expr(f.target, out);
            expr(f.iterable, out);
            stmts(f.body, out);
        } else if (s instanceof Stmt.FunctionDef d) {
            expr(d.target, out);
            stmts(d.body, out);
        } else if (s instanceof Stmt.ClassDef c) {
            stmts(c.body, out);
            expr(c.target, out);
        } else if (s instanceof Stmt.Try t) {
            stmts(t.body, out);
            expr(t.errorName, out);
            stmts(t.handler, out);
        } else if (s instanceof Stmt.Import i) {
            expr(i.target, out);
        }
    }

    private static void expr(Expr e, List<String> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Name n) {
            out.add(n.name + ":" + n.scope);
        } else if (e instanceof Expr.Binary b) {
            expr(b.left, out);
            expr(b.right, out);
        } else if (e instanceof Expr.Call c) {
            expr(c.callee, out);
            c.args.forEach(a -> expr(a, out));
        } else if (e instanceof Expr.Attribute a) {
            expr(a.target, out);
        } else if (e instanceof Expr.Index i) {
            expr(i.target, out);
            expr(i.index, out);
        } else if (e instanceof Expr.Lambda l) {
            stmts(l.function.body, out);
        } else if (e instanceof Expr.ListLiteral l) {
            l.items.forEach(x -> expr(x, out));
        }
    }

    @Test
    public void moduleLevelNamesAreGlobals() {
        assertEquals("x:GLOBAL y:GLOBAL x:GLOBAL", scopes("x = 1\ny = x"));
    }

    @Test
    public void globalsGetSlotsInFirstSeenOrder() {
        Program p = Program.compile("t.peb", "b = 1\na = b\nprint c");
        assertEquals(List.of("b", "a", "c"), p.globals());
    }

    @Test
    public void parametersAndAssignedNamesAreLocal() {
        assertEquals("f:GLOBAL y:LOCAL a:LOCAL y:LOCAL", scopes("def f(a):\n    y = a\n    return y"));
    }

    @Test
    public void namesOnlyReadInAFunctionAreGlobal() {
        assertEquals("g:GLOBAL f:GLOBAL g:GLOBAL", scopes("g = 1\ndef f():\n    return g"));
    }

    @Test
    public void assignmentAnywhereInTheBodyMakesANameLocal() {
        // the read comes first, but the name is still the function's own
        assertEquals("f:GLOBAL x:LOCAL x:LOCAL", scopes("def f():\n    print x\n    x = 1"));
    }

    @Test
    public void forTargetIsLocal() {
        assertEquals("f:GLOBAL i:LOCAL range:GLOBAL i:LOCAL", scopes("def f():\n    for i in range(3):\n        print i"));
    }

    @Test
    public void exceptBindingIsLocal() {
        assertEquals("f:GLOBAL err:LOCAL err:LOCAL", scopes("def f():\n    try:\n        pass\n    except err:\n        print err"));
    }

    @Test
    public void globalDeclarationMakesAssignmentsGlobal() {
        assertEquals("f:GLOBAL n:GLOBAL n:GLOBAL", scopes("def f():\n    global n\n    n = n + 1"));
    }

    @Test
    public void nestedFunctionCapturesEnclosingLocal() {
        assertEquals("outer:GLOBAL n:LOCAL inner:LOCAL n:FREE inner:LOCAL",
                scopes("def outer():\n    n = 1\n    def inner():\n        return n\n    return inner"));
    }

    @Test
    public void capturedLocalLivesInACell() {
        Program p = Program.compile("t.peb", "def outer():\n    n = 1\n    def inner():\n        return n\n    return inner");
        Stmt.FunctionDef outer = (Stmt.FunctionDef) p.body().get(0);
        int slot = outer.slotNames.indexOf("n");
        assertTrue(outer.cellSlots[slot]);
        Stmt.FunctionDef inner = (Stmt.FunctionDef) outer.body.get(1);
        assertEquals(List.of("n"), inner.freeNames);
    }

    @Test
    public void lambdaCapturesEnclosingParameter() {
        assertEquals("adder:GLOBAL n:FREE x:LOCAL", scopes("def adder(n):\n    return lambda x: n + x"));
    }

    @Test
    public void captureThroughTwoLevels() {
        assertEquals("a:GLOBAL v:LOCAL b:LOCAL c:LOCAL v:FREE c:LOCAL b:LOCAL",
                scopes("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n"
                        + "        return c\n    return b"));
    }

    @Test
    public void classBodyNamesAreClassAttributes() {
        assertEquals("STEP:CLASS_BODY C:GLOBAL", scopes("class C:\n    STEP = 2"));
    }

    @Test
    public void methodSeesClassAttributesByBareName() {
        assertEquals("STEP:CLASS_BODY inc:CLASS_BODY STEP:CLASS_OR_GLOBAL C:GLOBAL",
                scopes("class C:\n    STEP = 2\n    def inc(self):\n        return STEP"));
    }

    @Test
    public void methodNamesOfTheClassResolveThroughTheClassToo() {
        assertEquals("helper:CLASS_BODY run:CLASS_BODY helper:CLASS_OR_GLOBAL C:GLOBAL",
                scopes("class C:\n    def helper():\n        return 1\n    def run(self):\n        return helper()"));
    }

    @Test
    public void methodNamesNotInTheClassAreGlobal() {
        assertEquals("m:CLASS_BODY other:GLOBAL C:GLOBAL", scopes("class C:\n    def m(self):\n        return other"));
    }

    @Test
    public void importBindsTheFirstPartOfADottedName() {
        assertEquals("a:GLOBAL", scopes("import a.b.c"));
    }
}
