package pebbleos.lang.interp;

import org.junit.Test;

/** The built-in modules with the original PebbleOS's results (notes 7.7 to 7.11). */
public class BuiltinModulesTest extends PebbleTest {
    // ------------------------------------------------------------ math

    @Test
    public void mathAbsAndPow() {
        prints("import math\nprint math.abs(-7)\nprint math.abs(2.5)\nprint math.pow(3, 4)\nprint math.pow(2, 0)",
                "7", "2.5", "81", "1");
    }

    @Test
    public void mathPowIsExactForBigResults() {
        prints("import math\nprint math.pow(10, 30)", "1000000000000000000000000000000");
    }

    @Test
    public void mathPowRefusesNegativeExponents() {
        fails("import math\nprint math.pow(2, -1)", "main.peb:2: pow() only supports non-negative integer exponents");
    }

    @Test
    public void mathPowWithAFloatExponentMultipliesCeilTimes() {
        // the original multiplies repeatedly: a float exponent runs the loop ceil(e) times
        prints("import math\nprint math.pow(2, 2.5)\nprint math.pow(1.5, 2)", "8", "2.25");
    }

    @Test
    public void mathSqrtIsTheIntegerSquareRootRoundedDown() {
        prints("import math\nprint math.sqrt(10)\nprint math.sqrt(16)\nprint math.sqrt(0)\nprint math.sqrt(10 ** 40 + 1)",
                "3", "4", "0", "100000000000000000000");
    }

    @Test
    public void mathSqrtOfANegativeNumber() {
        fails("import math\nprint math.sqrt(-1)", "main.peb:2: sqrt() requires a non-negative integer");
    }

    @Test
    public void mathTrigTakesIntegerDegreesAndReturnsTenThousandths() {
        prints("import math\nprint math.sin(30)\nprint math.cos(60)\nprint math.tan(45)\nprint math.sin(90)\nprint math.cos(180)\nprint math.sin(-30)\nprint math.sin(390)",
                "5000", "5000", "10000", "10000", "-10000", "-5000", "5000");
    }

    @Test
    public void mathTanOfNinetyIsUndefined() {
        fails("import math\nprint math.tan(90)", "main.peb:2: tan() is undefined for this angle");
    }

    @Test
    public void mathTrigOfAFloatAngleIsAnError() {
        fails("import math\nprint math.sin(1.5)", "main.peb:2: index must be an integer");
    }

    // ------------------------------------------------------------ text

    @Test
    public void textFunctions() {
        prints("""
                import text
                print text.len("hello")
                print text.repeat("ab", 3)
                print text.lines("a\\nb")
                print text.lines("")
                print text.join(["a", "b"])
                print text.first_line("one\\ntwo")
                """, "5", "ababab", "[a, b]", "[]", "a", "b", "one");
    }

    @Test
    public void textLinesOfEmptyTextIsOneEmptyLine() {
        prints("import text\nprint len(text.lines(\"\"))", "1");
    }

    // ------------------------------------------------------------ os

    @Test
    public void osWriteExistsReadDelete() {
        prints("""
                import os
                print os.write("demo.txt", "hi")
                print os.exists("demo.txt")
                print os.read("demo.txt")
                print os.delete("demo.txt")
                print os.exists("demo.txt")
                """, "hi", "1", "hi", "0", "0");
    }

    @Test
    public void osListListsFilesOfTheWorkingDirectory() {
        prints("import os\nos.write(\"b.txt\", \"\")\nprint os.list()", "[b.txt, main.peb]");
    }

    @Test
    public void osTimeGivesTheModificationTime() {
        prints("import os\nos.write(\"t.txt\", \"x\")\nt = os.time(\"t.txt\")\nprint len(t)\nprint t[4] + t[7] + t[10]", "20", "--,");
    }

    @Test
    public void osReadOfAMissingFile() {
        fails("import os\nprint os.read(\"nope.txt\")", "main.peb:2: file 'nope.txt' does not exist");
    }

