package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;

import pebbleos.lang.core.testing.Corpus;
import pebbleos.lang.interp.InterpreterEngine;
import pebbleos.lang.vm.jit.JitCompiler;

/**
 * Compiled code is the same language: every parity snippet and corpus program
 * gives the interpreter's output and error text when the JIT compiles each
 * proto on its first call (threshold 0) and when it compiles in the middle of
 * a loop and enters the compiled code at a loop head (threshold 3). The
 * default threshold leaves short programs interpreted, so without this test
 * the compiled paths would hardly run in the unit tests.
 */
public class JitTest {
    @Test
    public void snippetsCompiledOnFirstCallMatchTheInterpreter() {
        assertSnippetsMatch(0);
    }

    @Test
    public void snippetsEnteredAtALoopHeadMatchTheInterpreter() {
        assertSnippetsMatch(3);
    }

    @Test
    public void corpusCompiledMatchesTheInterpreter() throws IOException {
        Path corpus = Corpus.conformance();
        for (int threshold : new int[] {0, 3}) {
            JitCompiler jit = new JitCompiler(threshold);
            List<String> differences = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(corpus)) {
                for (Path p : walk.filter(x -> x.toString().endsWith(".peb")).sorted().toList()) {
                    if (p.getFileName().toString().equals("helper.peb") || p.toString().contains("/pkg/")) {
                        continue;
                    }
                    String vm = Corpus.runOne(new VmEngine(jit), corpus, p, "").got();
                    String interp = Corpus.runOne(new InterpreterEngine(), corpus, p, "").got();
                    if (!vm.equals(interp)) {
                        differences.add(p + " (threshold " + threshold + ")\n--- interp\n" + interp + "\n--- jit\n" + vm);
                    }
                }
            }
            assertEquals(String.join("\n", differences), 0, differences.size());
            int least = threshold == 0 ? 50 : 5; // at 3, only protos that loop or are called three times
            assertTrue("the JIT compiled " + jit.compiledCount() + " protos at threshold " + threshold,
                    jit.compiledCount() >= least);
            assertEquals("protos the JIT refused at threshold " + threshold, 0, jit.refusedCount());
        }
    }

    @Test
    public void deepRecursionInCompiledCodeEndsInAPebbleError() {
        String source = "def f(n):\n    return f(n + 1)\nf(0)\n";
        String out = Programs.run(new VmEngine(new JitCompiler(0)), source);
        assertEquals(Programs.run(new InterpreterEngine(), source), out);
    }

    @Test
    public void valuesAHandlerOrACallerReadsReachTheStack() {
        // r is read only by the handler; x * 2 is live across the call; t dies in its run
        String source = "def f(a, b):\n    r = 0\n    try:\n        r = a * 2\n        q = a + b\n"
                + "    except:\n        return r\n    return q\n"
                + "def g(x):\n    return x + 1\n"
                + "def h(x):\n    t = x * 5\n    return x * 2 + g(t) + t\n"
                + "print f(3, 'x')\nprint f(3, 4)\nprint h(4)\n";
        for (int threshold : new int[] {0, 1}) {
            assertEquals(Programs.run(new InterpreterEngine(), source), Programs.run(new VmEngine(new JitCompiler(threshold)), source));
        }
        assertEquals("6\n7\n49\n", Programs.run(new InterpreterEngine(), source));
    }

    @Test
    public void hotLoopsGiveTheRightResults() {
        String source = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
                + "print fib(20)\n"
                + "s = 0\ni = 0\nwhile i < 100000:\n    s = s + i * 3 - (i // 7)\n    i = i + 1\nprint s\n"
                + "class V:\n    def __init__(self, x):\n        self.x = x\n    def dot(self, o):\n        return self.x * o.x\n"
                + "a = V(3)\nt = 0\nfor k in range(20000):\n    t += a.dot(V(k))\nprint t\n"
                + "big = 1\nfor k in range(100):\n    big = big * 3\nprint big\n";
        JitCompiler jit = new JitCompiler(2);
        assertEquals(Programs.run(new InterpreterEngine(), source), Programs.run(new VmEngine(jit), source));
        assertTrue(jit.compiledCount() >= 3);
    }

    /**
     * The inline caches of attribute reads, writes and method lookups (see
     * Shape) follow what a program changes under them: one site sees
     * instances of three classes whose fields were added in different
     * orders, a class's method is replaced, a field shadows a method and is
     * deleted, a field is deleted and added again, an instance outgrows the
     * shapes (100 fields, kept in a map).
     */
    @Test
    public void inlineCachesFollowShapesAndClassChanges() {
        String source = "class P:\n"
                + "    def __init__(self, x, y):\n"
                + "        self.x = x\n"
                + "        self.y = y\n"
                + "    def sum(self):\n"
                + "        return self.x + self.y\n"
                + "class Q:\n"
                + "    def __init__(self, x, y):\n"
                + "        self.y = y\n"
                + "        self.x = x\n"
                + "    def sum(self):\n"
                + "        return self.x * self.y\n"
                + "class R(P):\n"
                + "    def twice(self):\n"
                + "        return self.sum() * 2\n"
                + "def read_all(items):\n"
                + "    t = 0\n"
                + "    for o in items:\n"
                + "        t = t + o.x + o.sum()\n"
                + "    return t\n"
                + "items = []\n"
                + "for k in range(30):\n"
                + "    append(items, P(k, 1))\n"
                + "    append(items, Q(k, 2))\n"
                + "    append(items, R(k, 3))\n"
                + "print read_all(items)\n"
                + "def product(self):\n"
                + "    return self.x * 100\n"
                + "P.sum = product\n"
                + "print read_all(items)\n"
                + "def loose(a):\n"
                + "    return a + 1000\n"
                + "items[0].sum = loose\n"
                + "print items[0].sum(5)\n"
                + "del items[0][\"sum\"]\n"
                + "print read_all(items)\n"
                + "o = items[1]\n"
                + "del o[\"x\"]\n"
                + "try:\n"
                + "    print o.x\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "o.x = 7\n"
                + "print o.sum()\n"
                + "w = P(1, 2)\n"
                + "for k in range(100):\n"
                + "    w[\"f\" + str(k)] = k\n"
                + "total = 0\n"
                + "for k in range(100):\n"
                + "    total = total + w[\"f\" + str(k)]\n"
                + "print str(total) + \" \" + str(w.x) + \" \" + str(w.f99)\n"
                + "r = R(4, 5)\n"
                + "print r.twice()\n";
        String expected = "3165\n89175\n1005\n89175\nerror: line 40: instance of 'Q' has no member 'x'\n14\n4950 1 99\n800\n";
        assertEveryEnginePrints(expected, source);
    }

    /**
     * Calls of small leaf functions, which compiled callers run in line
     * (jit.LeafInliner), give what the call gives on every way off the fast
     * path: ints that overflow into big ones, floats and strings, a missing
     * field (the error at the leaf's line), another function under the same
     * name, an instance of another shape, a global the leaf reads changed,
     * a list argument returned (a copy, as the call binds it), a function
     * without a return (0), and a global function called by CALL.
     */
    @Test
    public void leafCallsInLineGiveWhatTheCallGives() {
        String source = "class V:\n"
                + "    def __init__(self, x, y):\n"
                + "        self.x = x\n"
                + "        self.y = y\n"
                + "    def dot(self, o):\n"
                + "        return self.x * o.x + self.y * o.y\n"
                + "    def scaled(self):\n"
                + "        return self.x * SCALE - 1\n"
                + "    def joined(self, o):\n"
                + "        return self.x + o.x\n"
                + "    def nothing(self):\n"
                + "        pass\n"
                + "SCALE = 10\n"
                + "def sq(n):\n"
                + "    return n * n\n"
                + "def same(v):\n"
                + "    return v\n"
                + "def run(a, b, n):\n"
                + "    t = 0\n"
                + "    for k in range(n):\n"
                + "        t = t + a.dot(b) + sq(k) + a.scaled()\n"
                + "    return t\n"
                + "a = V(3, 4)\n"
                + "b = V(5, 6)\n"
                + "print run(a, b, 50)\n"
                + "print run(V(4611686018427387904, 1), V(4, 1), 3)\n"
                + "print run(V(1.5, 2), V(2, 0.25), 3)\n"
                + "print V(\"ab\", 1).joined(V(\"cd\", 2))\n"
                + "c = V(1, 2)\n"
                + "c.z = 9\n"
                + "print run(c, b, 3)\n"
                + "SCALE = 0.5\n"
                + "print run(a, b, 3)\n"
                + "def seven(n):\n"
                + "    return 7\n"
                + "sq = seven\n"
                + "print run(a, b, 3)\n"
                + "d = V(1, 2)\n"
                + "del d[\"y\"]\n"
                + "try:\n"
                + "    print run(d, b, 3)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "xs = [1, 2]\n"
                + "append(same(xs), 3)\n"
                + "print xs\n"
                + "print a.nothing()\n"
                + "print sq(1000000000000)\n";
        String expected = "43825\n193690812773950291973\n57.5\nabcd\n83\n123.5\n139.5\n"
                + "error: line 6: instance of 'V' has no member 'y'\n[1, 2]\n0\n7\n";
        assertEveryEnginePrints(expected, source);
    }

    /**
     * A loop's written globals kept in JVM locals while it runs
     * (jit.PromotedLoops) are what the module holds wherever the program or
     * another function can look: after the loop, after a break, in a handler
     * of an error raised inside it, in a function the loop calls through a
     * leaf's fallback (which also changes one of them), and they follow the
     * values through ints that overflow, floats, strings and a global first
     * assigned inside the loop (read before that: the error GETG gives).
     */
    @Test
    public void loopGlobalsKeptInLocalsAreTheModulesWhereverSeen() {
        String[][] cases = {
            {"total = 0\ni = 0\nwhile i < 1000:\n    total = total + i * 2 - 1\n    i = i + 1\nprint total\n",
                "998000\n"},
            {"big = 4611686018427387904\nc = 0\nwhile c < 3:\n    big = big + big\n    c += 1\nprint big\n",
                "36893488147419103232\n"},
            {"f = 0.5\ns = \"\"\nn = 0\nwhile n < 4:\n    f = f * 3\n    s = s + \"ab\" + str(n)\n    n = n + 1\n"
                + "print f\nprint s\n", "40.5\nab0ab1ab2ab3\n"},
            {"k = 0\nwhile k < 100:\n    last = k * k\n    if last > 50:\n        break\n    k = k + 1\n"
                + "print str(k) + \" \" + str(last)\n", "8 64\n"},
            {"j = 0\ntry:\n    while j < 10:\n        j = j + 1\n        u = j // (5 - j)\nexcept e:\n"
                + "    print \"error: \" + str(e) + \" at j=\" + str(j)\n", "error: line 5: division by zero at j=5\n"},
            {"m = 0\ntry:\n    while m < 10:\n        m = m + 1\n        u = never + 1\n        never = m\nexcept e:\n"
                + "    print \"error: \" + str(e) + \" at m=\" + str(m)\n",
                "error: line 5: unknown variable 'never' at m=1\n"},
            {"class A:\n    def __init__(self, v):\n        self.v = v\n    def val(self):\n        return self.v\n"
                + "class B:\n    def __init__(self, v):\n        self.v = v\n"
                + "def other(self):\n    global acc\n    acc = acc + 1000000\n    return self.v\n"
                + "B.val = other\n"
                + "o = B(3)\nacc = 0\nr = 0\nwhile r < 3:\n    acc = o.val() + acc\n    r = r + 1\nprint acc\n"
                + "o = A(5)\nr = 0\nwhile r < 3:\n    acc = o.val() + acc\n    r = r + 1\nprint acc\n",
                "3000009\n3000024\n"},
        };
        for (String[] c : cases) {
            assertEveryEnginePrints(c[1], c[0]);
        }
    }

    /**
     * The registers a function's loop carries from one iteration to the next
     * (kept in JVM locals while it runs, jit.PromotedLoops) are on the stack
     * wherever the machine looks: after the loop, in the function's own
     * handler of an error raised inside it, after a rebound {@code len} (a
     * Pebble function) ran as the loop's test; a local first assigned inside
     * the loop stays unassigned when the loop does not run; indexes kept as
     * longs read and write lists, negative and out of range ones included.
     */
    @Test
    public void loopRegistersKeptInLocalsAreTheStacksWhereverSeen() {
        String[][] cases = {
            {"def weighted(values, rounds):\n    total = 0\n    r = 0\n    while r < rounds:\n        i = 0\n"
                + "        while i < len(values):\n            total = total + values[i] * (r + 1)\n            i = i + 1\n"
                + "        r = r + 1\n    return total\nprint weighted([1, 2, 3, 4], 3)\n", "60\n"},
            {"def f(xs):\n    t = 0\n    i = 0\n    try:\n        while i < 10:\n            t = t + xs[i]\n"
                + "            i = i + 1\n    except e:\n        return str(e) + \" t=\" + str(t) + \" i=\" + str(i)\n"
                + "    return t\nprint f([5, 6, 7])\n", "line 6: index out of range t=18 i=3\n"},
            {"calls = 0\ndef len(x):\n    global calls\n    calls = calls + 1\n    return 3\n"
                + "def f(xs):\n    t = 0\n    i = 0\n    while i < len(xs):\n        t = t + xs[i]\n        i = i + 1\n"
                + "    return t\nprint f([1, 2, 3, 4])\nprint calls\n", "6\n4\n"},
            {"def f(n):\n    i = 0\n    while i < n:\n        last = i * 2\n        i = i + 1\n"
                + "    try:\n        return last\n    except e:\n        return str(e)\nprint f(4)\nprint f(0)\n",
                "6\nline 7: unknown variable 'last'\n"},
            {"def f(xs):\n    i = 0\n    while i < 4:\n        xs[i] = xs[i - 1] + i\n        i = i + 1\n    return xs\n"
                + "print f([10, 20, 30, 40])\n", "[40, 41, 43, 46]\n"},
            {"def f(xs, row):\n    i = 0\n    while i < 2:\n        xs[i] = row\n        i = i + 1\n    append(row, 9)\n"
                + "    append(xs[0], 8)\n    return xs\nprint f([0, 0], [1])\n", "[[1, 8], [1]]\n"},
            // a carried register both operand and result of a sum that stops fitting in a long
            {"def f():\n    t = 4611686018427387904\n    i = 0\n    while i < 3:\n        t = t + t\n        i = i + 1\n"
                + "    return t\nprint f()\n", "36893488147419103232\n"},
            {"def f(x, y):\n    r = 0\n    bit = 1\n    i = 0\n    while i < 64:\n        if x % 2 == 1:\n"
                + "            r = r + (y % 2) * bit\n        x = x // 2\n        y = y // 2\n        bit = bit * 2\n"
                + "        i = i + 1\n    return r\nprint f(-1, 5)\n", "5\n"},
        };
        for (String[] c : cases) {
            assertEveryEnginePrints(c[1], c[0]);
        }
    }

    /** A module global read or called through the module (GETA, LOOKUP) follows what the module's slot holds now. */
    @Test
    public void moduleCachesFollowTheModulesGlobals() {
        String source = "import math\n"
                + "def f(n):\n"
                + "    t = 0\n"
                + "    for k in range(n):\n"
                + "        t = t + math.sqrt(4) + math.pi\n"
                + "    return t\n"
                + "print f(10)\n"
                + "math.pi = 3\n"
                + "print f(10)\n"
                + "def two(a, b):\n"
                + "    return a + b\n"
                + "math.sqrt = two\n"
                + "try:\n"
                + "    print f(1)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "math.sqrt = 7\n"
                + "try:\n"
                + "    print f(1)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "def one(x):\n"
                + "    return 100\n"
                + "math.sqrt = one\n"
                + "print f(2)\n";
        String expected = "51.41592653589794\n50\nerror: line 5: function 'two' expected 2 arguments but got 1\n"
                + "error: line 5: module 'math' has no callable member 'sqrt'\n206\n";
        assertEveryEnginePrints(expected, source);
    }

    /** A method call site that sees strings, lists and dicts in turn calls each one's own method. */
    @Test
    public void methodCachesFollowTheReceiversType() {
        String source = "def counts(values):\n"
                + "    out = []\n"
                + "    for v in values:\n"
                + "        append(out, v.count(\"a\"))\n"
                + "    return out\n"
                + "print counts([\"banana\", [\"a\", \"b\", \"a\"], \"abc\", [\"x\"], \"aaa\"])\n"
                + "def pops(values):\n"
                + "    out = []\n"
                + "    for v in values:\n"
                + "        append(out, v.copy())\n"
                + "    return out\n"
                + "print pops([[1, 2], {\"k\": 1}, [3]])\n"
                + "try:\n"
                + "    print counts([\"a\", 5])\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n";
        String expected = "[3, 2, 1, 0, 3]\n[[1, 2], {k: 1}, [3]]\n"
                + "error: line 4: attribute calls require a module, class, or instance\n";
        assertEveryEnginePrints(expected, source);
    }

    /**
     * A class-level counter written in the loop leaves the cached method in
     * use; a method defined on the subclass, then a value there, shadow the
     * base class's method at once.
     */
    @Test
    public void methodCachesFollowClassWritesThatMatter() {
        String source = "class A:\n"
                + "    count = 0\n"
                + "    def f(self):\n"
                + "        return 1\n"
                + "class B(A):\n"
                + "    def g(self):\n"
                + "        return 2\n"
                + "def loop(o, n):\n"
                + "    t = 0\n"
                + "    for k in range(n):\n"
                + "        A.count = A.count + 1\n"
                + "        t = t + o.f()\n"
                + "    return t\n"
                + "b = B()\n"
                + "print loop(b, 20)\n"
                + "print A.count\n"
                + "def ten(self):\n"
                + "    return 10\n"
                + "B.f = ten\n"
                + "print loop(b, 3)\n"
                + "B.f = 7\n"
                + "try:\n"
                + "    print loop(b, 1)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n";
        String expected = "20\n20\n30\nerror: line 12: instance of 'B' has no callable member 'f'\n";
        assertEveryEnginePrints(expected, source);
    }

    /**
     * Sums and products used up within their run stay unboxed longs in
     * compiled code: chains of them, compare-and-jumps on them, and every way
     * out of the long path (an overflow to a big integer at each step, a
     * float, a boolean, a string's error) give what the interpreter gives.
     */
    @Test
    public void unboxedIntegerChainsFallBackExactly() {
        String source = "def f(a, b, n):\n"
                + "    t = 0\n"
                + "    i = 0\n"
                + "    while i < n:\n"
                + "        t = t + a * b - i * 2 + (a + 1) * (b - 1)\n"
                + "        if a * i + 1 > 100:\n"
                + "            t = t + 1\n"
                + "        if a * b == 12:\n"
                + "            t = t - 1\n"
                + "        while i * 2 < 0 - 5:\n"
                + "            i = i + 1\n"
                + "        i = i + 1\n"
                + "    return t\n"
                + "print f(3, 4, 10)\n"
                + "big = 4611686018427387904\n"
                + "print f(big, 4, 3)\n"
                + "print f(big * 2 - 1, 3, 2)\n"
                + "print f(0 - big * 2, 1, 2)\n"
                + "print f(2.5, 4, 3)\n"
                + "print f(True, 4, 2)\n"
                + "try:\n"
                + "    print f(\"x\", 2, 1)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "total = 9223372036854775000\n"
                + "i = 0\n"
                + "while i < 5:\n"
                + "    total = total + i * 200 - 1\n"
                + "    i = i + 1\n"
                + "print total\n";
        String expected = "140\n96845406386975145989\n92233720368547758073\n-18446744073709551618\n55.5\n18\n"
                + "error: line 5: '*' requires numeric operands\n9223372036854776995\n";
        assertEveryEnginePrints(expected, source);
    }

    /**
     * Floats through compiled arithmetic beside unboxed integers: mixed
     * int and float operands, an int beyond a double's precision divided, a
     * division by a float or an int zero, a string, and a register that held
     * a float reused by an integer operation with an immediate, all give
     * what the interpreter gives.
     */
    @Test
    public void floatsBesideUnboxedIntegersFallBackExactly() {
        String source = ""
                + "def f(a, b, n):\n"
                + "    t = 0.0\n"
                + "    i = 1\n"
                + "    while i < n:\n"
                + "        t = t + a / (i * i) - b * 0.5 + i / 4\n"
                + "        if a / i > 1.5:\n"
                + "            t = t + 1\n"
                + "        i = i + 1\n"
                + "    return t\n"
                + "print f(1.0, 2, 5)\n"
                + "print f(3, 2.5, 4)\n"
                + "print f(9007199254740993, 1, 3)\n"
                + "try:\n"
                + "    print f(1.0, 2, 5) / (0.0 * 2)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "try:\n"
                + "    print f(0.0, 1, 3) + 1 / (1 - 1)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "try:\n"
                + "    print f(\"x\", 1, 3)\n"
                + "except e:\n"
                + "    print \"error: \" + str(e)\n"
                + "b = -0.5\n"
                + "t = 1\n"
                + "i = 0\n"
                + "while i < 3:\n"
                + "    t = i\n"
                + "    if i != ((2 + t) * (1.5 / b)):\n"
                + "        t = t - (t - 3)\n"
                + "    i = i + 1\n"
                + "print t\n";
        String expected = "-0.07638888888888884\n2.8333333333333335\n1.125899906842624e+16\n"
                + "error: line 14: division by zero\nerror: line 18: division by zero\n"
                + "error: line 5: '/' requires numeric operands\n3\n";
        assertEveryEnginePrints(expected, source);
    }

    /**
     * Compiled call sites tell builtins from Pebble functions (and a
     * method of a string from one of a class) at run time, each site for
     * itself: one site sees a builtin, a function, a class and a rebound
     * global; a builtin (sorted) runs a key function whose recursion grows
     * the machine's stack under the compiled caller; one method site sees
     * strings and an instance.
     */
    @Test
    public void callSitesTellTheirCalleesApart() {
        String source = ""
                + "def deep(n):\n"
                + "    if n == 0:\n"
                + "        return 0\n"
                + "    return 1 + deep(n - 1)\n"
                + "def key(x):\n"
                + "    return deep(300) - x\n"
                + "def go(g, v):\n"
                + "    return g(v)\n"
                + "def run(k):\n"
                + "    t = 0\n"
                + "    i = 0\n"
                + "    while i < k:\n"
                + "        s = sorted([3, 1, 2], key)\n"
                + "        t = t + s[0] + go(len, s)\n"
                + "        i = i + 1\n"
                + "    return t\n"
                + "print run(20)\n"
                + "def twice(x):\n"
                + "    return x * 2\n"
                + "class C:\n"
                + "    def __init__(self, v):\n"
                + "        self.v = v\n"
                + "print go(len, [1, 2, 3]) + go(twice, 21)\n"
                + "print go(str, 5) + \"!\"\n"
                + "print go(C, 9).v\n"
                + "class D:\n"
                + "    def upper(self):\n"
                + "        return \"D!\"\n"
                + "def up(o):\n"
                + "    return o.upper()\n"
                + "print up(\"abc\") + up(D()) + up(\"x\")\n"
                + "len = twice\n"
                + "print go(len, 4)\n";
        assertEveryEnginePrints("120\n45\n5!\n9\nABCD!X\n8\n", source);
    }

    /**
     * {@code i < len(xs)} tested on longs where the callee is the builtin
     * len of a string, list or dict and the other side a Long; every other
     * case (a float, a big int, an error, len rebound) the general call and
     * test, with the same result, in both orders and all six tests.
     */
    @Test
    public void lengthTestsOnLongsFallBackExactly() {
        String source = ""
                + "def count(xs):\n"
                + "    i = 0\n"
                + "    while i < len(xs):\n"
                + "        i = i + 1\n"
                + "    return i\n"
                + "def down(xs):\n"
                + "    i = 0\n"
                + "    while len(xs) > i:\n"
                + "        i = i + 2\n"
                + "    return i\n"
                + "def tests(xs, k):\n"
                + "    r = \"\"\n"
                + "    if len(xs) == k:\n"
                + "        r = r + \"eq \"\n"
                + "    if len(xs) != k:\n"
                + "        r = r + \"ne \"\n"
                + "    if k <= len(xs):\n"
                + "        r = r + \"le \"\n"
                + "    if k >= len(xs):\n"
                + "        r = r + \"ge\"\n"
                + "    return r\n"
                + "def floaty(xs):\n"
                + "    f = 0.5\n"
                + "    while f < len(xs):\n"
                + "        f = f + 1\n"
                + "    return f\n"
                + "def big(xs):\n"
                + "    if len(xs) < 100000000000000000000:\n"
                + "        return \"small\"\n"
                + "    return \"big\"\n"
                + "long = []\n"
                + "j = 0\n"
                + "while j < 50:\n"
                + "    append(long, j)\n"
                + "    j = j + 1\n"
                + "print [count([1, 2, 3]), count(\"abcd\"), count({\"a\": 1, \"b\": 2}), count([]), count(long)]\n"
                + "print [down([1, 2, 3, 4, 5]), down(long)]\n"
                + "print tests([1, 2], 2) + \"|\" + tests([1, 2], 3) + \"|\" + tests(\"ab\", 2.0) + \"|\" + tests(\"abc\", 1)\n"
                + "print [floaty([1, 2, 3]), big([1])]\n"
                + "def bad():\n"
                + "    i = 0\n"
                + "    while i < len(5):\n"
                + "        i = i + 1\n"
                + "    return i\n"
                + "try:\n"
                + "    bad()\n"
                + "except err:\n"
                + "    print err\n"
                + "def mine(xs):\n"
                + "    return 7\n"
                + "len = mine\n"
                + "print count(long)\n";
        assertEveryEnginePrints("[3, 4, 2, 0, 50]\n[6, 50]\neq le ge|ne ge|eq le ge|ne le \n[3.5, small]\n"
                + "line 42: len() expects a string, list, or dict\n7\n", source);
    }

    /** The interpreter, the VM interpreting only, and the VM compiling at once and mid-loop all print {@code expected}. */
    private static void assertEveryEnginePrints(String expected, String source) {
        assertEquals(expected, Programs.run(new InterpreterEngine(), source));
        for (int threshold : new int[] {0, 2, Integer.MAX_VALUE}) {
            assertEquals("threshold " + threshold, expected, Programs.run(new VmEngine(new JitCompiler(threshold)), source));
        }
    }

    private static void assertSnippetsMatch(int threshold) {
        JitCompiler jit = new JitCompiler(threshold);
        List<String> differences = new ArrayList<>();
        for (String source : ParityTest.SNIPPETS) {
            String interp = Programs.run(new InterpreterEngine(), source);
            String vm = Programs.run(new VmEngine(jit), source);
            if (!interp.equals(vm)) {
                differences.add("=== " + source + "--- interp\n" + interp + "--- jit\n" + vm);
            }
        }
        assertEquals(String.join("\n", differences), 0, differences.size());
        assertTrue(jit.compiledCount() > 0);
    }
}
