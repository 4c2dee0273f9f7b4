package pebbleos.lang.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Program sources for fuzz and property tests of the front end and the
 * engines: seeds (the shared conformance corpus when it is beside the
 * repository, plus snippets that touch every feature), mutations of them
 * (tokens and lines deleted, duplicated, swapped or replaced, random
 * characters, broken indentation, deep bracket nesting, huge literals),
 * random text, and random programs that are syntactically valid, so that
 * the evaluator is reached with unusual values.
 *
 * <p>Everything is derived from a {@code long} seed, so a failing case is
 * reproduced by its seed; tests print the program text itself.
 */
public final class Fuzz {
    /** Snippets covering the language, used with the corpus as mutation seeds. */
    public static final List<String> SNIPPETS = List.of(
            """
            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)
            print fib(10)
            """,
            """
            xs = [3, 1, 2]
            ys = xs
            append(ys, [4, {"k": 5}])
            ys[3][1]["k"] = 6
            print xs
            print ys
            d = {"a": 1, "b": [1, 2]}
            for k in d:
                print k + str(d[k])
            print keys(d)
            """,
            """
            class Counter:
                STEP = 2
                def __init__(self, start):
                    self.value = start
                def inc(self):
                    self.value = self.value + STEP
                    return self.value
            c = Counter(3)
            m = c.inc
            print m()
            print Counter.STEP
            """,
            """
            try:
                x = 1 / 0
            except err:
                print err
            finally:
                print "done"
            try:
                raise "disk full"
            except e:
                print e
            """,
            """
            def make(n):
                def add(x):
                    return x + n
                return add
            f = make(5)
            g = lambda a, b: a * b
            print f(1) + g(2, 3)
            ops = [f, g]
            print ops[0](7)
            """,
            """
            import math
            import text
            import random
            print math.sqrt(10) + math.sin(30) + math.pow(2, 10)
            print text.repeat("ab", 3)
            random.seed(7)
            print random.range(1, 10)
            s = "hello world"
            print s[1:4] + s[-1] + s.upper()
            print 7 % 3 + 7 // 2 + 2 ** 10
            print 3 in [1, 2, 3]
            """,
            """
            import memory
            import heap
            memory.init(8)
            a = memory.alloc(3)
            memory.write(a, 42)
            print memory.slice(0, 4)
            heap.init(16)
            p = heap.alloc("pair", 2)
            heap.write(p, 1, 9)
            print heap.slice(p)
            """,
            """
            i = 0
            total = 0
            while i < 10:
                i += 1
                if i % 2 == 0:
                    continue
                total += i
            print total
            for c in "abc":
                print c * 1 if 0 else c
            print int("42") + float("1.5") + len([1, 2])
            print str(1000000 * 1000000) + str(0.1 + 0.2)
            """);

    private static final List<String> VOCABULARY = List.of(
            "if", "elif", "else", "while", "for", "in", "def", "class", "return", "raise", "try", "except",
            "finally", "import", "from", "as", "pass", "break", "continue", "and", "or", "not", "True", "False",
            "None", "lambda", "global", "del", "print",
            "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "+", "-", "*", "/", "%", "//", "**", "<", ">", "==",
            "!=", "<=", ">=", "+=", "-=", "*=", "/=",
            "0", "1", "-1", "2.5", "1e308", "0.0", "99999999999999999999999", "''", "\"x\"", "\"\\n\"", "[]", "{}",
            "x", "y", "f", "self", "__init__", "len", "range", "append", "keys", "str", "int", "float", "input",
            "argv", "read_file", "write_file", "math", "text", "os", "random", "memory", "heap", "sorted", "exit",
            "\n", "\n    ", "    ", "\t", "#", "\\", "\"", "'", ";", "@", "$", "?", "`");

    private static final List<String> KEYWORDS = List.of("if", "elif", "else", "while", "for", "in", "def", "class",
            "return", "raise", "try", "except", "finally", "import", "from", "as", "pass", "break", "continue", "and",
            "or", "not", "lambda", "global", "del", "print");

    /** Values of every kind, for replacing a name or literal. */
    private static final List<String> VALUES = List.of("0", "1", "-1", "7", "2.5", "0.0", "1e308", "-0.5",
            "123456789012345678901234567890", "True", "False", "None", "\"\"", "\"abc\"", "\"12\"", "[]", "[1, [2]]",
            "{}", "{\"k\": 1}", "len", "range", "math", "x", "ARGV", "lambda: 1", "(lambda a: a)");