    @Test
    public void osDeleteOfAMissingFileIsReportedAtTheCallersLine() {
        fails("import os\n\nos.delete(\"nope.txt\")", "main.peb:3: file 'nope.txt' does not exist");
    }

    // ------------------------------------------------------------ random

    @Test
    public void randomStartsFromStateOne() {
        prints("import random\nprint random.next()", "39022");
    }

    @Test
    public void randomIsTheLinearCongruentialGeneratorOfTheReference() {
        // state = (state * 25173 + 13849) mod 65536
        prints("import random\nprint random.seed(7)\nprint random.next()\nprint random.next()", "7", "58988", "4085");
    }

    @Test
    public void randomRange() {
        prints("import random\nrandom.seed(7)\nprint random.range(1, 10)", "3");
    }

    @Test
    public void randomRangeNeedsHighAboveLow() {
        fails("import random\nprint random.range(5, 5)", "main.peb:2: random.range() requires high > low");
    }

    @Test
    public void randomStateIsPerProgram() {
        prints("import random\nprint random.next()", "39022");
        prints("import random\nprint random.next()", "39022");
    }

    // ------------------------------------------------------------ memory

    @Test
    public void memoryFacts() {
        prints("""
                import memory
                print memory.init(8)
                a = memory.alloc(3)
                print a
                print memory.top()
                print memory.write(a + 1, 42)
                print memory.read(a + 1)
                print memory.fill(7)
                print memory.read(0)
                print memory.clear()
                print memory.read(0)
                print memory.size()
                """, "8", "0", "3", "42", "42", "8", "7", "8", "0", "8");
    }

    @Test
    public void memoryMoveSliceCompare() {
        prints("""
                import memory
                memory.init(8)
                memory.store(0, [1, 2, 3, 4])
                print memory.move(0, 2, 4)
                print memory.slice(0, 6)
                print memory.compare(0, 2, 2)
                print memory.compare(0, 1, 2)
                print memory.compare(1, 0, 1)
                """, "4", "[1, 2, 1, 2, 3, 4]", "0", "-1", "1");
    }

    @Test
    public void memoryCopyIsOverlapSafe() {
        prints("""
                import memory
                memory.init(6)
                memory.store(0, [1, 2, 3, 4])
                print memory.copy(0, 1, 4)
                print memory.dump()
                """, "4", "[1, 1, 2, 3, 4, 0]");
    }

    @Test
    public void memoryMarkAllocReset() {
        prints("""
                import memory
                memory.init(8)
                m = memory.mark()
                print m
                print memory.alloc(2)
                print memory.top()
                print memory.reset(m)
                print memory.top()
                """, "0", "0", "2", "0", "0");
    }

    @Test
    public void memoryZero() {
        prints("""
                import memory
                memory.init(4)
                memory.store(0, [1, 2, 3, 2])
                print memory.zero(0, 3)
                print memory.slice(0, 4)
                """, "3", "[0, 0, 0, 2]");
    }

    @Test
    public void memoryCellsHoldAnyValue() {
        prints("""
                import memory
                memory.init(3)
                print memory.write(0, 1.5)
                print memory.write(1, "s")
                xs = [1]
                memory.write(2, xs)
                append(xs, 2)
                print memory.read(2)
                """, "1.5", "s", "[1]");
    }

    @Test
    public void memoryIndexErrors() {
        fails("import memory\nmemory.init(2)\nmemory.read(-1)", "main.peb:3: memory index cannot be negative");
        fails("import memory\nmemory.init(2)\nmemory.write(2, 0)", "main.peb:3: memory index is out of range");
    }

