package pebbleos.lang.core.syntax;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import pebbleos.lang.core.runtime.PebbleError;

/** The parser: every statement and expression form of the reference, precedence, and the syntax error texts. */
public class ParserTest {
    private static String error(String source) {
        return assertThrows(PebbleError.class, () -> Parser.parse("t.peb", source)).report();
    }

    // ------------------------------------------------------------ statements

    @Test
    public void assignment() {
        assertEquals("(= x 1)", Ast.parse("x = 1"));
    }

    @Test
    public void indexAndAttributeAssignment() {
        assertEquals("(= ([] xs 0) 1) (= (. obj attr) 2)", Ast.parse("xs[0] = 1\nobj.attr = 2"));
    }

    @Test
    public void printTakesOneExpression() {
        assertEquals("(print (+ 1 2))", Ast.parse("print 1 + 2"));
    }

    @Test
    public void printWithParenthesesIsStillThePrintStatement() {
        assertEquals("(print x)", Ast.parse("print(x)"));
    }

    @Test
    public void importForms() {
        assertEquals("(import a a) (import a.b.c a) (import m as n)", Ast.parse("import a\nimport a.b.c\nimport m as n"));
    }

    @Test
    public void fromImport() {
        assertEquals("(from m a b as c)", Ast.parse("from m import a, b as c"));
    }

    @Test
    public void passBreakContinue() {
        assertEquals("(while 1 [(pass) (break) (continue)])", Ast.parse("while 1:\n    pass\n    break\n    continue"));
    }

    @Test
    public void ifElifElse() {
        assertEquals("(if a [(print 1)] b [(print 2)] else [(print 3)])",
                Ast.parse("if a:\n    print 1\nelif b:\n    print 2\nelse:\n    print 3"));
    }

    @Test
    public void whileLoop() {
        assertEquals("(while (< i 3) [(= i (+ i 1))])", Ast.parse("while i < 3:\n    i = i + 1"));
    }

    @Test
    public void forLoop() {
        assertEquals("(for x (call range 3) [(print x)])", Ast.parse("for x in range(3):\n    print x"));
    }

    @Test
    public void functionDefinitionAndReturn() {
        assertEquals("(def f (a b) [(return (+ a b))])", Ast.parse("def f(a, b):\n    return a + b"));
    }

    @Test
    public void parameterListMaySpanLines() {
        assertEquals("(def f (a b c) [(return a)])", Ast.parse("def f(a,\n      b,\n      c):\n    return a"));
    }

    @Test
    public void classWithValuesAndMethods() {
        assertEquals("(class C [(= STEP 2) (def inc (self) [(return STEP)])])",
                Ast.parse("class C:\n    STEP = 2\n    def inc(self):\n        return STEP"));
    }

    @Test
    public void raise() {
        assertEquals("(raise \"disk full\")", Ast.parse("raise \"disk full\""));
    }

    @Test
    public void tryExceptWithAndWithoutBinding() {
        assertEquals("(try [(pass)] except [(pass)]) (try [(pass)] except err [(print err)])",
                Ast.parse("try:\n    pass\nexcept:\n    pass\ntry:\n    pass\nexcept err:\n    print err"));
    }

    @Test
    public void tryFinally() {
        assertEquals("(try [(pass)] except [(pass)] finally [(print 1)])",
                Ast.parse("try:\n    pass\nexcept:\n    pass\nfinally:\n    print 1"));
    }

    @Test
    public void augmentedAssignment() {
        assertEquals("(+= x 1) (-= x 2) (*= x 3) (/= x 4)", Ast.parse("x += 1\nx -= 2\nx *= 3\nx /= 4"));
    }

    @Test
    public void callAsStatement() {
        assertEquals("(call f 1 2)", Ast.parse("f(1, 2)"));
    }

    @Test
    public void nestedDef() {
        assertEquals("(def outer () [(def inner () [(return 1)]) (return inner)])",
                Ast.parse("def outer():\n    def inner():\n        return 1\n    return inner"));
    }

    // ------------------------------------------------------------ expressions

    @Test
    public void literals() {
        assertEquals("(list 1 2.5 \"s\" True False None)", Ast.expr("x = [1, 2.5, 's', True, False, None]"));
    }

    @Test
    public void dictLiteral() {
        assertEquals("(dict \"a\":1 \"b\":(list 1 2))", Ast.expr("x = {\"a\": 1, \"b\": [1, 2]}"));
    }

    @Test
    public void emptyContainers() {
        assertEquals("(list)", Ast.expr("x = []"));
        assertEquals("(dict)", Ast.expr("x = {}"));
    }

    @Test
    public void trailingCommaInLiterals() {
        assertEquals("(list 1 2)", Ast.expr("x = [1, 2,]"));
    }

