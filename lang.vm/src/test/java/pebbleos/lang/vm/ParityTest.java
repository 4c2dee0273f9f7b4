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

/**
 * Interpreter and VM implement one language: the same programs give the same
 * output and the same error text in both. The programs are the shared corpus
 * plus snippets aimed at the places where the two could drift apart
 * (evaluation order, error locations, value semantics, handlers).
 */
public class ParityTest {
    static final String[] SNIPPETS = {
        // arity is checked before the arguments are evaluated
        "def f(a, b):\n    return a\ndef g():\n    print 'g ran'\n    return 1\nprint f(g())\n",
        "class C:\n    def m(self, a):\n        return a\ndef g():\n    print 'g'\n    return 1\nc = C()\nprint c.m(g(), g())\n",
        "class C:\n    pass\ndef g():\n    print 'g'\nc = C()\nc.nothing(g())\n",
        "x = [1]\ndef g():\n    print 'g'\nx.nothing(g())\n",
        // three-part concatenation (CONCAT3): strings, and everything else as two additions
        "t = 'mid'\nprint 'a' + t + 'b'\nprint 'a' + str(12) + 'b'\n",
        "x = 1\nprint 'a' + x + 'b'\n", "print 1 + 2 + 'c'\n", "l = [1]\nprint l + l + 'a'\n",
        "print 1 + 2 + 3.5, 'n' + 'm' + 'o'\n",
        "def f(t):\n    u = t + '!'\n    return 'a' + t + u\nprint f('x')\nprint f(3)\n",
        // a top-level return: an error where it runs, nothing where it does not
        "print 1\nif 0:\n    return 2\nprint 3\nreturn\nprint 4\n",
        "try:\n    return 1\nexcept e:\n    print e\n",
        // names and errors
        "print undefined_name\n", "undefined_fn(1)\n", "def f():\n    print y\n    y = 1\nf()\n",
        "def f():\n    def g():\n        return v\n    r = g()\n    v = 1\n    return r\nprint f()\n",
        "x = 1\nif x:\n    pass\nelif 1 / 0:\n    pass\nprint 'ok'\n",
        "x = 0\nif x:\n    pass\nelif 1 / 0:\n    pass\n",
        "i = 0\nwhile i < 'a':\n    i = i + 1\n", "for x in 5:\n    print x\n",
        "for i in range(0, 10, 0):\n    print i\n", "for i in range(1.5):\n    print i\n",
        "for i in range(True, 3):\n    print i\n", "d = {}\nd[[1]] = 2\n", "print {[1]: 2}\n",
        // handlers, finally, bare raise
        "def f():\n    raise\ntry:\n    x = 1 / 0\nexcept:\n    try:\n        f()\n    except e:\n        print e\n",
        "try:\n    raise\nexcept e:\n    print e\n",
        "def f():\n    for i in range(3):\n        try:\n            if i == 1:\n                continue\n            if i == 2:\n                return 'r' + str(i)\n        finally:\n            print 'fin ' + str(i)\n    return 'end'\nprint f()\n",
        "def f():\n    try:\n        return 1\n    finally:\n        return 2\nprint f()\n",
        "while 1:\n    try:\n        break\n    finally:\n        print 'out'\nprint 'after'\n",
        "try:\n    try:\n        x = [][1]\n    finally:\n        print 'inner'\nexcept e:\n    print e\n",
        "try:\n    print 1\nexcept e:\n    print e\nfinally:\n    y = 1 / 0\n",
        // value semantics
        "a = [1, [2]]\nb = a\nappend(b[1], 3)\nprint a\nprint b\ndef f(x):\n    append(x, 9)\n    return x\nprint f(a)\nprint a\n",
        "d = {'k': [1]}\ne = d\ne['k'] += [2]\nprint d\nprint e\nxs = [1]\nys = xs\nxs += [2]\nprint xs\nprint ys\n",
        "L = [1]\nclass C:\n    L += [2]\nprint L\nprint C.L if 0 else 'no'\n",
        "class B:\n    def hi(self):\n        return 'B'\nclass C(B):\n    X = 3\n    def go(self):\n        return X\nc = C()\nprint c.hi() + str(c.go())\nf = c.hi\nprint f()\nprint C.X\n",
        "class P:\n    def __init__(self, a):\n        self.a = a\np = P()\n", "class P:\n    pass\np = P(1)\n",
        "class Q(5):\n    pass\n", "x = 5\nx()\n", "print len(5)\n", "print 'a' < 1\n", "print [1, 2][5]\n",
        "print {'a': 1}['b']\n", "print 1 // 0\n", "print 2 ** -1\n", "print 7 % -3\n", "print -7 // 2\n",
        "print 0.1 + 0.2\n", "print 10 / 4\n", "print 1000000 * 1000000 * 1000000 * 1000000\n",
        "print 'abc'[1:]\nprint [1, 2, 3][-2:]\nprint 'abc'[5]\n", "print not 0\nprint 1 and 0\nprint 0 or 'x'\n",
        "s = 0\nfor c in 'hello':\n    s = s + 1\nfor k in {'a': 1, 'b': 2}:\n    print k\nprint s\n",
        "def f(n):\n    return lambda x: x + n\nadds = [f(1), f(2)]\nprint adds[1](10)\nprint (lambda: 5)()\n",
        "import math\nprint math.sqrt(17)\nprint math.nothing\n", "import nosuchmodule\n",
        "from math import pi, nothing\n", "import random\nrandom.seed(3)\nprint random.next()\nprint random.range(1, 7)\n",
        "print delete_file('nope.txt')\n", "xs = sorted([3, 1, 2], lambda x: -x)\nprint xs\n",
        "def k(x):\n    return 1 / 0\nprint sorted([1, 2], k)\n", "print str(1) + 1\n", "x = None\nx.y = 1\n",
        "def f():\n    global G\n    G = 5\nf()\nprint G\n", "print ARGC\nprint ARGV\n",
        // global operands read by the instruction: order of reads, effects and errors
        "y = 1\ndef f():\n    global y\n    y = 100\n    return 1\nx = y + f()\nprint x\nz = f() + y\nprint z\n",
        "x = a_missing + b_missing\n", "x = 1 + b_missing\n", "i = i + 1\n", "n = 'a'\nn = n - 1\n",
        "n = 'a'\nn += 1\n", "len = len + 1\n", "k = 3\nk = k * 2 - k * k\nk -= 4\nprint k\n",
        "big = 9223372036854775000\nbig = big + 1000\nprint big\nm = 4000000000\nprint m * 3000000000\n",
        "t = 2.5\nt = t + 1\nprint t * 3\nprint t < 4\n",
        "xs = [1, 2]\ndef f():\n    global xs\n    xs = [7, 8]\n    return 0\nprint xs[f()]\ni = 1\nprint xs[i]\n",
        "print missing_a[missing_b]\n", "d = {'k': 1}\nprint d[missing]\n",
        "print 1\nexit(3)\nprint 2\n", "def f():\n    exit(0)\nfor i in range(3):\n    print i\n    f()\n",
        "d = {'a': 1, 'b': 2}\nfor k in d:\n    d['z' + k] = 0\nprint d\nxs = [1, 2]\nfor x in xs:\n    append(xs, x)\nprint xs\n",
        "def outer():\n    n = 0\n    def inc():\n        return n + 1\n    n = 5\n    return inc()\nprint outer()\n",
        "def mk():\n    fs = []\n    for i in range(3):\n        fs = fs + [lambda x: x + i]\n    return fs\nprint [f(10) for_x in []] if 0 else 'skip'\n",
        "class A:\n    n = 0\n    def __init__(self):\n        A.n = A.n + 1\n        self.id = A.n\na = A()\nb = A()\nprint b.id\nprint A.n\n",
        "class S:\n    def __init__(self):\n        self.v = []\n    def add(self, x):\n        append(self.v, x)\n        return self\ns = S()\ns.add(1).add(2)\nprint s.v\nt = s\nt.add(3)\nprint s.v\n",
        "x = 5\ndef f():\n    return x\nx = 6\nprint f()\ndef g():\n    x = 1\n    def h():\n        return x\n    return h\nprint g()()\n",
        "s = 'abc'\nprint s.upper()\nprint s.nope()\n", "print [1, 2].pop()\nxs = [3]\nprint xs.index(3)\nprint 'a,b'.split(',')\n",
        "print 1 if 0 else 2\nprint 'y' if 'x' else 'n'\n", "print -(-9223372036854775807 - 1)\n",


        // has_key (a quick builtin of the VM): dicts, numerically equal keys, wrong arguments; also in a hot loop
        "d = {'a': 1, 2: 'b'}\nprint has_key(d, 'a'), has_key(d, 'z'), has_key(d, 2.0), has_key(d, True)\n",
        "print has_key([1], 1)\n", "print has_key({}, [1])\n", "print has_key({'a': 1})\n",
        "d = {}\nn = 0\nfor i in range(2000):\n    if has_key(d, i % 7):\n        n = n + 1\n    d[i % 5] = 1\nprint n\n",
    };