    @Test
    public void memoryCountAndSizeErrors() {
        fails("import memory\nmemory.init(-1)", "main.peb:2: memory.init() requires a non-negative size");
        fails("import memory\nmemory.init(2)\nmemory.copy(0, 1, -1)", "main.peb:3: memory.copy() requires a non-negative count");
        fails("import memory\nmemory.init(2)\nmemory.move(0, 1, -1)", "main.peb:3: memory.move() requires a non-negative count");
        fails("import memory\nmemory.init(2)\nmemory.slice(0, -1)", "main.peb:3: memory.slice() requires a non-negative count");
        fails("import memory\nmemory.init(2)\nmemory.zero(0, -1)", "main.peb:3: memory.zero() requires a non-negative count");
        fails("import memory\nmemory.init(2)\nmemory.compare(0, 1, -1)",
                "main.peb:3: memory.compare() requires a non-negative count");
        fails("import memory\nmemory.init(2)\nmemory.alloc(-1)", "main.peb:3: memory.alloc() requires a non-negative size");
        fails("import memory\nmemory.init(2)\nmemory.alloc(3)", "main.peb:3: out of memory");
        fails("import memory\nmemory.init(2)\nmemory.reset(3)", "main.peb:3: memory.reset() mark is out of range");
    }

    @Test
    public void memoryErrorsAreCaughtWithTheCallersLine() {
        prints("import memory\nmemory.init(1)\ntry:\n    memory.read(5)\nexcept err:\n    print err",
                "line 4: memory index is out of range");
    }

    // ------------------------------------------------------------ heap

    @Test
    public void heapFacts() {
        prints("""
                import heap
                print heap.init(12)
                obj = heap.alloc("pair", 2)
                print obj
                print heap.kind(obj)
                print heap.size(obj)
                print heap.write(obj, 0, 7)
                print heap.write(obj, 1, 9)
                print heap.read(obj, 1)
                print heap.slice(obj)
                print heap.used()
                print heap.count()
                print heap.capacity()
                """, "12", "0", "pair", "2", "7", "9", "9", "[7, 9]", "4", "1", "12");
    }

    @Test
    public void heapMarkAndReset() {
        prints("""
                import heap
                heap.init(16)
                first = heap.alloc("one", 2)
                mark = heap.mark()
                second = heap.alloc("triple", 3)
                print second
                print heap.count()
                print heap.reset(mark)
                print heap.count()
                print heap.alloc("solo", 1)
                """, "4", "2", "4", "1", "4");
    }

    @Test
    public void heapSharesMemory() {
        prints("""
                import heap
                import memory
                heap.init(6)
                p = heap.alloc("x", 1)
                heap.write(p, 0, 5)
                print memory.dump()
                """, "[x, 1, 5, 0, 0, 0]");
    }

    @Test
    public void heapStore() {
        prints("import heap\nheap.init(8)\np = heap.alloc(\"v\", 3)\nprint heap.store(p, [1, 2])\nprint heap.slice(p)",
                "2", "[1, 2, 0]");
    }

    @Test
    public void heapErrors() {
        fails("import heap\nheap.init(-1)", "main.peb:2: heap.init() requires a non-negative size");
        fails("import heap\nheap.init(4)\nheap.alloc(\"a\", -1)", "main.peb:3: heap.alloc() requires a non-negative payload size");
        fails("import heap\nheap.init(4)\nheap.alloc(\"a\", 3)", "main.peb:3: heap out of memory");
        fails("import heap\nheap.init(4)\np = heap.alloc(\"a\", 1)\nheap.read(p, 1)", "main.peb:4: heap.read() offset is out of range");
        fails("import heap\nheap.init(4)\np = heap.alloc(\"a\", 1)\nheap.write(p, -1, 0)",
                "main.peb:4: heap.write() offset is out of range");
        fails("import heap\nheap.init(4)\np = heap.alloc(\"a\", 1)\nheap.store(p, [1, 2])",
                "main.peb:4: heap.store() payload is larger than object size");
        fails("import heap\nheap.init(4)\nheap.reset(3)", "main.peb:3: heap.reset() expects a mark created by heap.mark()");
        fails("import heap\nheap.init(4)\nheap.reset([9, 0])", "main.peb:3: heap.reset() mark is out of range");
        fails("import heap\nheap.init(4)\nheap.reset([0, -1])", "main.peb:3: heap.reset() count cannot be negative");
    }
}
