package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import pebbleos.lang.core.testing.Run;

/** PEBBLE.md "Statements", the original's forms and this edition's extensions. */
public class StatementsTest extends PebbleTest {
    @Test
    public void assignment() {
        prints("x = 5\ny = x\nx = 6\nprint y\nprint x", "5", "6");
    }

    @Test
    public void indexAssignmentOnListAndDict() {
        prints("""
                xs = [1, 2, 3]
                xs[0] = 10
                xs[-1] = 30
                d = {"a": 1}
                d["a"] = 2
                d["b"] = 3
                print xs
                print d
                """, "[10, 2, 30]", "{a: 2, b: 3}");
    }

    @Test
    public void attributeAssignment() {
        prints("""
                class Box:
                    pass
                b = Box()
                b.size = 3
                print b.size
                """, "3");
    }

    @Test
    public void printPrintsOneValuePerLine() {
        prints("print 1\nprint \"two\"\nprint [3]", "1", "two", "[3]");
    }

    @Test
    public void passDoesNothing() {
        prints("if 1:\n    pass\nprint 1", "1");
    }

    @Test
    public void ifElifElseTakesTheFirstTrueBranch() {
        prints("""
                def grade(n):
                    if n > 90:
                        return "A"
                    elif n > 80:
                        return "B"
                    elif n > 70:
                        return "C"
                    else:
                        return "F"
                print grade(95)
                print grade(85)
                print grade(75)
                print grade(5)
                """, "A", "B", "C", "F");
    }

    @Test
    public void ifWithoutElseDoesNothingWhenFalse() {
        prints("if 0:\n    print 1\nprint 2", "2");
    }

    @Test
    public void whileLoop() {
        prints("i = 0\nwhile i < 3:\n    print i\n    i = i + 1", "0", "1", "2");
    }

    @Test
    public void breakLeavesTheInnermostLoop() {
        prints("""
                for i in range(3):
                    for j in range(3):
                        if j == 1:
                            break
                        print str(i) + str(j)
                """, "00", "10", "20");
    }

    @Test
    public void continueSkipsToTheNextIteration() {
        prints("""
                i = 0
                while i < 5:
                    i = i + 1
                    if i % 2 == 0:
                        continue
                    print i
                """, "1", "3", "5");
    }

    @Test
    public void forOverRange() {
        prints("for i in range(3):\n    print i", "0", "1", "2");
    }

    @Test
    public void forOverRangeWithStartStopStep() {
        prints("for i in range(10, 0, -4):\n    print i", "10", "6", "2");
    }

    @Test
    public void forOverAList() {
        prints("for x in [\"a\", 2, [3]]:\n    print x", "a", "2", "[3]");
    }

    @Test
    public void forOverAString() {
        prints("for c in \"hey\":\n    print c", "h", "e", "y");
    }

    @Test
    public void forOverADictGivesKeysInInsertionOrder() {
        prints("for k in {\"b\": 1, \"a\": 2}:\n    print k", "b", "a");
    }

    @Test
    public void forLoopVariableKeepsItsLastValue() {
        prints("for i in range(3):\n    pass\nprint i", "2");
    }

    @Test
    public void forIteratesOverASnapshotOfTheList() {
        prints("""
                xs = [1, 2]
                for x in xs:
                    append(xs, x)
                print xs
                """, "[1, 2, 1, 2]");
    }

    @Test
    public void forOverANumberIsAnError() {
        fails("for x in 5:\n    pass", "main.peb:1: for loops must iterate over a list or range(...)");
    }

    @Test
    public void breakInsideForInsideFunction() {
        prints("""
                def first_even(xs):
                    for x in xs:
                        if x % 2 == 0:
                            return x
                    return -1
                print first_even([1, 3, 4, 6])
                print first_even([1])
                """, "4", "-1");
    }

    @Test
    public void defAndReturn() {
        prints("def f(a, b):\n    return a * b\nprint f(6, 7)", "42");
    }

    @Test
    public void classStatement() {
        prints("class C:\n    X = 1\nprint C.X", "1");
    }

    @Test
    public void raiseStopsTheProgram() {
        Run.Result r = run("print 1\nraise \"fatal\"\nprint 2");
        assertEquals("1\n", r.out());
        assertEquals("main.peb:2: fatal", r.error());
        assertEquals(1, r.status());
    }

