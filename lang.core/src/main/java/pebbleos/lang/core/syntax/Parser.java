package pebbleos.lang.core.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.syntax.Token.Kind;

/**
 * Recursive-descent parser from tokens to the AST, one method per grammar
 * rule. Statement errors name the line; expression errors also give the
 * column within the expression, the expression's text and a caret.
 */
public final class Parser {
    private final String file;
    private final String[] lines;
    private final List<Token> tokens;
    private int pos;
    /** Where the expression being parsed starts (for error columns). */
    private Token exprStart;
    /** Where the last complete expression of the current statement started, or null. */
    private Token lastExprStart;
    private int functionDepth;
    private int loopDepth;
    /** How deeply the expression being parsed nests (brackets, prefix operators, powers). */
    private int nesting;

    /**
     * The deepest expression nesting accepted (as CPython's 200 parentheses):
     * a clean error instead of a stack overflow in the passes that recurse
     * over the tree.
     */
    static final int MAX_NESTING = 200;
    static final String TOO_DEEP = "expression is nested too deeply";
    /** What a top-level {@code return} raises when it runs. */
    static final String RETURN_OUTSIDE = "return is only allowed inside functions";
    /** The augmented assignment operators. */
    private static final List<String> AUGMENTED = List.of("+=", "-=", "*=", "/=", "%=", "//=", "**=");

    private Parser(String file, String source) {
        this.file = file;
        this.lines = Lexer.lines(source);
        this.tokens = Lexer.tokenize(file, source);
    }

    /** Parse a whole program or module. */
    public static List<Stmt> parse(String file, String source) {
        Parser p = new Parser(file, source);
        List<Stmt> out = new ArrayList<>();
        while (!p.check(Kind.EOF)) {
            if (p.check(Kind.NEWLINE)) {
                p.advance();
                continue;
            }
            int line = p.peek().line();
            try {
                out.add(p.statement());
            } catch (StackOverflowError e) {
                // the nesting limits make this rare (parsing deep inside a recursion)
                throw PebbleError.at(file, line, TOO_DEEP);
            }
        }
        return out;
    }

