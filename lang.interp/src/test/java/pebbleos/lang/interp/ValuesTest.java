package pebbleos.lang.interp;

import org.junit.Test;

/** PEBBLE.md "Values and their printed form". */
public class ValuesTest extends PebbleTest {
    @Test
    public void integersAreArbitraryPrecision() {
        prints("print 1000000 * 1000000\nprint 9223372036854775807 + 1\nprint -9223372036854775808 - 1",
                "1000000000000", "9223372036854775808", "-9223372036854775809");
    }

    @Test
    public void bigIntegerArithmeticComesBackToSmall() {
        printsValue("(9223372036854775807 + 10) - 20", "9223372036854775797");
    }

    @Test
    public void factorialOfThirty() {
        prints("""
                n = 1
                for i in range(1, 31):
                    n = n * i
                print n
                """, "265252859812191058636308480000000");
    }

    @Test
    public void floatsPrintAsPythonPrintsThem() {
        prints("print 3.5\nprint 3.0\nprint 0.1 + 0.2\nprint 1e+20 * 1.0\nprint 2.0 ** 70\nprint 1.0 / 3\nprint 0.0001\nprint 0.00001",
                "3.5", "3.0", "0.30000000000000004", "1e+20", "1.1805916207174113e+21", "0.3333333333333333",
                "0.0001", "1e-05");
    }

    @Test
    public void divisionIsTrueDivision() {
        prints("print 6 / 2\nprint 7 / 2\nprint 3.5 / 2\nprint -7 / 2", "3.0", "3.5", "1.75", "-3.5");
    }

    @Test
    public void divisionByZeroIsAnError() {
        fails("print 1 / 0", "main.peb:1: division by zero");
        fails("print 1.5 / 0.0", "main.peb:1: division by zero");
        fails("print 1 // 0", "main.peb:1: division by zero");
    }

    @Test
    public void intTruncatesTowardZero() {
        prints("print int(3.9)\nprint int(-3.9)\nprint int(\"42\")\nprint int(\" -7 \")\nprint int(\"1_000\")",
                "3", "-3", "42", "-7", "1000");
    }

    @Test
    public void intOfBadTextIsAnError() {
        fails("print int(\"abc\")", "main.peb:1: int() could not parse 'abc'");
        fails("print int(\"1.5\")", "main.peb:1: int() could not parse '1.5'");
        fails("print int([])", "main.peb:1: int() expects a string, integer, or float");
    }

    @Test
    public void floatConverts() {
        prints("print float(\"2.25\")\nprint float(3)\nprint float(\"7\")", "2.25", "3.0", "7.0");
    }

    @Test
    public void floatOfBadTextIsAnError() {
        fails("print float(\"x\")", "main.peb:1: float() could not parse 'x'");
        fails("print float([])", "main.peb:1: float() expects a string, integer, or float");
    }

    @Test
    public void strConverts() {
        prints("print str(12) + str(1.5) + str(True) + str(None)\nprint len(str([1, \"a\"]))", "121.5TrueNone", "6");
    }

    @Test
    public void comparisonResultsAreIntegers() {
        prints("print (3 > 2) + (2 > 1)\nprint str(1 < 2)", "2", "1");
    }

    @Test
    public void notGivesBooleans() {
        prints("print not []\nprint not 1\nprint not \"\"", "True", "False", "True");
    }

    @Test
    public void falseValues() {
        prints("""
                for v in [0, 0.0, False, None, "", [], {}]:
                    if v:
                        print "true"
                    else:
                        print "false"
                """, "false", "false", "false", "false", "false", "false", "false");
    }

    @Test
    public void trueValues() {
        prints("""
                for v in [1, -1, 0.5, True, "0", " ", [0], {"a": 0}]:
                    if v:
                        print "true"
                """, "true", "true", "true", "true", "true", "true", "true", "true");
    }

    @Test
    public void listPrintsWithUnquotedStrings() {
        printsValue("[1, \"a\", 2.5, True, None]", "[1, a, 2.5, True, None]");
    }

    @Test
    public void dictPrintsInInsertionOrder() {
        prints("d = {\"b\": 1}\nd[\"a\"] = [1, 2]\nd[\"b\"] = 3\nprint d", "{b: 3, a: [1, 2]}");
    }

    @Test
    public void nestedContainersPrint() {
        printsValue("[[1, [2]], {\"k\": {\"j\": []}}, {}]", "[[1, [2]], {k: {j: []}}, {}]");
    }

    @Test
    public void plusOnNumbersStringsAndLists() {
        prints("print 1 + 2.5\nprint \"a\" + \"b\"\nprint [1] + [2, 3]\nprint True + 1", "3.5", "ab", "[1, 2, 3]", "2");
    }

    @Test
    public void plusOnMixedTypesIsAnError() {
        fails("print \"a\" + 1", "main.peb:1: '+' requires numeric, string, or list operands");
        fails("print [1] + \"a\"", "main.peb:1: '+' requires numeric, string, or list operands");
    }

    @Test
    public void minusTimesDivideNeedNumbers() {
        fails("print \"a\" - 1", "main.peb:1: '-' requires numeric operands");
        fails("print \"a\" * 2", "main.peb:1: '*' requires numeric operands");
        fails("print [1] / 2", "main.peb:1: '/' requires numeric operands");
    }

    @Test
    public void equalityAcrossNumberTypes() {
        prints("print 1 == 1.0\nprint True == 1\nprint \"1\" == 1\nprint None == 0\nprint None == None",
                "1", "1", "0", "0", "1");
    }

    @Test
    public void containersCompareStructurally() {
        prints("print [1, [2, 3]] == [1, [2, 3]]\nprint {\"a\": 1, \"b\": 2} == {\"b\": 2, \"a\": 1}\nprint [1] == [1, 2]",
                "1", "1", "0");
    }

    @Test
    public void orderingIncompatibleValuesIsAPebbleError() {
        fails("print \"a\" < 1", "main.peb:1: '<' cannot compare string with int");
        fails("print None < 1", "main.peb:1: '<' cannot compare None with int");
    }

    @Test
    public void dictKeysOfNumericallyEqualValuesAreOneKey() {
        prints("d = {1: \"a\"}\nd[1.0] = \"b\"\nprint len(d)\nprint d[1]", "1", "b");
    }

    @Test
    public void listAsDictKeyIsAPebbleError() {
        prints("try:\n    d = {}\n    d[[1]] = 2\nexcept err:\n    print err", "line 3: unhashable dict key: list");
    }

    @Test
    public void printedFormsOfFunctionsClassesInstancesAndModules() {
        prints("""
                import math
                def f():
                    return 1
                class C:
                    def m(self):
                        return 1
                print f
                print C
                print C()
                print C().m
                print C.m
                print math
                """, "<function f>", "<class C>", "<C instance>", "<bound method C.m>", "<function C.m>",
                "<module math>");
    }

    @Test
    public void printedFormOfModuleFunctions() {
        org.junit.Assert.assertEquals(lines("<builtin math.sin>", "<function pkg.ops.dec>", "<module pkg.ops>"),
                out("import math\nimport pkg.ops\nprint math.sin\nprint pkg.ops.dec\nprint pkg.ops",
                        "pkg/ops.peb", "def dec(x):\n    return x - 1\n"));
    }

    @Test
    public void printedFormOfBuiltins() {
        printsValue("len", "<builtin len>");
    }
}
