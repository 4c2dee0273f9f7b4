package pebbleos.kernel.text.regex;

import java.util.Arrays;

/**
 * The POSIX search for programs with backreferences, which no automaton can
 * run: a depth-first walk of every path from each candidate start, keeping
 * the longest match (the first found among equally long ones). Its time can
 * grow exponentially with the pattern, as in every matcher of backreferences;
 * it polls for signals so that Ctrl-C stops it.
 *
 * <p>An empty loop (a group that can match nothing, repeated) would run
 * forever: a path that takes more instructions than the program has without
 * consuming a character is in such a loop and is dropped.
 */
final class Backtracker {
    private final Program p;
    private int[] stackPc = new int[64];
    private int[] stackPos = new int[64];
    private int[] stackIdle = new int[64];
    private int[][] stackCaps = new int[64][];

    Backtracker(Program p) {
        this.p = p;
    }

    int[] search(String text, int from, Interrupts interrupts) {
        int i = from;
        while (true) {
            i = p.candidate(text, i, from);
            if (i < 0) {
                return null;
            }
            int[] found = longestAt(text, i, interrupts);
            if (found != null) {
                return found;
            }
            i++;
        }
    }

    private void push(int top, int pc, int pos, int idle, int[] caps) {
        if (top == stackPc.length) {
            int n = top * 2;
            stackPc = Arrays.copyOf(stackPc, n);
            stackPos = Arrays.copyOf(stackPos, n);
            stackIdle = Arrays.copyOf(stackIdle, n);
            stackCaps = Arrays.copyOf(stackCaps, n);
        }
        stackPc[top] = pc;
        stackPos[top] = pos;
        stackIdle[top] = idle;
        stackCaps[top] = caps;
    }

    private int[] longestAt(String text, int start, Interrupts interrupts) {
        int[] best = null;
        int[] seed = new int[p.slots];
        Arrays.fill(seed, -1);
        seed[0] = start;
        int top = 0;
        push(top++, 0, start, 0, seed);
        long steps = 0;
        int len = text.length();
        while (top > 0) {
            top--;
            int pc = stackPc[top];
            int pos = stackPos[top];
            int idle = stackIdle[top];
            int[] caps = stackCaps[top];
            stackCaps[top] = null;
            if ((++steps & 0xffff) == 0) {
                interrupts.poll();
            }
            if (idle > p.size()) {
                continue;
            }
            switch (p.op[pc]) {
                case Program.MATCH -> {
                    if (best == null || pos > best[1]) {
                        best = caps.clone();
                        best[1] = pos;
                    }
                }
                case Program.JMP -> push(top++, p.x[pc], pos, idle + 1, caps);
                case Program.SPLIT -> {
                    push(top++, p.y[pc], pos, idle + 1, caps);
                    push(top++, p.x[pc], pos, idle + 1, caps);
                }
                case Program.SAVE -> {
                    int[] copy = caps.clone();
                    copy[p.x[pc]] = pos;
                    push(top++, pc + 1, pos, idle + 1, copy);
                }
                case Program.ASSERT -> {
                    if (p.holds(p.x[pc], text, pos)) {
                        push(top++, pc + 1, pos, idle + 1, caps);
                    }
                }
                case Program.BACKREF -> {
                    int g = p.x[pc];
                    int s = caps[2 * g];
                    int e = caps[2 * g + 1];
                    if (s < 0 || e < 0) {
                        break; // a group that took no part matches nothing (as in GNU)
                    }
                    int n = e - s;
                    if (pos + n <= len && sameText(text, s, pos, n)) {
                        push(top++, pc + 1, pos + n, n == 0 ? idle + 1 : 0, caps);
                    }
                }
                default -> {
                    if (pos < len && p.consumes(pc, text.charAt(pos))) {
                        push(top++, pc + 1, pos + 1, 0, caps);
                    }
                }
            }
        }
        return best;
    }

    private boolean sameText(String text, int a, int b, int n) {
        for (int k = 0; k < n; k++) {
            char x = text.charAt(a + k);
            char y = text.charAt(b + k);
            if (x != y && !(p.ignoreCase && Character.toLowerCase(x) == Character.toLowerCase(y))) {
                return false;
            }
        }
        return true;
    }
}
