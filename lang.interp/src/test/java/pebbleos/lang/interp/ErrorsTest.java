package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import pebbleos.lang.core.testing.Run;

/**
 * PEBBLE.md "Errors": FILE:LINE: message for uncaught errors (exit status 1),
 * parse errors with column and caret, {@code except err:} binding
 * {@code line N: message} with N in the program's own source.
 */
public class ErrorsTest extends PebbleTest {
    @Test
    public void uncaughtErrorGivesFileLineMessageAndStatusOne() {
        Run.Result r = run("x = 1\nprint y");
        assertEquals("main.peb:2: unknown variable 'y'", r.error());
        assertEquals(1, r.status());
        assertEquals("", r.out());
    }

    @Test
    public void outputBeforeTheErrorIsKept() {
        assertEquals("1\nmain.peb:2: fatal\n", run("print 1\nraise \"fatal\"\nprint 2").all());
    }

    @Test
    public void programNameIsAsTheUserTypedIt() {
        Run.Result r = Run.withContext(EngineUnderTest.get(), "import sub.prog", List.of(), ctx -> { },
                "sub/prog.peb", "print missing\n");
        assertEquals("sub/prog.peb:1: unknown variable 'missing'", r.error());
    }

    @Test
    public void errorInAFunctionNamesTheLineInsideTheFunction() {
        fails("def f(x):\n    return x + \"a\"\n\nf(1)", "main.peb:2: '+' requires numeric, string, or list operands");
    }

    @Test
    public void typicalMessages() {
        fails("print [1, 2][5]", "main.peb:1: index out of range");
        fails("d = {\"a\": 1}\nprint d[\"b\"]", "main.peb:2: dict key not found");
        fails("print 5[0]", "main.peb:1: only strings, lists, and dicts can be indexed");
        fails("print [1][\"a\"]", "main.peb:1: index must be an integer");
        fails("x = [1]\nx[\"a\"] = 1", "main.peb:2: list index must be an integer");
        fails("x = [1]\nx[5] = 1", "main.peb:2: list index out of range");
        fails("x = 5\nx[0] = 1", "main.peb:2: indexed assignment requires a list or dict");
    }

    @Test
    public void instanceIndexing() {
        fails("class C:\n    pass\nprint C()[0]", "main.peb:3: instance field index must be a string");
        fails("class C:\n    pass\nprint C()[\"f\"]", "main.peb:3: instance field not found");
    }

    @Test
    public void parseErrorWithColumnAndCaret() {
        assertEquals("main.peb:1: invalid expression at column 9: slicing is not supported\n[1, 2][0:1]\n        ^",
                error("print [1, 2][0:1]"));
    }

    @Test
    public void unterminatedBracketNamesWhereItOpened() {
        fails("x = [1, 2\nprint x", "main.peb:1: unterminated bracketed expression; '[' opened at line 1 column 5");
    }

    @Test
    public void unterminatedBracketOpenedOnALaterLine() {
        fails("a = 1\nb = foo(1,\n  2,\n", "main.peb:2: unterminated bracketed expression; '(' opened at line 2 column 8");
    }

    @Test
    public void exceptBindsLineAndMessage() {
        prints("x = 0\ntry:\n    raise \"disk full\"\nexcept err:\n    print err\n    print err == \"line 3: disk full\"",
                "line 3: disk full", "1");
    }

    @Test
    public void exceptBindingIsAString() {
        prints("try:\n    1 / 0\nexcept e:\n    print len(e) > 0\n    print e + \"!\"", "1", "line 2: division by zero!");
    }

    @Test
    public void caughtLineIsTheLineInsideTheFunction() {
        prints("""
                def f():
                    x = 1
                    return x / 0
                try:
                    f()
                except err:
                    print err
                """, "line 3: division by zero");
    }

    @Test
    public void caughtLineIsTheProgramsOwnLineNotTheRuntimes() {
        prints("""
                # the runtime API is prepended in the original; lines still count from the program
                try:
                    delete_file("missing.txt")
                except err:
                    print err
                """, "line 3: file 'missing.txt' does not exist");
    }

    @Test
    public void runtimeErrorThroughABuiltinModuleIsAtTheCallersLine() {
        prints("import os\ntry:\n    os.delete(\"nope\")\nexcept err:\n    print err", "line 3: file 'nope' does not exist");
    }

    @Test
    public void errorInAModuleFunctionCaughtInMainNamesTheModuleLine() {
        assertEquals("line 2: division by zero\n", out("import m\ntry:\n    m.f()\nexcept err:\n    print err",
                "m.peb", "def f():\n    return 1 / 0\n"));
    }

    @Test
    public void reRaiseWithBareRaise() {
        fails("try:\n    raise \"first\"\nexcept:\n    raise", "main.peb:2: first");
    }

    @Test
    public void errorInAMultiLineExpressionNamesItsFirstLine() {
        fails("x = [1,\n    2,\n    3][7]", "main.peb:1: index out of range");
    }

    @Test
    public void returnOutsideFunction() {
        fails("return 5", "main.peb:1: return is only allowed inside functions");
    }

    @Test
    public void returnOutsideFunctionInABranchThatNeverRunsIsNoError() {
        // the original's commands keep `return` in their --help branch at the top level
        assertEquals("1\n2\n", out("print 1\nif len(ARGV) > 0:\n    return 0\nprint 2"));
        assertEquals("line 2: return is only allowed inside functions\n",
                out("try:\n    return 1\nexcept e:\n    print e"));
    }

    @Test
    public void errorMessagesOfBadCalls() {
        fails("print(y)", "main.peb:1: unknown variable 'y'");
        fails("nope(1)", "main.peb:1: unknown builtin 'nope'");
    }
}