    /** Enter one more level of expression nesting at {@code at}. */
    private void nest(Token at) {
        if (++nesting > MAX_NESTING) {
            nesting = 0;
            throw exprError(at, TOO_DEEP);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token previous() {
        return tokens.get(pos - 1);
    }

    private Token advance() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean check(Kind kind) {
        return peek().kind() == kind;
    }

    private boolean check(String op) {
        Token t = peek();
        return (t.kind() == Kind.OP || t.kind() == Kind.NAME) && t.text().equals(op);
    }

    private boolean match(String op) {
        if (check(op)) {
            advance();
            return true;
        }
        return false;
    }

    private PebbleError error(int line, String message) {
        return PebbleError.at(file, line, message);
    }

    /** An error inside an expression: column relative to the expression, its text and a caret. */
    private PebbleError exprError(Token at, String detail) {
        return exprError(at, detail, "invalid expression");
    }

    private PebbleError exprError(Token at, String detail, String prefix) {
        return exprError(exprStart != null ? exprStart : at, at, detail, prefix, null);
    }

    /**
     * An expression error at token {@code at} of the expression starting at
     * {@code start}; its text runs to the end of the line, or to {@code end}
     * (exclusive) when given.
     */
    private PebbleError exprError(Token start, Token at, String detail, String prefix, Token end) {
        boolean atEnd = at.kind() == Kind.NEWLINE || at.kind() == Kind.EOF || at.kind() == Kind.DEDENT
                || at.kind() == Kind.INDENT;
        if (atEnd) {
            at = previous();
        }
        String text = expressionText(start);
        if (end != null && end.line() == start.line() && end.column() > start.column()) {
            text = text.substring(0, Math.min(text.length(), end.column() - start.column())).stripTrailing();
        }
        int column = Math.max(1, at.line() == start.line() ? at.column() - start.column() + 1 : at.column());
        if (atEnd && at.line() == start.line()) {
            // the line ended too early: the caret goes just past the expression's text, as the original's
            column = text.length() + 1;
        }
        PebbleError e;
        if (text.isEmpty()) {
            e = new PebbleError(prefix + " at column " + column + ": " + detail);
        } else {
            e = new PebbleError(prefix + " at column " + column + ": " + detail, excerpt(text, column));
        }
        return e.locate(file, start.line());
    }

    /** The widest source text an error shows; a longer line is cut around the column. */
    static final int EXCERPT_WIDTH = 80;

    /**
     * The source text and a caret under {@code column}; a line longer than
     * {@link #EXCERPT_WIDTH} shows only that many characters around the
     * column, with {@code ...} where it was cut (a 20 KB line is not echoed).
     */
    static String excerpt(String text, int column) {
        int at = Math.max(0, column - 1);
        if (text.length() <= EXCERPT_WIDTH) {
            return text + "\n" + " ".repeat(at) + "^";
        }
        int from = Math.max(0, Math.min(at - EXCERPT_WIDTH / 2, text.length() - EXCERPT_WIDTH));
        int to = Math.min(text.length(), from + EXCERPT_WIDTH);
        String head = from > 0 ? "..." : "";
        String tail = to < text.length() ? "..." : "";
        return head + text.substring(from, to) + tail + "\n" + " ".repeat(head.length() + at - from) + "^";
    }

    /** The source of the expression from its start to the end of its line, without a comment. */
    private String expressionText(Token start) {
        if (start.line() < 1 || start.line() > lines.length) {
            return "";
        }
        String line = lines[start.line() - 1];
        int from = Math.min(line.length(), Math.max(0, start.column() - 1));
        String rest = stripComment(line.substring(from));
        return rest.stripTrailing();
    }

    /**
     * A line of Pebble without its trailing {@code #} comment (a '#' inside a
     * string literal stays): also what the kernel-layer lint reads.
     */
    public static String stripComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private void endOfStatement(String what) {
        if (check(Kind.NEWLINE)) {
            advance();
            return;
        }
        if (check(Kind.EOF) || check(Kind.DEDENT)) {
            return;
        }
        // a token after a complete expression: columns count from that expression's start
        Token start = lastExprStart != null && lastExprStart.line() == peek().line() ? lastExprStart : peek();
        throw exprError(start, peek(), "unexpected token '" + peek().text() + "'", "invalid expression", null);
    }

    // ------------------------------------------------------------------ statements

    private Stmt statement() {
        lastExprStart = null;
        Token t = peek();
        if (t.kind() == Kind.INDENT) {
            String[] levels = t.text().split(":");
            throw error(t.line(), "unexpected indentation; expected level " + levels[0] + ", got level " + levels[1]);
        }
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "if":
                    return ifStatement();
                case "while":
                    return whileStatement();
                case "for":
                    return forStatement();
                case "def":
                    return functionDef();
                case "class":
                    return classDef();
                case "try":
                    return tryStatement();
                case "elif":
                    throw error(t.line(), "elif without matching if");
                case "else":
                    throw error(t.line(), "else without matching if");
                case "except":
                    throw error(t.line(), "except without matching try");
                case "finally":
                    throw error(t.line(), "finally without matching try");
                default:
                    break;
            }
        }
        Stmt s = simpleStatement();
        endOfStatement("statement");
        return s;
    }

