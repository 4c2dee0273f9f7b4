package pebbleos.lang.vm.code;

/**
 * Operand checks for the bytecode verifier, driven by the operand letters of
 * {@link Opcode} (the letters of its class comment: A B C D registers, K
 * constants, G globals, U captured cells, P protos, N counts, I immediates,
 * S senses, F flags, J jump targets).
 */
final class Operands {
    private Operands() {
    }

    /** What is wrong with the operands of the instruction at {@code pc}, or null. */
    static String check(Opcode op, int[] code, int pc, Proto proto, Unit unit) {
        String[] letters = op.letters;
        int count = 0;
        for (int i = 0; i < letters.length; i++) {
            int v = operand(op, code, pc, i);
            boolean global = v < 0 && globalOperand(op, letters[i]);
            String bad = global ? (-1 - v >= unit.globalNames.length ? "global operand " + v : null) : switch (letters[i]) {
                case "A", "B", "C", "D" -> v < -1 || v >= proto.registers
                        || (v == -1 && !optional(op, letters[i])) ? "register " + v : null;
                case "K" -> v < 0 || v >= unit.constants.length ? "constant " + v : null;
                case "G" -> v < 0 || v >= unit.globalNames.length ? "global " + v : null;
                case "U" -> v < 0 || v >= proto.freeNames.length ? "captured cell " + v : null;
                case "P" -> v <= 0 || v >= unit.protos.length ? "proto " + v : null;
                case "N" -> v < -1 || v > 0xFFFF ? "count " + v : null;
                case "S", "F" -> v != 0 && v != 1 ? "flag " + v : null;
                default -> null;
            };
            if (bad != null) {
                return "bad " + bad + " of " + op;
            }
            if (letters[i].equals("N")) {
                count = Math.max(0, v);
            }
        }
        // instructions that address a run of registers after A
        int a = code[pc] >>> 8;
        int last = switch (op) {
            case CALL, FORRANGE -> a + count;
            case LOOKUP, CALLM -> a + count + 1;
            case NEWLIST -> code[pc + 1] + count - 1;
            default -> -1;
        };
        if (last >= proto.registers) {
            return "register run past the frame of " + op;
        }
        return null;
    }

    /** Operands that may name a global with a negative value (see {@link Opcode}). */
    static boolean globalOperand(Opcode op, String letter) {
        int o = op.ordinal();
        if ((o >= Opcode.OP_ADD && o <= Opcode.OP_SUBI) || o == Opcode.OP_MULI || (o >= Opcode.OP_LT && o <= Opcode.OP_NIN)
                || o == Opcode.OP_GETX) {
            return letter.equals("B") || letter.equals("C");
        }
        return o >= Opcode.OP_JLT && o <= Opcode.OP_JNE && letter.equals("B");
    }

    private static boolean optional(Opcode op, String letter) {
        return (op == Opcode.SLICE && (letter.equals("C") || letter.equals("D")))
                || (op == Opcode.CLASS && letter.equals("C"));
    }

    /** Operand {@code i} (0 = the first letter) of the instruction at {@code pc}. */
    static int operand(Opcode op, int[] code, int pc, int i) {
        if (op.hasA) {
            return i == 0 ? code[pc] >>> 8 : code[pc + i];
        }
        return code[pc + 1 + i];
    }

    /** The jump target of the instruction at {@code pc}, or -1 when it does not jump. */
    static int jumpTarget(Opcode op, int[] code, int pc) {
        String[] letters = op.letters;
        for (int i = 0; i < letters.length; i++) {
            if (letters[i].equals("J")) {
                int t = operand(op, code, pc, i);
                return t < 0 ? -2 : t;
            }
        }
        return -1;
    }
}
