package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import pebbleos.lang.core.testing.Run;

/** The builtins every program sees (PEBBLE.md), ARGC/ARGV/argv, and the runtime API. */
public class BuiltinsTest extends PebbleTest {
    @Test
    public void len() {
        prints("print len(\"abc\")\nprint len([1, 2])\nprint len({\"a\": 1})\nprint len(\"\")", "3", "2", "1", "0");
    }

    @Test
    public void lenOfANumber() {
        fails("print len(3)", "main.peb:1: len() expects a string, list, or dict");
    }

    @Test
    public void appendNeedsAList() {
        fails("append(1, 2)", "main.peb:1: append() expects a list as the first argument");
    }

    @Test
    public void rangeReturnsAList() {
        prints("print range(3)\nprint range(1, 7, 2)\nprint range(5, 0, -2)\nprint range(0)\nprint range(3, 1)",
                "[0, 1, 2]", "[1, 3, 5]", "[5, 3, 1]", "[]", "[]");
    }

    @Test
    public void rangeAtTheEdgesOfSixtyFourBits() {
        prints("""
                print range(-9223372036854775807, 9223372036854775807, 9223372036854775807)
                print range(9223372036854775806, 9223372036854775807, 10)
                print len(range(9223372036854775807, -9223372036854775807, -9223372036854775807))
                for i in range(9223372036854775800, 9223372036854775807, 5):
                    print i
                for i in range(-9223372036854775800, -9223372036854775808, -7):
                    print i
                """, "[-9223372036854775807, 0]", "[9223372036854775806]", "2", "9223372036854775800",
                "9223372036854775805", "-9223372036854775800", "-9223372036854775807");
    }

    @Test
    public void rangeOfMoreThanSixtyFourBitsOfValuesIsTooLarge() {
        fails("print len(range(-9223372036854775807, 9223372036854775807))", "main.peb:1: range() is too large");
    }

    @Test
    public void rangeArgumentErrors() {
        fails("print range(1.5)", "main.peb:1: range() expects 1, 2, or 3 integer arguments");
        fails("print range(\"3\")", "main.peb:1: range() expects 1, 2, or 3 integer arguments");
        fails("print range(1, 2, 0)", "main.peb:1: range() step cannot be zero");
        fails("for i in range(1, 2, 0):\n    pass", "main.peb:1: range() step cannot be zero");
    }

    @Test
    public void keysInInsertionOrder() {
        prints("print keys({\"name\": 1, \"count\": 2})", "[name, count]");
    }

    @Test
    public void keysNeedsADict() {
        fails("print keys([])", "main.peb:1: keys() expects a dict");
    }

    @Test
    public void inputReadsALine() {
        Run.Result r = Run.withContext(EngineUnderTest.get(), "name = input(\"name? \")\nprint \"hi \" + name", List.of(),
                ctx -> ctx.input.add("pebble"));
        assertEquals("name? hi pebble\n", r.out());
    }

    @Test
    public void inputAtEndOfInputIsAnError() {
        fails("x = input(\"\")", "main.peb:1: EOF when reading a line");
        prints("try:\n    x = input(\"\")\nexcept e:\n    print e\nprint read_line() == None",
                "line 2: EOF when reading a line\n1");
    }

    @Test
    public void inputPromptMustBeAString() {
        fails("input(5)", "main.peb:1: input() expects a string prompt");
    }

    @Test
    public void argcArgvAndArgv() {
        Run.Result r = Run.withArgs(EngineUnderTest.get(), "print ARGC\nprint ARGV\nprint argv(0)\nprint argv(1)", List.of("one", "two"));
        assertEquals("2\n[one, two]\none\ntwo\n", r.all());
    }

    @Test
    public void argvErrors() {
        fails("argv(\"a\")", "main.peb:1: argv() expects an integer index");
        fails("argv(0)", "main.peb:1: argv index out of range");
    }

    @Test
    public void readAndWriteFiles() {
        prints("print write_file(\"a.txt\", \"line1\\nline2\")\nprint read_file(\"a.txt\")", "line1\nline2", "line1",
                "line2");
    }

    @Test
    public void readFileOfAMissingFile() {
        fails("read_file(\"missing.txt\")", "main.peb:1: file 'missing.txt' does not exist");
    }

    @Test
    public void fileNameTheHostCannotRepresentIsAPebbleError() {
        fails("read_file(\"bad\\ud800.txt\")", "main.peb:1: fs_read: invalid file name");
    }

