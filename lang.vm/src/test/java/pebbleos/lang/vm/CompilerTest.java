package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.Test;

import pebbleos.lang.vm.code.Disassembler;
import pebbleos.lang.vm.code.Opcode;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.compiler.Compiler;

/** The exact instructions the compiler makes for small snippets. */
public class CompilerTest {
    private static List<String> module(String source) {
        Unit u = Compiler.compile("t.peb", source, "");
        assertNull(Disassembler.verify(u));
        return Disassembler.instructions(u.protos[0]);
    }

    private static List<String> function(String source) {
        Unit u = Compiler.compile("t.peb", source, "");
        assertNull(Disassembler.verify(u));
        return Disassembler.instructions(u.protos[1]);
    }

    @Test
    public void opcodeConstantsAreTheOrdinals() throws Exception {
        for (Opcode op : Opcode.values()) {
            Field f = Opcode.class.getField("OP_" + op.name());
            assertEquals(op.name(), op.ordinal(), f.getInt(null));
        }
    }

    @Test
    public void globalIncrementIsOneInstruction() {
        assertEquals(List.of("INCG 0 1 0", "INCG 0 2 1", "END"), module("i = i + 1\ni -= 2\n"));
    }

    @Test
    public void globalOperandsAreReadByTheInstructionWhenNothingRunsBetween() {
        assertEquals(List.of("MUL 0 -1 -2", "SETG 0 2", "END"), module("x = y * z\n"));
        // f() runs between: y must be read before it
        assertEquals(List.of("GETG 1 0", "GETGC 2 1 0", "CALL 2 0", "ADD 0 1 2", "SETG 0 2", "END"),
                module("x = y + f()\n"));
    }

    @Test
    public void textBuiltOfThreePartsIsOneConcatenation() {
        assertEquals(List.of("LOADK 1 0", "GETG 2 0", "LOADK 3 1", "CONCAT3 0 1 2 3", "SETG 0 1", "END"),
                module("s = 'a' + t + 'b'\n"));
        // the last part is a call: the first addition must run (and fail) before it
        assertFalse(module("s = 'a' + t + f()\n").toString().contains("CONCAT3"));
        // no string literal: not text being built
        assertFalse(module("s = a + b + 1\n").toString().contains("CONCAT3"));
    }

    @Test
    public void whileLoopTestsAtTheBottomWithOneCompareAndJump() {
        assertEquals(List.of("LOADK 0 0", "SETG 0 0", "JMP 10", "INCG 0 1 0", "GETG 0 0", "JLTI 0 10 1 6", "END"),
                module("i = 0\nwhile i < 10:\n    i = i + 1\n"));
    }

    @Test
    public void parametersAreRegistersAndArithmeticGoesStraightIntoLocals() {
        assertEquals(List.of("ADD 2 0 1", "SUBI 2 2 1", "RET 2", "RET0"),
                function("def f(a, b):\n    c = a + b\n    c = c - 1\n    return c\n"));
    }

    @Test
    public void aLocalReadBeforeItIsSurelyAssignedIsChecked() {
        assertEquals(List.of("JF 0 4", "LOADK 1 0", "CHECK 1", "RET 1", "RET0"),
                function("def f(a):\n    if a:\n        b = 1\n    return b\n"));
    }

    @Test
    public void callOfAGlobalChecksArityBeforeTheArguments() {
        assertEquals(List.of("GETGC 1 0 1", "SUBI 2 0 1", "CALL 1 1", "RET 1", "RET0"),
                function("def f(n):\n    return f(n - 1)\n"));
    }

    @Test
    public void methodCallLooksUpBeforeItsArgumentsWithoutABoundMethod() {
        assertEquals(List.of("GETG 1 0", "LOOKUP 0 0 1", "LOADK 2 1", "CALLM 0 1", "END"), module("o.m(2)\n"));
    }

    @Test
    public void forOverRangeCountsWithoutAList() {
        assertEquals(List.of("GETGC 0 0 -1", "LOADK 1 0", "FORRANGE 0 1 18", "CALL 0 1", "ITER 0", "JMP 18",
                "SETG 1 1", "GETG 1 1", "PRINT 1", "FORNEXT 0 1 13", "END"), module("for i in range(3):\n    print i\n"));
    }

    @Test
    public void finallyIsInlinedOnReturnAndRunAsAHandler() {
        List<String> code = function("def f():\n    try:\n        return 1\n    finally:\n        print 2\n");
        assertEquals(List.of("LOADK 0 0", "LOADK 1 1", "PRINT 1", "RET 0", "LOADK 0 1", "PRINT 0", "JMP 15",
                "LOADK 1 1", "PRINT 1", "THROW 0", "RET0"), code);
    }

    @Test
    public void plusAssignOnAGlobalSkipsTheStoreWhenItExtendsAList() {
        assertEquals(List.of("GETG 0 1", "GETG 1 0", "IADD 0 0 1 10", "SETG 0 1", "END"), module("xs += ys\n"));
    }
}