    @Test
    public void snippetsGiveTheSameOutputAndErrors() {
        List<String> differences = new ArrayList<>();
        for (String source : SNIPPETS) {
            compare(source, source, differences);
        }
        assertEquals(String.join("\n", differences), 0, differences.size());
    }

    @Test
    public void corpusProgramsGiveTheSameOutputAndErrors() throws IOException {
        Path corpus = Corpus.conformance();
        List<String> differences = new ArrayList<>();
        int n = 0;
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(x -> x.toString().endsWith(".peb")).sorted().toList()) {
                if (p.getFileName().toString().equals("helper.peb") || p.toString().contains("/pkg/")) {
                    continue;
                }
                List<Corpus.Result> vm = List.of(Corpus.runOne(new VmEngine(), corpus, p, ""));
                List<Corpus.Result> interp = List.of(Corpus.runOne(new InterpreterEngine(), corpus, p, ""));
                if (!vm.get(0).got().equals(interp.get(0).got())) {
                    differences.add(p + "\n--- interp\n" + interp.get(0).got() + "\n--- vm\n" + vm.get(0).got());
                }
                n++;
            }
        }
        assertTrue(n > 20);
        assertEquals(String.join("\n", differences), 0, differences.size());
    }

    private static void compare(String name, String source, List<String> differences) {
        String interp = Programs.run(new InterpreterEngine(), source);
        String vm = Programs.run(new VmEngine(), source);
        if (!interp.equals(vm)) {
            differences.add("=== " + name + "--- interp\n" + interp + "--- vm\n" + vm);
        }
    }
}