    private Stmt simpleStatement() {
        Token t = peek();
        int line = t.line();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass":
                    advance();
                    return new Stmt.Pass(line);
                case "break":
                    advance();
                    if (loopDepth == 0) {
                        throw error(line, "break outside loop");
                    }
                    return new Stmt.Break(line);
                case "continue":
                    advance();
                    if (loopDepth == 0) {
                        throw error(line, "continue outside loop");
                    }
                    return new Stmt.Continue(line);
                case "return":
                    Token keyword = advance();
                    Expr value = atStatementEnd() ? null : topExpression();
                    if (functionDepth == 0) {
                        // as the original: an error when it runs, not when the file is read, so a
                        // program may keep one in a branch that never runs (docs/language.md)
                        return new Stmt.Raise(line, new Expr.Literal(line, keyword.column(), RETURN_OUTSIDE));
                    }
                    return new Stmt.Return(line, value);
                case "raise":
                    advance();
                    return new Stmt.Raise(line, atStatementEnd() ? null : topExpression());
                case "print":
                    advance();
                    return new Stmt.Print(line, atStatementEnd() ? null : topExpression());
                case "import":
                    return importStatement();
                case "from":
                    return fromImport();
                case "global":
                    return globalStatement();
                case "del":
                    advance();
                    Expr target = topExpression();
                    if (!(target instanceof Expr.Index)) {
                        throw exprError(lastExprStart, lastExprStart, "del needs an index target such as xs[i] or d[k]",
                                "invalid delete target", null);
                    }
                    return new Stmt.Delete(line, target);
                default:
                    break;
            }
        }
        Expr expr = topExpression();
        Token misplacedEquals = assignmentLater();
        if (misplacedEquals != null) {
            // "a b = 1": the text before the '=' is not one target (the original's diagnostic)
            throw exprError(lastExprStart, peek(), "unexpected token '" + peek().text() + "'",
                    "invalid assignment target", misplacedEquals);
        }
        if (check("=")) {
            Token eq = advance();
            checkTarget(expr, eq);
            Expr value = topExpression();
            if (check("=")) {
                throw exprError(lastExprStart, peek(), "chained assignment is not supported", "invalid expression",
                        null);
            }
            return new Stmt.Assign(line, expr, value);
        }
        for (String op : AUGMENTED) {
            if (check(op)) {
                Token at = advance();
                checkTarget(expr, at);
                return new Stmt.AugAssign(line, expr, op.substring(0, op.length() - 1), topExpression());
            }
        }
        return new Stmt.Expression(line, expr);
    }

    /**
     * The '=' of an assignment whose target did not parse as one expression:
     * an '=' outside brackets later on the line, when the token after the
     * parsed expression is neither an assignment operator nor the end. Null
     * otherwise.
     */
    private Token assignmentLater() {
        if (atStatementEnd() || check("=") || AUGMENTED.contains(peek().text())) {
            return null;
        }
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
                return null;
            }
            if (t.kind() != Kind.OP) {
                continue;
            }
            switch (t.text()) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> depth--;
                case "=" -> {
                    if (depth == 0) {
                        return t;
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    private boolean atStatementEnd() {
        return check(Kind.NEWLINE) || check(Kind.EOF) || check(Kind.DEDENT);
    }

    private void checkTarget(Expr target, Token at) {
        if (target instanceof Expr.Name n) {
            if (Lexer.KEYWORDS.contains(n.name)) {
                throw exprError(at, "cannot assign to '" + n.name + "'", "invalid assignment target");
            }
            return;
        }
        if (target instanceof Expr.Index || target instanceof Expr.Attribute) {
            return;
        }
        // the target is the text before the '=': the expression that was parsed last
        Token start = lastExprStart != null ? lastExprStart : at;
        throw exprError(start, start, "expected a name, attribute, or index target", "invalid assignment target", at);
    }

    /** A full expression that starts a statement part (error columns count from here). */
    private Expr topExpression() {
        Token saved = exprStart;
        Token start = peek();
        exprStart = start;
        try {
            if (atStatementEnd()) {
                throw exprError(peek(), "unexpected end of expression");
            }
            return expression();
        } finally {
            exprStart = saved;
            lastExprStart = start;
        }
    }

    /** ':' then a block: NEWLINE INDENT statements DEDENT, or one simple statement on the same line. */
    private List<Stmt> block(int headerLine, String what) {
        if (!match(":")) {
            throw error(headerLine, what + " statements must end with ':'");
        }
        if (!check(Kind.NEWLINE)) {
            List<Stmt> one = new ArrayList<>();
            one.add(simpleStatement());
            endOfStatement(what);
            return one;
        }
        advance();
        if (!check(Kind.INDENT)) {
            throw error(headerLine, "expected an indented block");
        }
        Token indent = advance();
        String[] levels = indent.text().split(":");
        if (Integer.parseInt(levels[1]) != Integer.parseInt(levels[0]) + 1) {
            throw error(indent.line(), "indentation must increase by exactly four spaces; expected level "
                    + (Integer.parseInt(levels[0]) + 1) + ", got level " + levels[1]);
        }
        List<Stmt> body = new ArrayList<>();
        while (!check(Kind.DEDENT) && !check(Kind.EOF)) {
            if (check(Kind.NEWLINE)) {
                advance();
                continue;
            }
            body.add(statement());
        }
        matchKind(Kind.DEDENT);
        return body;
    }

    private void matchKind(Kind kind) {
        if (check(kind)) {
            advance();
        }
    }

    private Expr condition(String keyword, int line) {
        if (check(":") || atStatementEnd()) {
            throw error(line, "missing " + keyword + " condition");
        }
        return topExpression();
    }

    private Stmt ifStatement() {
        int line = advance().line();
        List<Expr> conditions = new ArrayList<>();
        List<List<Stmt>> blocks = new ArrayList<>();
        conditions.add(condition("if", line));
        blocks.add(block(line, "if"));
        List<Stmt> otherwise = null;
        while (check("elif")) {
            int l = advance().line();
            conditions.add(condition("elif", l));
            blocks.add(block(l, "elif"));
        }
        if (check("else")) {
            int l = advance().line();
            otherwise = block(l, "else");
        }
        return new Stmt.If(line, conditions, blocks, otherwise);
    }

    private Stmt whileStatement() {
        int line = advance().line();
        Expr cond = condition("while", line);
        loopDepth++;
        try {
            return new Stmt.While(line, cond, block(line, "while"));
        } finally {
            loopDepth--;
        }
    }

    private Stmt forStatement() {
        int line = advance().line();
        Token name = peek();
        if (name.kind() != Kind.NAME || Lexer.KEYWORDS.contains(name.text()) || !peekAt(1).is("in")) {
            throw error(line, "invalid for loop syntax");
        }
        advance();
        advance();
        if (check(":") || atStatementEnd()) {
            throw error(line, "invalid for loop syntax");
        }
        Expr iterable = topExpression();
        loopDepth++;
        try {
            List<Stmt> body = block(line, "for");
            return new Stmt.For(line, new Expr.Name(name.line(), name.column(), name.text()), iterable, body);
        } finally {
            loopDepth--;
        }
    }

    private Stmt functionDef() {
        int line = advance().line();
        Token name = peek();
        if (name.kind() != Kind.NAME || Lexer.KEYWORDS.contains(name.text())) {
            throw error(line, "invalid function definition");
        }
        advance();
        if (!match("(")) {
            throw error(line, "invalid function definition");
        }
        List<String> params = parameters(line, ")");
        int savedLoops = loopDepth;
        loopDepth = 0;
        functionDepth++;
        try {
            List<Stmt> body = block(line, "def");
            return new Stmt.FunctionDef(line, name.text(), params, body,
                    new Expr.Name(name.line(), name.column(), name.text()), false);
        } finally {
            functionDepth--;
            loopDepth = savedLoops;
        }
    }

    /** Parameter names up to {@code close} (consumed); duplicates are refused. */
    private List<String> parameters(int line, String close) {
        List<String> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (match(close)) {
            return params;
        }
        while (true) {
            Token p = peek();
            if (p.kind() != Kind.NAME || Lexer.KEYWORDS.contains(p.text())) {
                throw error(line, "invalid parameter list");
            }
            advance();
            if (!seen.add(p.text())) {
                throw error(line, "duplicate parameter names are not allowed");
            }
            params.add(p.text());
            if (match(close)) {
                return params;
            }
            if (!match(",")) {
                throw error(line, "invalid parameter list");
            }
            if (match(close)) {
                return params;
            }
        }
    }

    private Stmt classDef() {
        int line = advance().line();
        Token name = peek();
        if (name.kind() != Kind.NAME || Lexer.KEYWORDS.contains(name.text())) {
            throw error(line, "invalid class definition");
        }
        advance();
        Expr base = null;
        if (match("(")) {
            if (!check(")")) {
                base = topExpression();
            }
            if (!match(")")) {
                throw error(line, "invalid class definition");
            }
        }
        int savedLoops = loopDepth;
        int savedFunctions = functionDepth;
        loopDepth = 0;
        functionDepth = 0;
        try {
            List<Stmt> body = block(line, "class");
            return new Stmt.ClassDef(line, name.text(), base, body,
                    new Expr.Name(name.line(), name.column(), name.text()));
        } finally {
            loopDepth = savedLoops;
            functionDepth = savedFunctions;
        }
    }

    private Stmt tryStatement() {
        int line = advance().line();
        List<Stmt> body = block(line, "try");
        boolean hasExcept = false;
        Expr.Name errorName = null;
        List<Stmt> handler = null;
        List<Stmt> finallyBody = null;
        if (check("except")) {
            int l = advance().line();
            hasExcept = true;
            if (!check(":")) {
                Token n = peek();
                if (n.kind() != Kind.NAME || Lexer.KEYWORDS.contains(n.text())) {
                    throw error(l, "invalid except binding name");
                }
                advance();
                if (match("as")) {
                    // "except Error as e": the type is not checked; every error is a string
                    n = peek();
                    if (n.kind() != Kind.NAME || Lexer.KEYWORDS.contains(n.text())) {
                        throw error(l, "invalid except binding name");
                    }
                    advance();
                }
                errorName = new Expr.Name(n.line(), n.column(), n.text());
            }
            handler = block(l, "except");
        }
        if (check("finally")) {
            int l = advance().line();
            finallyBody = block(l, "finally");
        }
        if (!hasExcept && finallyBody == null) {
            throw error(line, "try requires an except block");
        }
        return new Stmt.Try(line, body, hasExcept, errorName, handler, finallyBody);
    }

    private String dottedName(int line) {
        StringBuilder sb = new StringBuilder();
        do {
            Token n = peek();
            if (n.kind() != Kind.NAME || Lexer.KEYWORDS.contains(n.text())) {
                throw error(line, "invalid import target");
            }
            advance();
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(n.text());
        } while (match("."));
        return sb.toString();
    }

    private Expr.Name nameToken(int line, String message) {
        Token n = peek();
        if (n.kind() != Kind.NAME || Lexer.KEYWORDS.contains(n.text())) {
            throw error(line, message);
        }
        advance();
        return new Expr.Name(n.line(), n.column(), n.text());
    }

    private Stmt importStatement() {
        Token kw = advance();
        int line = kw.line();
        String module = dottedName(line);
        if (match("as")) {
            Expr.Name alias = nameToken(line, "invalid import target");
            return new Stmt.Import(line, module, alias, true);
        }
        String first = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        return new Stmt.Import(line, module, new Expr.Name(line, kw.column(), first), false);
    }

    private Stmt fromImport() {
        int line = advance().line();
        String module = dottedName(line);
        if (!match("import")) {
            throw error(line, "invalid import target");
        }
        boolean paren = match("(");
        List<String> names = new ArrayList<>();
        List<Expr.Name> targets = new ArrayList<>();
        do {
            if (paren && check(")")) {
                break;
            }
            Expr.Name n = nameToken(line, "invalid import target");
            names.add(n.name);
            targets.add(match("as") ? nameToken(line, "invalid import target") : n);
        } while (match(","));
        if (paren && !match(")")) {
            throw error(line, "invalid import target");
        }
        return new Stmt.FromImport(line, module, names, targets);
    }

    private Stmt globalStatement() {
        int line = advance().line();
        List<String> names = new ArrayList<>();
        do {
            names.add(nameToken(line, "invalid global statement").name);
        } while (match(","));
        return new Stmt.Global(line, names);
    }

    // ------------------------------------------------------------------ expressions

    private Expr expression() {
        nest(peek());
        try {
            return conditional();
        } finally {
            nesting--;
        }
    }

    private Expr conditional() {
        if (check("lambda")) {
            return lambda();
        }
        Expr e = orExpression();
        if (check("if") && !atStatementEnd()) {
            Token t = advance();
            Expr cond = orExpression();
            if (!match("else")) {
                throw exprError(peek(), "expected 'else' in conditional expression");
            }
            Expr otherwise = expression();
            return new Expr.Conditional(t.line(), e.column, cond, e, otherwise);
        }
        return e;
    }

    private Expr lambda() {
        Token t = advance();
        List<String> params = parameters(t.line(), ":");
        functionDepth++;
        int savedLoops = loopDepth;
        loopDepth = 0;
        try {
            Expr body = expression();
            List<Stmt> stmts = new ArrayList<>();
            stmts.add(new Stmt.Return(t.line(), body));
            Stmt.FunctionDef def = new Stmt.FunctionDef(t.line(), "<lambda>", params, stmts, null, true);
            return new Expr.Lambda(t.line(), t.column(), def);
        } finally {
            functionDepth--;
            loopDepth = savedLoops;
        }
    }

    private Expr orExpression() {
        Expr e = andExpression();
        while (check("or")) {
            Token t = advance();
            e = new Expr.Logical(t.line(), e.column, false, e, andExpression());
        }
        return e;
    }

    private Expr andExpression() {
        Expr e = notExpression();
        while (check("and")) {
            Token t = advance();
            e = new Expr.Logical(t.line(), e.column, true, e, notExpression());
        }
        return e;
    }

    private Expr notExpression() {
        if (check("not")) {
            Token t = advance();
            nest(t);
            try {
                return new Expr.Unary(t.line(), t.column(), "not", notExpression());
            } finally {
                nesting--;
            }
        }
        return comparison();
    }

    private String comparisonOperator() {
        Token t = peek();
        if (t.kind() == Kind.OP) {
            switch (t.text()) {
                case "<", ">", "==", "!=", "<=", ">=":
                    return t.text();
                default:
                    return null;
            }
        }
        if (t.is("in")) {
            return "in";
        }
        if (t.is("not") && peekAt(1).is("in")) {
            return "not in";
        }
        return null;
    }

    private Expr comparison() {
        Expr left = additive();
        String op = comparisonOperator();
        if (op == null) {
            return left;
        }
        Token t = advance();
        if (op.equals("not in")) {
            advance();
        }
        Expr right = additive();
        if (comparisonOperator() != null) {
            throw exprError(peek(), "chained comparisons are not supported");
        }
        return new Expr.Binary(t.line(), left.column, op, left, right);
    }

    private Expr additive() {
        Expr e = term();
        while (check("+") || check("-")) {
            Token t = advance();
            e = new Expr.Binary(t.line(), e.column, t.text(), e, term());
        }
        return e;
    }

    private Expr term() {
        Expr e = unary();
        while (check("*") || check("/") || check("//") || check("%")) {
            Token t = advance();
            e = new Expr.Binary(t.line(), e.column, t.text(), e, unary());
        }
        return e;
    }

    private Expr unary() {
        if (check("-") || check("+")) {
            Token t = advance();
            Expr operand;
            nest(t);
            try {
                operand = unary();
            } finally {
                nesting--;
            }
            if (t.text().equals("-") && operand instanceof Expr.Literal lit
                    && (lit.value instanceof Long || lit.value instanceof Double)
                    && !(lit.value instanceof Long l && l == Long.MIN_VALUE)) {
                // fold negative number literals
                Object v = lit.value instanceof Long l ? (Object) (-l) : (Object) (-(Double) lit.value);
                return new Expr.Literal(t.line(), t.column(), v);
            }
            return new Expr.Unary(t.line(), t.column(), t.text(), operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (check("**")) {
            Token t = advance();
            nest(t);
            try {
                return new Expr.Binary(t.line(), base.column, "**", base, unary());
            } finally {
                nesting--;
            }
        }
        return base;
    }

    private Expr postfix() {
        Expr e = primary();
        while (true) {
            if (check("(")) {
                Token t = advance();
                List<Expr> args = new ArrayList<>();
                if (!check(")")) {
                    do {
                        if (check(")")) {
                            break;
                        }
                        args.add(expression());
                    } while (match(","));
                }
                if (!match(")")) {
                    throw exprError(peek(), "expected ')' after function arguments");
                }
                e = new Expr.Call(t.line(), e.column, e, args);
            } else if (check("[")) {
                e = subscript(e);
            } else if (check(".")) {
                Token dot = advance();
                Token n = peek();
                if (n.kind() != Kind.NAME) {
                    throw exprError(n, "expected attribute name after '.'");
                }
                advance();
                e = new Expr.Attribute(dot.line(), e.column, e, n.text());
            } else {
                return e;
            }
        }
    }

    private Expr subscript(Expr target) {
        Token open = advance();
        Expr lower = null;
        if (!check(":")) {
            lower = expression();
        }
        if (check(":")) {
            Token colon = advance();
            if (target instanceof Expr.ListLiteral || target instanceof Expr.DictLiteral) {
                throw exprError(colon, "slicing is not supported");
            }
            Expr upper = null;
            if (!check("]")) {
                if (check(":")) {
                    throw exprError(peek(), "slicing with a step is not supported");
                }
                upper = expression();
            }
            if (check(":")) {
                throw exprError(peek(), "slicing with a step is not supported");
            }
            if (!match("]")) {
                throw exprError(peek(), "expected ']' after index expression");
            }
            return new Expr.Slice(open.line(), target.column, target, lower, upper);
        }
        if (lower == null) {
            throw exprError(peek(), "unexpected token '" + peek().text() + "'");
        }
        if (!match("]")) {
            throw exprError(peek(), "expected ']' after index expression");
        }
        return new Expr.Index(open.line(), target.column, target, lower);
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                advance();
                return new Expr.Literal(t.line(), t.column(), t.value());
            case STRING: {
                advance();
                StringBuilder sb = new StringBuilder((String) t.value());
                while (check(Kind.STRING)) {
                    sb.append((String) advance().value());
                }
                return new Expr.Literal(t.line(), t.column(), sb.toString());
            }
            case NAME:
                switch (t.text()) {
                    case "True":
                        advance();
                        return new Expr.Literal(t.line(), t.column(), Boolean.TRUE);
                    case "False":
                        advance();
                        return new Expr.Literal(t.line(), t.column(), Boolean.FALSE);
                    case "None":
                        advance();
                        return new Expr.Literal(t.line(), t.column(), PNone.NONE);
                    case "lambda":
                        return lambda();
                    default:
                        if (Lexer.KEYWORDS.contains(t.text())) {
                            throw exprError(t, "unexpected token '" + t.text() + "'");
                        }
                        advance();
                        return new Expr.Name(t.line(), t.column(), t.text());
                }
            case OP:
                if (t.text().equals("(")) {
                    advance();
                    Expr inner = expression();
                    if (!match(")")) {
                        throw exprError(peek(), check(",") ? "tuples are not supported"
                                : "expected ')' after expression");
                    }
                    return inner;
                }
                if (t.text().equals("[")) {
                    return listLiteral();
                }
                if (t.text().equals("{")) {
                    return dictLiteral();
                }
                throw exprError(t, "unexpected token '" + t.text() + "'");
            default:
                throw exprError(t, "unexpected end of expression");
        }
    }

    private Expr listLiteral() {
        Token open = advance();
        List<Expr> items = new ArrayList<>();
        while (!check("]")) {
            items.add(expression());
            if (!match(",")) {
                break;
            }
        }
        if (!match("]")) {
            throw exprError(peek(), "expected ']' after list literal");
        }
        return new Expr.ListLiteral(open.line(), open.column(), items);
    }

    private Expr dictLiteral() {
        Token open = advance();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!check("}")) {
            keys.add(expression());
            if (!match(":")) {
                throw exprError(peek(), "expected ':' in dict literal");
            }
            values.add(expression());
            if (!match(",")) {
                break;
            }
        }
        if (!match("}")) {
            throw exprError(peek(), "expected '}' after dict literal");
        }
        return new Expr.DictLiteral(open.line(), open.column(), keys, values);
    }
}
