package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import pebbleos.lang.interp.InterpreterEngine;
import pebbleos.lang.vm.jit.JitCompiler;

/**
 * Generated arithmetic in loops, in a function and at module level, over
 * values that leave the compiled code's unboxed paths every way they can
 * (ints at the edge of a long or of a double's precision, big ints, floats,
 * zero divisors, a boolean, a string, a list): the VM compiling at once and after two passes prints exactly what
 * the interpreter prints. A failure prints the program; its seed reproduces
 * it.
 */
public class ArithmeticParityTest {
    private static final String[] VALUES = {"0", "1", "-1", "7", "-3", "3037000500", "4611686018427387904",
        "-4611686018427387904", "9223372036854775807", "-9223372036854775807", "99999999999999999999", "2.5",
        "-0.5", "0.0", "1e308", "9007199254740993", "True", "\"s\"", "[1]"};
    private static final String[] LEAVES = {"a", "b", "c", "g", "i", "t", "2", "1", "3", "1000000007", "0.5", "0.0",
        "1.5"};
    private static final String[] ARITHMETIC = {"+", "-", "*", "/"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 150)
    void compiledArithmeticMatchesTheInterpreter(@ForAll("seeds") long seed) {
        String source = program(new Random(seed));
        String expected = Programs.run(new InterpreterEngine(), source);
        for (int threshold : new int[] {0, 2}) {
            String vm = Programs.run(new VmEngine(new JitCompiler(threshold)), source);
            assertEquals("threshold " + threshold + ", program:\n" + source, expected, vm);
        }
    }

    private static String program(Random r) {
        StringBuilder s = new StringBuilder();
        s.append("g = ").append(pick(r, VALUES)).append('\n');
        s.append("def f(a, b, c):\n");
        body(r, s, "    ");
        s.append("    return t\n");
        for (int k = 0; k < 3; k++) {
            s.append("try:\n    print f(").append(pick(r, VALUES)).append(", ").append(pick(r, VALUES)).append(", ")
                    .append(pick(r, VALUES)).append(")\nexcept e:\n    print \"error: \" + str(e)\n");
        }
        s.append("a = ").append(pick(r, VALUES)).append("\nb = ").append(pick(r, VALUES)).append("\nc = ")
                .append(pick(r, VALUES)).append('\n');
        s.append("try:\n");
        body(r, s, "    ");
        s.append("    print t\nexcept e:\n    print \"error: \" + str(e)\n");
        return s.toString();
    }

    /** A loop of three passes: t assigned an expression, a test on two more, an inner loop that may not run. */
    private static void body(Random r, StringBuilder s, String in) {
        s.append(in).append("t = 0\n").append(in).append("i = 0\n");
        s.append(in).append("while i < 3:\n");
        s.append(in).append("    t = ").append(expression(r, 3)).append('\n');
        s.append(in).append("    if ").append(expression(r, 2)).append(' ').append(pick(r, COMPARISONS)).append(' ')
                .append(expression(r, 2)).append(":\n");
        s.append(in).append("        t = t - ").append(expression(r, 1)).append('\n');
        s.append(in).append("    while ").append(expression(r, 2)).append(' ').append(pick(r, COMPARISONS))
                .append(' ').append(expression(r, 1)).append(" and i < 0:\n");
        s.append(in).append("        i = i - 1\n");
        s.append(in).append("    i = i + 1\n");
    }

    private static String expression(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return pick(r, LEAVES);
        }
        return "(" + expression(r, depth - 1) + " " + pick(r, ARITHMETIC) + " " + expression(r, depth - 1) + ")";
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