    @Test
    public void raiseOfANonStringRaisesItsPrintedForm() {
        prints("try:\n    raise [1, \"a\"]\nexcept err:\n    print err", "line 2: [1, a]");
    }

    @Test
    public void tryExceptCatchesAndContinues() {
        prints("""
                try:
                    print 1
                    x = 1 / 0
                    print 2
                except:
                    print "caught"
                print "after"
                """, "1", "caught", "after");
    }

    @Test
    public void exceptBindsLineAndMessage() {
        prints("try:\n    raise \"disk full\"\nexcept err:\n    print err", "line 2: disk full");
    }

    @Test
    public void exceptBindsRuntimeErrors() {
        prints("try:\n    print [1][5]\nexcept err:\n    print err", "line 2: index out of range");
    }

    @Test
    public void tryWithoutErrorSkipsExcept() {
        prints("try:\n    print 1\nexcept:\n    print 2", "1");
    }

    @Test
    public void errorInAFunctionIsCaughtByTheCallersTry() {
        prints("""
                def f():
                    return {}["k"]
                try:
                    f()
                except err:
                    print err
                """, "line 2: dict key not found");
    }

    @Test
    public void nestedTryInnerCatches() {
        prints("""
                try:
                    try:
                        raise "inner"
                    except e:
                        print "inner caught " + e
                    raise "outer"
                except e2:
                    print "outer caught " + e2
                """, "inner caught line 3: inner", "outer caught line 6: outer");
    }

    @Test
    public void errorInsideExceptPropagates() {
        fails("try:\n    raise \"a\"\nexcept:\n    raise \"b\"", "main.peb:4: b");
    }

    // ------------------------------------------------------------ extensions (beyond/)

    @Test
    public void finallyRunsAfterSuccess() {
        prints("try:\n    print 1\nexcept:\n    print 2\nfinally:\n    print 3", "1", "3");
    }

    @Test
    public void finallyRunsAfterACaughtError() {
        prints("try:\n    raise \"x\"\nexcept:\n    print 2\nfinally:\n    print 3", "2", "3");
    }

    @Test
    public void finallyRunsWhenTheErrorPropagates() {
        Run.Result r = run("try:\n    raise \"boom\"\nfinally:\n    print \"cleanup\"");
        assertEquals("cleanup\n", r.out());
        assertEquals("main.peb:2: boom", r.error());
    }

    @Test
    public void finallyRunsOnReturn() {
        prints("""
                def f():
                    try:
                        return 1
                    finally:
                        print "finally"
                print f()
                """, "finally", "1");
    }

    @Test
    public void finallyRunsOnBreak() {
        prints("""
                for i in range(3):
                    try:
                        break
                    finally:
                        print "f" + str(i)
                """, "f0");
    }

    @Test
    public void fromImportBindsNames() {
        assertEquals("8\nhelper\n", out("from helper import twice, NAME\nprint twice(4)\nprint NAME",
                "helper.peb", "NAME = \"helper\"\ndef twice(x):\n    return x * 2\n"));
    }

    @Test
    public void importAs() {
        assertEquals("10\n", out("import helper as h\nprint h.twice(5)",
                "helper.peb", "def twice(x):\n    return x * 2\n"));
    }

    @Test
    public void augmentedAssignment() {
        prints("""
                x = 10
                x += 5
                print x
                x -= 3
                print x
                x *= 2
                print x
                x /= 4
                print x
                s = "a"
                s += "b"
                print s
                """, "15", "12", "24", "6.0", "ab");
    }

    @Test
    public void augmentedAssignmentOnIndexAndAttribute() {
        prints("""
                xs = [1, 2]
                xs[1] += 10
                d = {"n": 1}
                d["n"] *= 5
                class C:
                    pass
                c = C()
                c.v = 1
                c.v += 1
                print xs
                print d
                print c.v
                """, "[1, 12]", "{n: 5}", "2");
    }

    @Test
    public void augmentedAddExtendsAListInPlace() {
        prints("xs = [1]\nxs += [2, 3]\nprint xs", "[1, 2, 3]");
    }

    @Test
    public void augmentedAssignmentOfAnUnknownNameIsAnError() {
        fails("y += 1", "main.peb:1: unknown variable 'y'");
    }
}