    @Test
    public void multiplicationBindsTighterThanAddition() {
        assertEquals("(+ 1 (* 2 3))", Ast.expr("x = 1 + 2 * 3"));
    }

    @Test
    public void arithmeticIsLeftAssociative() {
        assertEquals("(- (- 10 3) 2)", Ast.expr("x = 10 - 3 - 2"));
        assertEquals("(/ (/ 8 4) 2)", Ast.expr("x = 8 / 4 / 2"));
    }

    @Test
    public void parenthesesGroup() {
        assertEquals("(* (+ 1 2) 3)", Ast.expr("x = (1 + 2) * 3"));
    }

    @Test
    public void comparisonBindsLooserThanArithmetic() {
        assertEquals("(< (+ a 1) (* b 2))", Ast.expr("x = a + 1 < b * 2"));
    }

    @Test
    public void notBindsLooserThanComparison() {
        assertEquals("(not (== a b))", Ast.expr("x = not a == b"));
    }

    @Test
    public void andBindsTighterThanOr() {
        assertEquals("(or a (and b c))", Ast.expr("x = a or b and c"));
    }

    @Test
    public void unaryMinus() {
        assertEquals("(- x)", Ast.expr("y = -x"));
        assertEquals("-5", Ast.expr("y = -5"));
    }

