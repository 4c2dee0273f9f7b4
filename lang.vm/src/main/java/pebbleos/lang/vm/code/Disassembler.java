package pebbleos.lang.vm.code;

import java.util.ArrayList;
import java.util.List;

import pebbleos.api.value.Values;

/**
 * Prints compiled code, one instruction a line ({@code "ADDI 3 3 1"}): what
 * the compiler tests compare against and what a developer reads when
 * checking the code the compiler made. Also checks that every instruction is
 * well formed, which the bytecode loader relies on.
 */
public final class Disassembler {
    private Disassembler() {
    }

    /** The instructions of {@code proto}: mnemonic and raw operands, A first when the opcode has one. */
    public static List<String> instructions(Proto proto) {
        List<String> out = new ArrayList<>();
        int[] code = proto.code;
        for (int pc = 0; pc < code.length;) {
            Opcode op = Opcode.of(code[pc]);
            StringBuilder sb = new StringBuilder(op.name());
            if (op.hasA) {
                sb.append(' ').append(code[pc] >>> 8);
            }
            for (int i = 1; i < op.words; i++) {
                sb.append(' ').append(code[pc + i]);
            }
            out.add(sb.toString());
            pc += op.words;
        }
        return out;
    }

    /** A readable listing of every proto of a unit, with code indexes, lines and constants. */
    public static String listing(Unit unit) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < unit.protos.length; p++) {
            Proto proto = unit.protos[p];
            sb.append("proto ").append(p).append(' ').append(proto.name).append(" arity ").append(proto.arity)
                    .append(" locals ").append(proto.locals).append(" registers ").append(proto.registers)
                    .append('\n');
            int[] code = proto.code;
            for (int pc = 0; pc < code.length;) {
                Opcode op = Opcode.of(code[pc]);
                sb.append(String.format("%5d  line %-4d %-9s", pc, proto.line(pc), op.name()));
                if (op.hasA) {
                    sb.append(' ').append(code[pc] >>> 8);
                }
                for (int i = 1; i < op.words; i++) {
                    sb.append(' ').append(code[pc + i]);
                }
                if (op == Opcode.LOADK) {
                    sb.append("    ; ").append(Values.str(unit.constants[code[pc + 1]]));
                }
                sb.append('\n');
                pc += op.words;
            }
        }
        return sb.toString();
    }

    /**
     * Check that the code is a sequence of whole instructions whose registers,
     * constants, protos and jump targets are in range; the message says what is
     * wrong, null when all is well. A bytecode file passes this before it runs.
     */
    public static String verify(Unit unit) {
        for (Proto proto : unit.protos) {
            int[] code = proto.code;
            boolean[] starts = new boolean[code.length + 1];
            for (int pc = 0; pc < code.length;) {
                Opcode op = Opcode.of(code[pc]);
                if (op == null) {
                    return "unknown opcode " + (code[pc] & 0xFF) + " at " + pc + " in " + proto.name;
                }
                if (pc + op.words > code.length) {
                    return "truncated instruction at " + pc + " in " + proto.name;
                }
                starts[pc] = true;
                String bad = Operands.check(op, code, pc, proto, unit);
                if (bad != null) {
                    return bad + " at " + pc + " in " + proto.name;
                }
                pc += op.words;
            }
            for (int pc = 0; pc < code.length;) {
                Opcode op = Opcode.of(code[pc]);
                int target = Operands.jumpTarget(op, code, pc);
                if (target != -1 && (target < 0 || target >= code.length || !starts[target])) {
                    return "jump to " + target + " at " + pc + " in " + proto.name;
                }
                pc += op.words;
            }
            for (int i = 0; i < proto.handlers.length; i += 4) {
                int h = proto.handlers[i + 2];
                if (h < 0 || h >= code.length || !starts[h] || proto.handlers[i + 3] >= proto.registers) {
                    return "bad handler in " + proto.name;
                }
            }
            if (code.length == 0) {
                return "empty code in " + proto.name;
            }
            Opcode last = lastOpcode(code);
            if (last != Opcode.RET && last != Opcode.RET0 && last != Opcode.END && last != Opcode.JMP
                    && last != Opcode.THROW && last != Opcode.RAISE && last != Opcode.RERAISE) {
                return "code runs off the end in " + proto.name;
            }
        }
        return null;
    }

    private static Opcode lastOpcode(int[] code) {
        Opcode last = null;
        for (int pc = 0; pc < code.length;) {
            last = Opcode.of(code[pc]);
            pc += last.words;
        }
        return last;
    }
}
