package pebbleos.lang.vm.jit;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.compiler.Compiler;

/**
 * Which register writes the translator keeps off the value stack: a value
 * used up within its straight run stays in a JVM local; one that the machine
 * could still read from the stack (after a call, at a handler, around a
 * loop) is stored as before.
 */
public class TemporariesTest {
    @Test
    public void anIntermediateOfAnExpressionStaysInALocal() {
        Proto f = function("def f(a, b, c):\n    return a * b + c\n");
        assertTrue(keptAt(f, Opcode.MUL));
    }

    @Test
    public void aValueAHandlerReadsGoesToTheStack() {
        Proto f = function("def f(a, b):\n    r = 0\n    try:\n        r = a * 2\n        q = a + b\n"
                + "    except:\n        return r\n    return q\n");
        assertFalse(keptAt(f, Opcode.MULI));
    }

    @Test
    public void aValueLiveAcrossACallGoesToTheStack() {
        Proto f = function("def g(x):\n    return x\ndef f(a):\n    return a * 3 + g(a)\n", 2);
        assertFalse(keptAt(f, Opcode.MULI));
    }

    @Test
    public void aLoopVariableGoesToTheStack() {
        Proto f = function("def f(n):\n    i = 0\n    while i < n:\n        i = i + 1\n    return i\n");
        assertFalse(keptAt(f, Opcode.ADDI));
    }

    private static Proto function(String source) {
        return function(source, 1);
    }

    private static Proto function(String source, int index) {
        return Compiler.compile("t.peb", source, "").protos[index];
    }

    /** Whether the first instruction with opcode {@code op} in {@code p} keeps its written register off the stack. */
    private static boolean keptAt(Proto p, Opcode op) {
        Temporaries t = Temporaries.of(p);
        for (int pc = 0; pc < p.code.length; pc += Opcode.of(p.code[pc]).words) {
            if (Opcode.of(p.code[pc]) == op) {
                return t.kept(pc);
            }
        }
        throw new AssertionError("no " + op + " in the code");
    }
}