    @Test
    public void writeFileNeedsText() {
        fails("write_file(\"a.txt\", 5)", "main.peb:1: write_file() expects text content");
    }

    @Test
    public void runtimeApiFileFunctions() {
        prints("""
                write_file("f.txt", "x")
                print file_exists("f.txt")
                print file_exists("nope.txt")
                print make_directory("d")
                print directory_exists("d")
                print remove_directory("d")
                print directory_exists("d")
                print delete_file("f.txt")
                print file_exists("f.txt")
                print cwd()
                print len(list_files())
                """, "1", "0", "0", "1", "0", "0", "0", "0", "/", "1");
    }

    @Test
    public void runtimeApiErrorIsReportedAtTheCallersLine() {
        fails("x = 1\ndelete_file(\"nope.txt\")", "main.peb:2: file 'nope.txt' does not exist");
    }

    @Test
    public void runtimeApiErrorCaughtBindsTheCallersLine() {
        prints("try:\n    remove_directory(\"nope\")\nexcept err:\n    print err", "line 2: directory 'nope' does not exist");
    }

    @Test
    public void programFunctionShadowsTheRuntimeApi() {
        prints("def cwd():\n    return \"mine\"\nprint cwd()", "mine");
    }

    @Test
    public void programVariableShadowsABuiltin() {
        prints("len = 5\nprint len", "5");
    }

    @Test
    public void strOfEveryKind() {
        prints("print str(None) + str(True) + str(3) + str(2.5) + str([1, \"a\"]) + str({\"k\": None})",
                "NoneTrue32.5[1, a]{k: None}");
    }

    @Test
    public void eprintWritesToStandardError() {
        Run.Result r = run("eprint(\"oops\")\nprint \"out\"");
        assertEquals("out\n", r.out());
        assertEquals("oops\n", r.err());
    }

    @Test
    public void exitEndsTheProgramWithAStatus() {
        Run.Result r = run("print 1\nexit(3)\nprint 2");
        assertEquals("1\n", r.out());
        assertEquals(3, r.status());
    }

    // ------------------------------------------------------------ string, list and dict methods (extensions)

    @Test
    public void stringMethods() {
        prints("""
                s = "  Hello World  "
                print s.strip()
                print s.strip().upper()
                print s.strip().lower()
                print "a,b,c".split(",")
                print " a  b ".split()
                print "-".join(["x", "y"])
                print "hello".replace("l", "L")
                print "hello".find("ll")
                print "hello".startswith("he")
                print "hello".endswith("lo")
                print "ab".count("a")
                """, "Hello World", "HELLO WORLD", "hello world", "[a, b, c]", "[a, b]", "x-y", "heLLo", "2", "1", "1",
                "1");
    }

    @Test
    public void findAndRfindTakeBoundsLikeSlices() {
        prints("""
                s = "abcabc"
                print s.find("b", 2)
                print s.find("b", 2, 4)
                print s.find("b", -2)
                print s.find("", 6)
                print s.rfind("b", 0, 4)
                print s.rfind("c", 3)
                print s.rfind("a", 1, 3)
                print find(s, "c", 3)
                print "a\\nb\\nc\\n".count("\\n", 2)
                print "a\\nb\\nc\\n".count("\\n", 1, 3)
                """, "4", "-1", "4", "6", "1", "5", "-1", "5", "2", "1");
    }

    @Test
    public void listMethodsActOnTheListItself() {
        prints("""
                xs = [3, 1, 2]
                xs.append(4)
                xs.sort()
                print xs
                print xs.pop()
                xs.insert(0, 9)
                print xs
                xs.remove(9)
                xs.reverse()
                print xs
                print xs.index(2)
                """, "[1, 2, 3, 4]", "4", "[9, 1, 2, 3]", "[3, 2, 1]", "1");
    }

    @Test
    public void dictMethods() {
        prints("""
                d = {"a": 1}
                print d.get("a")
                print d.get("b", 0)
                print d.keys()
                print d.values()
                print d.items()
                print d.pop("a")
                print d
                """, "1", "0", "[a]", "[1]", "[[a, 1]]", "1", "{}");
    }

    @Test
    public void unknownMethod() {
        fails("\"s\".nope()", "main.peb:1: string has no method 'nope'");
    }

    @Test
    public void collectionBuiltins() {
        prints("print sorted([3, 1, 2])\nprint min([4, 2, 8])\nprint max(1, 5)\nprint sum([1, 2, 3])",
                "[1, 2, 3]", "2", "5", "6");
    }
}
