package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** PEBBLE.md "Expressions": literals, operators, precedence, calls, attributes, indexing, and the extensions. */
public class ExpressionsTest extends PebbleTest {
    @Test
    public void integerFloatAndStringLiterals() {
        prints("print 42\nprint 2.5\nprint 'single'\nprint \"double\"", "42", "2.5", "single", "double");
    }

    @Test
    public void stringEscapes() {
        prints("print \"a\\tb\"\nprint \"1\\n2\"\nprint \"back\\\\slash\"\nprint \"q\\\"q\"\nprint 'it\\'s'",
                "a\tb", "1", "2", "back\\slash", "q\"q", "it's");
    }

    @Test
    public void constants() {
        prints("print True\nprint False\nprint None", "True", "False", "None");
    }

    @Test
    public void unaryMinusAndNot() {
        prints("x = 5\nprint -x\nprint --x\nprint not x\nprint not 0", "-5", "5", "False", "True");
    }

    @Test
    public void unaryMinusOnFloat() {
        printsValue("-1.5", "-1.5");
    }

    @Test
    public void unaryMinusOnAStringIsAnError() {
        fails("print -\"a\"", "main.peb:1: '-' requires a numeric operand");
    }

    @Test
    public void arithmeticPrecedence() {
        prints("print 2 + 3 * 4\nprint (2 + 3) * 4\nprint 10 - 4 - 3\nprint 2 * 3 / 4", "14", "20", "3", "1.5");
    }

    @Test
    public void comparisonsGiveOneOrZero() {
        prints("print 4 > 3\nprint 1.5 < 2\nprint 3 <= 3\nprint 3 >= 4\nprint 1 == 2\nprint 1 != 2",
                "1", "1", "1", "0", "0", "1");
    }

    @Test
    public void stringComparisonIsByCodePoint() {
        prints("print \"apple\" < \"banana\"\nprint \"B\" < \"a\"\nprint \"ab\" < \"a\"", "1", "1", "0");
    }

    @Test
    public void andOrShortCircuitAndReturnAnOperand() {
        prints("print 0 or \"fallback\"\nprint \"x\" and \"y\"\nprint False or 7\nprint 0 and crash()\nprint 1 or crash()",
                "fallback", "y", "7", "0", "1");
    }

    @Test
    public void notBindsLooserThanComparison() {
        printsValue("not 1 == 2", "True");
    }

    @Test
    public void callsWithArguments() {
        prints("def f(a, b, c):\n    return a + b + c\nprint f(1, 2, 3)", "6");
    }

    @Test
    public void attributeAccessOnModules() {
        prints("import math\nprint math.pi > 3", "1");
    }

    @Test
    public void indexingListsStringsAndDicts() {
        prints("print [10, 20][1]\nprint \"abc\"[0]\nprint {\"k\": \"v\"}[\"k\"]", "20", "a", "v");
    }

    @Test
    public void nestedIndexing() {
        printsValue("[[1, 2], [3, [4, 5]]][1][1][0]", "4");
    }

    // ------------------------------------------------------------ extensions

    @Test
    public void moduloFloorDivisionAndPower() {
        prints("print 7 % 3\nprint -7 % 3\nprint 7 // 2\nprint -7 // 2\nprint 2 ** 10\nprint 2 ** -1\nprint 7.5 // 2",
                "1", "2", "3", "-4", "1024", "0.5", "3.0");
    }

    @Test
    public void powerOfBigIntegersIsExact() {
        printsValue("2 ** 100", "1267650600228229401496703205376");
    }

    @Test
    public void inAndNotIn() {
        prints("print 2 in [1, 2]\nprint \"ell\" in \"hello\"\nprint \"k\" in {\"k\": 1}\nprint 3 not in [1, 2]",
                "1", "1", "1", "1");
    }

    @Test
    public void slicesOfStringsAndLists() {
        prints("s = \"hello\"\nprint s[1:3]\nprint s[:2]\nprint s[3:]\nprint s[-3:]\nxs = [1, 2, 3, 4]\nprint xs[1:-1]",
                "el", "he", "lo", "llo", "[2, 3]");
    }

    @Test
    public void slicesClampOutOfRangeBounds() {
        prints("print \"abc\"[1:100]\nxs = [1, 2]\nprint xs[5:9]\nprint \"abc\"[2:1]", "bc", "[]", "");
    }

    @Test
    public void slicingAListLiteralIsTheOriginalsError() {
        assertEquals("main.peb:1: invalid expression at column 9: slicing is not supported\n[1, 2][0:1]\n        ^",
                error("print [1, 2][0:1]"));
    }

    @Test
    public void negativeIndexes() {
        prints("xs = [1, 2, 3]\nprint xs[-1]\nprint \"abc\"[-3]", "3", "a");
    }

    @Test
    public void negativeIndexPastTheStartIsOutOfRange() {
        fails("print [1, 2][-3]", "main.peb:1: index out of range");
    }

    @Test
    public void callsOnAnyExpression() {
        prints("""
                def add(a, b):
                    return a + b
                def make():
                    return add
                ops = [0, add]
                print ops[1](6, 7)
                print make()(1, 2)
                """, "13", "3");
    }

    @Test
    public void builtinFunctionsAsValues() {
        prints("f = len\nprint f([1, 2, 3])\ng = str\nprint g(5) + \"!\"", "3", "5!");
    }

    @Test
    public void moduleFunctionsAsValues() {
        prints("import math\nf = math.sqrt\nprint f(10)", "3");
    }

    @Test
    public void conditionalExpression() {
        prints("x = 5\nprint \"big\" if x > 3 else \"small\"", "big");
    }
}