    private static final Pattern TOKEN = Pattern.compile(
            // strings as unrolled loops: a group repeated per character would recurse per character
            "[ ]+|\\n|\\w+|\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"|'[^'\\\\\\n]*+(?:\\\\.[^'\\\\\\n]*+)*+'"
            + "|\\*\\*=?|//=?|[=!<>+\\-*/%]=|.");

    private Fuzz() {
    }

    /** The mutation seeds: the conformance programs and {@link #SNIPPETS}. */
    public static List<String> seeds() {
        List<String> out = new ArrayList<>(SNIPPETS);
        try (Stream<Path> walk = Files.walk(Corpus.conformance())) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".peb")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // ------------------------------------------------------------------ mutations

    /** A seed program changed by one to six random mutations. */
    public static String mutated(List<String> seeds, long seed) {
        Random r = new Random(seed);
        String program = seeds.get(r.nextInt(seeds.size()));
        // mostly one mutation, so that many mutants still parse and run
        int mutations = r.nextInt(3) == 0 ? 1 + r.nextInt(6) : 1;
        for (int i = 0; i < mutations; i++) {
            program = mutate(program, r);
        }
        return program;
    }

    private static List<String> tokens(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String mutate(String program, Random r) {
        List<String> ts = tokens(program);
        List<String> lines = new ArrayList<>(List.of(program.split("\n", -1)));
        if (ts.isEmpty()) {
            return program + VOCABULARY.get(r.nextInt(VOCABULARY.size()));
        }
        int t = r.nextInt(ts.size());
        int l = r.nextInt(lines.size());
        switch (r.nextInt(19)) {
            case 0 -> ts.remove(t);
            case 1 -> ts.add(t, ts.get(t));
            case 2 -> {
                int u = Math.min(ts.size() - 1, t + 1 + r.nextInt(3));
                String a = ts.get(t);
                ts.set(t, ts.get(u));
                ts.set(u, a);
            }
            case 3 -> ts.set(t, VOCABULARY.get(r.nextInt(VOCABULARY.size())));
            case 4 -> ts.add(t, VOCABULARY.get(r.nextInt(VOCABULARY.size())));
            case 5 -> {
                lines.remove(l);
                return String.join("\n", lines);
            }
            case 6 -> {
                lines.add(l, lines.get(l));
                return String.join("\n", lines);
            }
            case 7 -> {
                int m = r.nextInt(lines.size());
                String a = lines.get(l);
                lines.set(l, lines.get(m));
                lines.set(m, a);
                return String.join("\n", lines);
            }
            case 8 -> {
                String[] indents = {"    ", " ", "  ", "\t", "        "};
                String line = lines.get(l);
                lines.set(l, r.nextBoolean() ? indents[r.nextInt(indents.length)] + line : line.stripLeading());
                return String.join("\n", lines);
            }
            case 9 -> {
                StringBuilder sb = new StringBuilder(program);
                int at = r.nextInt(sb.length() + 1);
                for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    sb.insert(at, randomChar(r));
                }
                return sb.toString();
            }
            case 10 -> {
                int depth = 1 + r.nextInt(r.nextBoolean() ? 20 : 400);
                String[][] pairs = {{"(", ")"}, {"[", "]"}, {"{", "}"}, {"-", ""}, {"not ", ""}};
                String[] pair = pairs[r.nextInt(pairs.length)];
                ts.set(t, pair[0].repeat(depth) + ts.get(t) + pair[1].repeat(depth));
            }
            case 11 -> ts.set(t, hugeLiteral(r));
            case 12 -> {
                return program.substring(0, r.nextInt(program.length() + 1));
            }
            case 13 -> {
                // nest the rest of the program one level deeper under a new header
                String[] headers = {"if 1:", "while 0:", "def g():", "class K:", "try:", "for q in [1]:"};
                List<String> out = new ArrayList<>(lines.subList(0, l));
                out.add(headers[r.nextInt(headers.length)]);
                for (String line : lines.subList(l, lines.size())) {
                    out.add("    " + line);
                }
                return String.join("\n", out);
            }
            case 14 -> ts.add(t, " " + VOCABULARY.get(r.nextInt(VOCABULARY.size())) + " ");
            case 15, 16, 17 -> {
                // a value for a value: the program still parses, and runs into unusual operands
                for (int k = 0; k < ts.size(); k++) {
                    int at = (t + k) % ts.size();
                    if (ts.get(at).matches("\\w+|\".*\"|'.*'") && !KEYWORDS.contains(ts.get(at))) {
                        ts.set(at, VALUES.get(r.nextInt(VALUES.size())));
                        break;
                    }
                }
            }
            default -> {
                // splice a line of another snippet in
                String other = SNIPPETS.get(r.nextInt(SNIPPETS.size()));
                String[] otherLines = other.split("\n");
                lines.add(l, otherLines[r.nextInt(otherLines.length)]);
                return String.join("\n", lines);
            }
        }
        return String.join("", ts);
    }

    private static char randomChar(Random r) {
        String common = " \n\t()[]{}:,.=+-*/%<>!\"'\\#_0123456789abcxyz";
        return switch (r.nextInt(4)) {
            case 0 -> (char) r.nextInt(0x10000);
            case 1 -> (char) r.nextInt(128);
            default -> common.charAt(r.nextInt(common.length()));
        };
    }

    /** A big number or string literal. */
    public static String hugeLiteral(Random r) {
        int n = 1 + r.nextInt(r.nextBoolean() ? 50 : 20_000);
        return switch (r.nextInt(5)) {
            case 0 -> "9".repeat(n);
            case 1 -> "1" + "0".repeat(n) + ".5";
            case 2 -> "\"" + "x".repeat(n * 5) + "\"";
            case 3 -> "1e" + n;
            default -> "0x" + "f".repeat(n);
        };
    }

    // ------------------------------------------------------------------ random text

    /** Random text biased toward Pebble's tokens and layout. */
    public static String randomText(long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(300);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
                sb.append(randomChar(r));
            } else {
                sb.append(VOCABULARY.get(r.nextInt(VOCABULARY.size()))).append(r.nextBoolean() ? " " : "");
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ valid random programs

    /**
     * A random program that parses: assignments, prints, loops with bounded
     * counters, functions, classes, try/except, over random values of every
     * kind and every operator and builtin, so that it runs into the
     * evaluator's and the builtins' error paths with unusual operands.
     */
    public static String generated(long seed) {
        return new Generator(new Random(seed)).program();
    }

    private static final class Generator {
        private static final String[] BINARY = {"+", "-", "*", "/", "//", "%", "**", "<", ">", "==", "!=", "<=", ">=",
            "and", "or", "in", "not in"};
        private static final String[] CALLS = {"len(%s)", "str(%s)", "int(%s)", "float(%s)", "range(%s)",
            "keys(%s)", "append(%s, %s)", "sorted(%s)", "min(%s)", "max(%s)", "sum(%s)", "range(%s, %s)",
            "range(%s, %s, %s)", "math.sqrt(%s)", "math.pow(%s, %s)", "math.sin(%s)", "math.tan(%s)",
            "math.abs(%s)", "text.repeat(%s, %s)", "text.lines(%s)", "text.join(%s)", "random.range(%s, %s)",
            "memory.init(%s)", "memory.read(%s)", "memory.write(%s, %s)", "memory.alloc(%s)",
            "memory.copy(%s, %s, %s)", "heap.init(%s)", "heap.alloc(%s, %s)", "heap.read(%s, %s)",
            "%s.upper()", "%s.split(%s)", "%s.pop()", "%s.get(%s)", "%s.find(%s)", "%s.join(%s)",
            "%s.replace(%s, %s)", "%s.append(%s)", "%s.insert(%s, %s)", "%s.index(%s)", "%s.items()",
            "%s[%s]", "%s[%s:%s]", "%s.%s", "f(%s)", "g(%s, %s)", "K(%s).m(%s)", "(lambda a: %s)(%s)",
            "argv(%s)", "chr(%s)", "ord(%s)", "round(%s)", "hex(%s)", "repr(%s)", "dict(%s)", "list(%s)"};
        private static final String[] NAMES = {"a", "b", "c", "xs", "d", "s"};

        private final Random r;
        private final StringBuilder out = new StringBuilder();
        private int depth;

        Generator(Random r) {
            this.r = r;
        }

        String program() {
            out.append("import math\nimport text\nimport random\nimport memory\nimport heap\n");
            out.append("def f(x):\n    return x\n");
            out.append("def g(x, y):\n    return ").append(expr(2)).append('\n');
            out.append("class K:\n    V = 1\n    def __init__(self, v):\n        self.v = v\n");
            out.append("    def m(self, w):\n        return ").append(expr(2)).append('\n');
            for (String n : NAMES) {
                out.append(n).append(" = ").append(atom().replaceAll("^[a-z]+$", "0")).append('\n');
            }
            int statements = 3 + r.nextInt(20);
            for (int i = 0; i < statements; i++) {
                if (r.nextInt(4) == 0) {
                    statement(0);
                } else {
                    // most statements guarded, so that one failing operation does not end the program
                    line(0, "try:");
                    depth++;
                    statement(1);
                    depth--;
                    line(0, "except err:");
                    line(1, "print err");
                }
            }
            return out.toString();
        }

        private void line(int indent, String text) {
            out.append("    ".repeat(indent)).append(text).append('\n');
        }

        private void statement(int indent) {
            String name = NAMES[r.nextInt(NAMES.length)];
            switch (depth > 2 ? r.nextInt(4) : r.nextInt(10)) {
                case 0 -> line(indent, name + " = " + expr(3));
                case 1 -> line(indent, "print " + expr(3));
                case 2 -> line(indent, name + " " + new String[] {"+=", "-=", "*=", "/="}[r.nextInt(4)] + " " + expr(2));
                case 3 -> line(indent, name + "[" + expr(1) + "] = " + expr(2));
                case 4 -> block(indent, "if " + expr(2) + ":");
                case 5 -> {
                    line(indent, "n" + depth + " = 0");
                    block(indent, "while n" + depth + " < " + r.nextInt(5) + ":", "n" + depth + " = n" + depth + " + 1");
                }
                case 6 -> block(indent, "for " + name + " in " + expr(2) + ":");
                case 7 -> {
                    block(indent, "try:");
                    block(indent, r.nextBoolean() ? "except err:" : "except:");
                }
                case 8 -> block(indent, "def h" + r.nextInt(3) + "(" + name + "):", "return " + expr(2));
                default -> line(indent, "raise " + expr(1));
            }
        }

        private void block(int indent, String header, String... first) {
            line(indent, header);
            depth++;
            for (String s : first) {
                line(indent + 1, s);
            }
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                statement(indent + 1);
            }
            depth--;
        }

        private String expr(int budget) {
            if (budget <= 0 || r.nextInt(4) == 0) {
                return atom();
            }
            switch (r.nextInt(5)) {
                case 0, 1 -> {
                    return "(" + expr(budget - 1) + " " + BINARY[r.nextInt(BINARY.length)] + " " + expr(budget - 1) + ")";
                }
                case 2 -> {
                    return "(" + (r.nextBoolean() ? "-" : "not ") + expr(budget - 1) + ")";
                }
                case 3 -> {
                    String call = CALLS[r.nextInt(CALLS.length)];
                    Object[] args = new Object[call.split("%s", -1).length - 1];
                    for (int i = 0; i < args.length; i++) {
                        boolean name = (call.startsWith("%s.%s") && i == 1) || (call.startsWith("%s[%s:") && i == 0);
                        args[i] = name ? NAMES[r.nextInt(NAMES.length)] : expr(budget - 1);
                    }
                    return String.format(call, args);
                }
                default -> {
                    return r.nextBoolean() ? "[" + expr(budget - 1) + ", " + expr(budget - 1) + "]"
                            : "{" + atom() + ": " + expr(budget - 1) + "}";
                }
            }
        }

        private String atom() {
            return switch (r.nextInt(16)) {
                case 0 -> String.valueOf(r.nextInt(10));
                case 1 -> String.valueOf(r.nextInt());
                case 2 -> String.valueOf(r.nextLong()).replace("-", "") + "0000000000";
                case 3 -> new String[] {"0.5", "1e300", "0.1", "3.0", "1e-300"}[r.nextInt(5)];
                case 4 -> new String[] {"\"\"", "\"abc\"", "\"3\"", "\"a,b\"", "\"\\n\"", "\"-1.5\""}[r.nextInt(6)];
                case 5 -> new String[] {"True", "False", "None"}[r.nextInt(3)];
                case 6 -> new String[] {"[]", "{}", "[1, [2]]", "{\"k\": [1]}"}[r.nextInt(4)];
                case 7 -> new String[] {"f", "g", "K", "len", "math", "math.sin", "K(1).m", "lambda: 1"}[r.nextInt(8)];
                case 8 -> "ARGV";
                default -> NAMES[r.nextInt(NAMES.length)];
            };
        }
    }
}
