package pebbleos.lang.vm.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import pebbleos.lang.vm.code.Opcode;

/**
 * Emits the code of one function: instruction words, the line table, jump
 * patching, register allocation (a stack: temporaries are allocated above the
 * locals and released in reverse order) and the handler tables.
 */
final class CodeBuilder {
    private int[] code = new int[64];
    private int size;
    /** The source line instructions emitted now are reported at. */
    int line;
    private int[] lines = new int[16];
    private int lineCount;
    private int top;
    private int max;
    private final List<int[]> handlers = new ArrayList<>();
    private final List<int[]> handling = new ArrayList<>();

    CodeBuilder(int locals, int line) {
        this.top = locals;
        this.max = locals;
        this.line = line;
    }

    // ------------------------------------------------------------------ registers

    /** A fresh temporary register. */
    int alloc() {
        int r = top++;
        if (top > max) {
            max = top;
        }
        return r;
    }

    /** {@code n} consecutive fresh registers; returns the first. */
    int alloc(int n) {
        int first = top;
        top += n;
        if (top > max) {
            max = top;
        }
        return first;
    }

    /** The first free register: release back to it with {@link #release}. */
    int top() {
        return top;
    }

    void release(int mark) {
        top = mark;
    }

    int registers() {
        return Math.max(max, 1);
    }

    // ------------------------------------------------------------------ code

    int pc() {
        return size;
    }

    private void word(int w) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
        }
        code[size++] = w;
    }

    private void start(Opcode op, int a) {
        if (lineCount == 0 || lines[lineCount * 2 - 1] != line) {
            if (lineCount * 2 == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[lineCount * 2] = size;
            lines[lineCount * 2 + 1] = line;
            lineCount++;
        }
        if (a < 0 || a > 0xFFFFFF) {
            throw new IllegalStateException("register out of range: " + a);
        }
        word(op.ordinal() | (a << 8));
    }

    /** Emit {@code op A operands...}; the operand count must match the opcode. */
    void emit(Opcode op, int a, int... rest) {
        if (rest.length + 1 != op.words) {
            throw new IllegalArgumentException(op + " takes " + (op.words - 1) + " operands after A");
        }
        start(op, a);
        for (int w : rest) {
            word(w);
        }
    }

    /** Emit an opcode without operands (RET0, END, PRINTNL, RERAISE). */
    void emit(Opcode op) {
        start(op, 0);
    }

    /** Emit {@code op A operands... J} whose last word is the target of {@code label}. */
    void emitJump(Opcode op, int a, Label label, int... rest) {
        if (rest.length + 2 != op.words) {
            throw new IllegalArgumentException(op + " takes " + (op.words - 1) + " operands after A");
        }
        start(op, a);
        for (int w : rest) {
            word(w);
        }
        target(label);
    }

    /** Emit {@code JMP J}. */
    void jump(Label label) {
        start(Opcode.JMP, 0);
        target(label);
    }

    private void target(Label label) {
        if (label.bound()) {
            word(label.position);
        } else {
            label.uses.add(size);
            word(-1);
        }
    }

    void bind(Label label) {
        label.position = size;
        for (int use : label.uses) {
            code[use] = size;
        }
        label.uses.clear();
    }

    /** Make the region's still-open interval end here and record its handler entries. */
    void addHandler(Region region, Label handler, int register) {
        for (int[] iv : region.intervals) {
            handlers.add(new int[] {iv[0], iv[1], handler.position, register});
        }
    }

    void addHandling(Region region, int register) {
        for (int[] iv : region.intervals) {
            handling.add(new int[] {iv[0], iv[1], register});
        }
    }

    // ------------------------------------------------------------------ results

    int[] code() {
        return Arrays.copyOf(code, size);
    }

    int[] lines() {
        return Arrays.copyOf(lines, lineCount * 2);
    }

    int[] handlers() {
        return flatten(handlers, 4);
    }

    int[] handling() {
        return flatten(handling, 3);
    }

    private static int[] flatten(List<int[]> rows, int width) {
        int[] out = new int[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * width, width);
        }
        return out;
    }
}