    @Test
    public void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        assertEquals("(** 2 (** 3 2))", Ast.expr("x = 2 ** 3 ** 2"));
        assertEquals("(- (** 2 2))", Ast.expr("x = -2 ** 2"));
    }

    @Test
    public void extensionOperators() {
        assertEquals("(% a b)", Ast.expr("x = a % b"));
        assertEquals("(// a b)", Ast.expr("x = a // b"));
        assertEquals("(in a b)", Ast.expr("x = a in b"));
        assertEquals("(not in a b)", Ast.expr("x = a not in b"));
    }

    @Test
    public void postfixChains() {
        assertEquals("(call (. (call ([] ops 1) 6 7) name))", Ast.expr("ops[1](6, 7).name()"));
        assertEquals("(call (call make) 1)", Ast.expr("make()(1)"));
    }

    @Test
    public void moduleFunctionCall() {
        assertEquals("(call (. math sqrt) 10)", Ast.expr("math.sqrt(10)"));
    }

    @Test
    public void slices() {
        assertEquals("([:] s 1 3) ([:] s _ 2) ([:] s 1 _) ([:] s _ _)",
                Ast.parse("s[1:3]\ns[:2]\ns[1:]\ns[:]"));
    }

    @Test
    public void lambda() {
        assertEquals("(lambda (x y) (+ x y))", Ast.expr("f = lambda x, y: x + y"));
    }

    @Test
    public void adjacentStringsJoin() {
        assertEquals("\"ab\"", Ast.expr("x = 'a' \"b\""));
    }

    @Test
    public void expressionMaySpanLinesInsideBrackets() {
        assertEquals("(= total (+ (+ 1 2) 3))", Ast.parse("total = (1 +\n    2 +\n    3)"));
    }

    // ------------------------------------------------------------ statement errors

    @Test
    public void headerWithoutColon() {
        assertEquals("t.peb:1: if statements must end with ':'", error("if x\n    pass"));
        assertEquals("t.peb:1: while statements must end with ':'", error("while x\n    pass"));
        assertEquals("t.peb:3: elif statements must end with ':'", error("if x:\n    pass\nelif y\n    pass"));
    }

    @Test
    public void missingCondition() {
        assertEquals("t.peb:1: missing if condition", error("if :\n    pass"));
        assertEquals("t.peb:1: missing while condition", error("while:\n    pass"));
        assertEquals("t.peb:3: missing elif condition", error("if 1:\n    pass\nelif:\n    pass"));
    }

    @Test
    public void blockMustBeIndented() {
        assertEquals("t.peb:1: expected an indented block", error("if 1:\nprint 2"));
    }

    @Test
    public void blockMissingAtEndOfFile() {
        assertEquals("t.peb:1: expected an indented block", error("def f():\n"));
    }

    @Test
    public void unexpectedIndentation() {
        assertEquals("t.peb:2: unexpected indentation; expected level 0, got level 1", error("x = 1\n    y = 2"));
    }

    @Test
    public void blockIndentedByMoreThanFour() {
        assertEquals("t.peb:2: indentation must increase by exactly four spaces; expected level 1, got level 2",
                error("if 1:\n        x = 1"));
    }

    @Test
    public void orphanClauses() {
        assertEquals("t.peb:1: elif without matching if", error("elif 1:\n    pass"));
        assertEquals("t.peb:1: else without matching if", error("else:\n    pass"));
        assertEquals("t.peb:1: except without matching try", error("except:\n    pass"));
    }

    @Test
    public void badForLoop() {
        assertEquals("t.peb:1: invalid for loop syntax", error("for in xs:\n    pass"));
        assertEquals("t.peb:1: invalid for loop syntax", error("for x xs:\n    pass"));
    }

    @Test
    public void badFunctionDefinitions() {
        assertEquals("t.peb:1: invalid function definition", error("def (a):\n    pass"));
        assertEquals("t.peb:1: invalid function definition", error("def f:\n    pass"));
        assertEquals("t.peb:1: invalid parameter list", error("def f(a b):\n    pass"));
        assertEquals("t.peb:1: invalid parameter list", error("def f(1):\n    pass"));
        assertEquals("t.peb:1: duplicate parameter names are not allowed", error("def f(a, a):\n    pass"));
    }

    @Test
    public void badClassDefinition() {
        assertEquals("t.peb:1: invalid class definition", error("class 3:\n    pass"));
    }

    @Test
    public void badImportTarget() {
        assertEquals("t.peb:1: invalid import target", error("import 3"));
        assertEquals("t.peb:1: invalid import target", error("import a."));
        assertEquals("t.peb:1: invalid import target", error("from m import"));
    }

    @Test
    public void tryNeedsExcept() {
        assertEquals("t.peb:1: try requires an except block", error("try:\n    pass\nx = 1"));
    }

    @Test
    public void badExceptBinding() {
        assertEquals("t.peb:3: invalid except binding name", error("try:\n    pass\nexcept 3:\n    pass"));
    }

    @Test
    public void returnOutsideFunctionIsAnErrorWhenItRuns() {
        // as the original: a program may keep a top-level return in a branch that never runs
        assertEquals("(raise \"return is only allowed inside functions\")", Ast.parse("return 5"));
        assertEquals("(if 0 [(raise \"return is only allowed inside functions\")])", Ast.parse("if 0:\n    return"));
    }

    @Test
    public void returnInAClassBodyIsOutsideAFunction() {
        assertEquals("(class C [(raise \"return is only allowed inside functions\")])", Ast.parse("class C:\n    return 1"));
    }

    @Test
    public void breakAndContinueOutsideLoop() {
        assertEquals("t.peb:1: break outside loop", error("break"));
        assertEquals("t.peb:2: continue outside loop", error("def f():\n    continue"));
    }

    @Test
    public void breakInAFunctionInsideALoopIsOutsideTheLoop() {
        assertEquals("t.peb:3: break outside loop", error("while 1:\n    def f():\n        break"));
    }

    // ------------------------------------------------------------ expression errors (column, text, caret)

    @Test
    public void aLongLineIsShownAroundTheColumnOnly() {
        StringBuilder line = new StringBuilder("x = 0");
        for (int i = 1; i < 4000; i++) {
            line.append(" + ").append(i);
        }
        String report = error(line + " + * 2");
        String[] lines = report.split("\n");
        assertEquals(3, lines.length);
        assertEquals("t.peb:1: invalid expression at column 26891: unexpected token '*'", lines[0]);
        assertTrue(lines[1], lines[1].startsWith("...") && lines[1].endsWith(" + 3998 + 3999 + * 2"));
        assertEquals(83, lines[1].length());
        assertEquals('*', lines[1].charAt(lines[2].length() - 1));
        assertEquals("^", lines[2].strip());
        // a short line is shown whole, and so is the start of a long one when the column is near it
        String start = error("x = 1 + * " + "2 + ".repeat(100) + "2");
        assertEquals("1 + * 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 ...\n    ^",
                start.substring(start.indexOf('\n') + 1));
    }

    @Test
    public void slicingALiteralIsNotSupported() {
        assertEquals("t.peb:1: invalid expression at column 9: slicing is not supported\n[1, 2][0:1]\n        ^",
                error("print [1, 2][0:1]"));
    }

    @Test
    public void chainedComparisons() {
        assertEquals("t.peb:1: invalid expression at column 7: chained comparisons are not supported\n1 < 2 < 3\n      ^",
                error("print 1 < 2 < 3"));
    }

    @Test
    public void unexpectedEndOfExpression() {
        assertEquals("t.peb:1: invalid expression at column 4: unexpected end of expression\n1 +\n   ^",
                error("x = 1 +"));
    }

    @Test
    public void missingValueAfterEquals() {
        assertEquals("t.peb:1: invalid expression at column 1: unexpected end of expression", error("x ="));
    }

    @Test
    public void columnsCountFromTheExpressionNotTheLine() {
        assertEquals("t.peb:2: invalid expression at column 4: expected ']' after list literal\n[1 2]\n   ^",
                error("if 1:\n    y = [1 2]"));
    }

    @Test
    public void dictLiteralWithoutColon() {
        assertEquals("t.peb:1: invalid expression at column 4: expected ':' in dict literal\n{1 2}\n   ^",
                error("x = {1 2}"));
    }

    @Test
    public void attributeNameMissing() {
        assertEquals("t.peb:1: invalid expression at column 3: expected attribute name after '.'\na.\n  ^",
                error("print a."));
    }

    @Test
    public void commentIsNotPartOfTheExpressionText() {
        assertEquals("t.peb:1: invalid expression at column 4: unexpected end of expression\n1 *\n   ^",
                error("x = 1 *   # times"));
    }

    @Test
    public void trailingTokenAfterAnExpression() {
        assertEquals("t.peb:1: invalid expression at column 14: unexpected token ','\nmath.sqrt(10), 1\n             ^",
                error("print math.sqrt(10), 1"));
    }

    @Test
    public void trailingTokenAfterAnAssignedValue() {
        assertEquals("t.peb:1: invalid expression at column 3: unexpected token '2'\n1 2\n  ^", error("x = 1 2"));
    }

    @Test
    public void targetThatIsNotOneExpression() {
        assertEquals("t.peb:1: invalid assignment target at column 3: unexpected token 'b'\na b\n  ^", error("a b = 1"));
        assertEquals("t.peb:2: invalid assignment target at column 6: unexpected token 'b'\na[1] b\n     ^",
                error("if 1:\n    a[1] b = 1"));
        assertEquals("t.peb:1: invalid expression at column 3: unexpected token 'b'\na b\n  ^", error("a b"));
    }

    @Test
    public void assignmentToACall() {
        assertEquals("t.peb:1: invalid assignment target at column 1: expected a name, attribute, or index target\n"
                + "f()\n^", error("f() = 3"));
    }

    @Test
    public void assignmentToALiteral() {
        assertEquals("t.peb:1: invalid assignment target at column 1: expected a name, attribute, or index target\n"
                + "1\n^", error("1 = 2"));
    }

    @Test
    public void assignmentToAKeyword() {
        assertEquals("t.peb:1: invalid assignment target at column 1: expected a name, attribute, or index target\n"
                + "True\n^", error("True = 2"));
    }

    @Test
    public void keywordInExpression() {
        assertEquals("t.peb:1: invalid expression at column 3: unexpected token 'while'\n1 while\n  ^",
                error("x = 1 while"));
    }

    @Test
    public void tuplesAreNotSupported() {
        assertEquals("t.peb:1: invalid expression at column 3: tuples are not supported\n(1, 2)\n  ^", error("x = (1, 2)"));
    }

    @Test
    public void errorOnALaterLineNamesThatLine() {
        assertEquals("t.peb:3: invalid expression at column 4: unexpected end of expression\n1 -\n   ^",
                error("a = 1\nb = 2\nc = 1 -"));
    }

    // ------------------------------------------------------------ nesting limits (never a stack overflow)

    private static String firstLine(String report) {
        return report.split("\n", 2)[0];
    }

    @Test
    public void twoHundredNestedBracketsParse() {
        String deep = "(".repeat(199) + "1" + ")".repeat(199);
        assertEquals("(= x 1)", Ast.parse("x = " + deep));
    }

    @Test
    public void tooManyNestedBracketsIsAnError() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        assertEquals("t.peb:1: invalid expression at column 201: expression is nested too deeply",
                firstLine(error("x = " + deep)));
    }

    @Test
    public void longChainOfPrefixOperatorsIsAnError() {
        assertEquals("t.peb:1: invalid expression at column 797: expression is nested too deeply",
                firstLine(error("x = " + "not ".repeat(100_000) + "1")));
        assertEquals("t.peb:1: invalid expression at column 200: expression is nested too deeply",
                firstLine(error("x = " + "-".repeat(100_000) + "1")));
    }

    @Test
    public void longChainOfPowersIsAnError() {
        assertEquals("t.peb:1: invalid expression at column 998: expression is nested too deeply",
                firstLine(error("x = 2" + " ** 1".repeat(10_000))));
    }

    @Test
    public void veryLongOperatorChainIsACleanError() {
        // left-deep: the parser loops, the resolver recurses; either it fits or it is a located error
        try {
            Program.compile("t.peb", "x = " + "1 + ".repeat(200_000) + "1");
        } catch (PebbleError e) {
            assertEquals("t.peb:1: expression is nested too deeply", e.report());
        }
    }

    @Test
    public void oneHundredNestedBlocksParse() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append("    ".repeat(i)).append("if 1:\n");
        }
        sb.append("    ".repeat(100)).append("pass\n");
        Parser.parse("t.peb", sb.toString());
    }

    @Test
    public void tooManyNestedBlocksIsAnError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append("    ".repeat(i)).append("while 1:\n");
        }
        sb.append("    ".repeat(3000)).append("pass\n");
        assertEquals("t.peb:102: too many levels of indentation", error(sb.toString()));
    }
}
