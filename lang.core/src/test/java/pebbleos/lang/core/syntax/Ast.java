package pebbleos.lang.core.syntax;

import java.util.List;
import java.util.stream.Collectors;

import pebbleos.api.value.PNone;

/**
 * A compact S-expression form of the AST, so that parser tests read like the
 * grammar: {@code print 1 + 2 * 3} shows as {@code (print (+ 1 (* 2 3)))}.
 * Strings show quoted, names bare.
 */
final class Ast {
    private Ast() {
    }

    /** The statements of {@code source}, one S-expression each, separated by spaces. */
    static String parse(String source) {
        return show(Parser.parse("t.peb", source));
    }

    /** The first statement's expression of {@code source} ({@code x = e} shows {@code e}). */
    static String expr(String source) {
        Stmt s = Parser.parse("t.peb", source).get(0);
        if (s instanceof Stmt.Assign a) {
            return show(a.value);
        }
        if (s instanceof Stmt.Print p) {
            return show(p.expr);
        }
        return show(((Stmt.Expression) s).expr);
    }

    static String show(List<Stmt> body) {
        return body.stream().map(Ast::show).collect(Collectors.joining(" "));
    }

    private static String block(List<Stmt> body) {
        return "[" + show(body) + "]";
    }

    static String show(Stmt s) {
        if (s instanceof Stmt.Expression e) {
            return show(e.expr);
        }
        if (s instanceof Stmt.Assign a) {
            return "(= " + show(a.target) + " " + show(a.value) + ")";
        }
        if (s instanceof Stmt.AugAssign a) {
            return "(" + a.op + "= " + show(a.target) + " " + show(a.value) + ")";
        }
        if (s instanceof Stmt.Print p) {
            return p.expr == null ? "(print)" : "(print " + show(p.expr) + ")";
        }
        if (s instanceof Stmt.If i) {
            StringBuilder sb = new StringBuilder("(if");
            for (int k = 0; k < i.conditions.size(); k++) {
                sb.append(' ').append(show(i.conditions.get(k))).append(' ').append(block(i.blocks.get(k)));
            }
            if (i.otherwise != null) {
                sb.append(" else ").append(block(i.otherwise));
            }
            return sb.append(')').toString();
        }
        if (s instanceof Stmt.While w) {
            return "(while " + show(w.condition) + " " + block(w.body) + ")";
        }
        if (s instanceof Stmt.For f) {
            return "(for " + f.target.name + " " + show(f.iterable) + " " + block(f.body) + ")";
        }
        if (s instanceof Stmt.Break) {
            return "(break)";
        }
        if (s instanceof Stmt.Continue) {
            return "(continue)";
        }
        if (s instanceof Stmt.Pass) {
            return "(pass)";
        }
        if (s instanceof Stmt.Return r) {
            return r.value == null ? "(return)" : "(return " + show(r.value) + ")";
        }
        if (s instanceof Stmt.Raise r) {
            return r.value == null ? "(raise)" : "(raise " + show(r.value) + ")";
        }
        if (s instanceof Stmt.Try t) {
            StringBuilder sb = new StringBuilder("(try ").append(block(t.body));
            if (t.hasExcept) {
                sb.append(" except");
                if (t.errorName != null) {
                    sb.append(' ').append(t.errorName.name);
                }
                sb.append(' ').append(block(t.handler));
            }
            if (t.finallyBody != null) {
                sb.append(" finally ").append(block(t.finallyBody));
            }
            return sb.append(')').toString();
        }
        if (s instanceof Stmt.FunctionDef d) {
            return "(def " + d.name + " (" + String.join(" ", d.params) + ") " + block(d.body) + ")";
        }
        if (s instanceof Stmt.ClassDef c) {
            return "(class " + c.name + (c.base == null ? "" : " " + show(c.base)) + " " + block(c.body) + ")";
        }
        if (s instanceof Stmt.Import i) {
            return "(import " + i.module + (i.aliased ? " as " : " ") + i.target.name + ")";
        }
        if (s instanceof Stmt.FromImport f) {
            StringBuilder sb = new StringBuilder("(from " + f.module);
            for (int k = 0; k < f.names.size(); k++) {
                sb.append(' ').append(f.names.get(k));
                if (!f.names.get(k).equals(f.targets.get(k).name)) {
                    sb.append(" as ").append(f.targets.get(k).name);
                }
            }
            return sb.append(')').toString();
        }
        if (s instanceof Stmt.Global g) {
            return "(global " + String.join(" ", g.names) + ")";
        }
        if (s instanceof Stmt.Delete d) {
            return "(del " + show(d.target) + ")";
        }
        throw new IllegalArgumentException(s.getClass().getName());
    }

    static String show(Expr e) {
        if (e == null) {
            return "_";
        }
        if (e instanceof Expr.Literal l) {
            if (l.value instanceof String str) {
                return '"' + str.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"")
                        + '"';
            }
            if (l.value == PNone.NONE) {
                return "None";
            }
            if (l.value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            return String.valueOf(l.value);
        }
        if (e instanceof Expr.Name n) {
            return n.name;
        }
        if (e instanceof Expr.Unary u) {
            return "(" + u.op + " " + show(u.operand) + ")";
        }
        if (e instanceof Expr.Binary b) {
            return "(" + b.op + " " + show(b.left) + " " + show(b.right) + ")";
        }
        if (e instanceof Expr.Logical l) {
            return "(" + (l.isAnd ? "and" : "or") + " " + show(l.left) + " " + show(l.right) + ")";
        }
        if (e instanceof Expr.Call c) {
            StringBuilder sb = new StringBuilder("(call ").append(show(c.callee));
            for (Expr a : c.args) {
                sb.append(' ').append(show(a));
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.Attribute a) {
            return "(. " + show(a.target) + " " + a.name + ")";
        }
        if (e instanceof Expr.Index i) {
            return "([] " + show(i.target) + " " + show(i.index) + ")";
        }
        if (e instanceof Expr.Slice s) {
            return "([:] " + show(s.target) + " " + show(s.lower) + " " + show(s.upper) + ")";
        }
        if (e instanceof Expr.ListLiteral l) {
            return "(list" + l.items.stream().map(x -> " " + show(x)).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.DictLiteral d) {
            StringBuilder sb = new StringBuilder("(dict");
            for (int k = 0; k < d.keys.size(); k++) {
                sb.append(' ').append(show(d.keys.get(k))).append(':').append(show(d.values.get(k)));
            }
            return sb.append(')').toString();
        }
        if (e instanceof Expr.Lambda l) {
            Stmt.Return body = (Stmt.Return) l.function.body.get(0);
            return "(lambda (" + String.join(" ", l.function.params) + ") " + show(body.value) + ")";
        }
        if (e instanceof Expr.Conditional c) {
            return "(if " + show(c.condition) + " " + show(c.then) + " " + show(c.otherwise) + ")";
        }
        throw new IllegalArgumentException(e.getClass().getName());
    }
}
