package pebbleos.kernel.text.regex;

import java.util.Arrays;

/**
 * The POSIX search without backreferences: a Thompson-NFA simulation (Pike's
 * VM) that runs every thread in step over the text, so its time is linear
 * in the text whatever the pattern. It finds the leftmost match and, of the
 * matches starting there, the longest (POSIX's rule, which GNU grep, sed and
 * awk follow); between threads that reach the same end, the submatches of
 * the preferred one (the first alternative, the greediest repetition) win.
 *
 * <p>Threads are kept in priority order, which is also the order of their
 * start positions: a thread seeded at position i comes after every thread
 * carried over from before i. A thread that reaches MATCH removes those
 * that started later; no new thread is seeded after a match.
 */
final class PikeVm {
    private final Program p;
    private final Threads current;
    private final Threads next;
    private final int[] stackPc;
    private final int[][] stackCaps;

    PikeVm(Program p) {
        this.p = p;
        this.current = new Threads(p.size());
        this.next = new Threads(p.size());
        this.stackPc = new int[p.size() * 2 + 2];
        this.stackCaps = new int[p.size() * 2 + 2][];
    }

    /**
     * The threads of one step: at most one per pc, in priority order (a sparse
     * set). Instructions passed through without consuming (JMP, SPLIT, SAVE,
     * ASSERT) stay in it with no captures, so that a later, weaker path does
     * not run them again in the same step.
     */
    private static final class Threads {
        final int[] pcs;
        final int[][] caps;
        final int[] index;
        int size;
        /** Entries that are threads (not passed-through instructions). */
        int live;

        Threads(int n) {
            pcs = new int[n];
            caps = new int[n][];
            index = new int[n];
        }

        boolean has(int pc) {
            int i = index[pc];
            return i < size && pcs[i] == pc;
        }

        void mark(int pc) {
            index[pc] = size;
            pcs[size] = pc;
            caps[size] = null;
            size++;
        }
    }

    /**
     * The capture slots of the leftmost-longest match starting at or after
     * {@code from}, or null. Slot 0 and 1 hold the match; -1 marks a group
     * that took no part.
     */
    int[] search(String text, int from, Interrupts interrupts) {
        int len = text.length();
        int[] best = null;
        Threads clist = current;
        Threads nlist = next;
        clist.size = 0;
        clist.live = 0;
        int i = from;
        int steps = 0;
        while (true) {
            if (best == null) {
                if (clist.live == 0) {
                    clist.size = 0;
                    i = p.candidate(text, i, from);
                    if (i < 0) {
                        return null;
                    }
                }
                int[] seed = new int[p.slots];
                Arrays.fill(seed, -1);
                seed[0] = i;
                add(clist, 0, seed, text, i);
            }
            if (clist.live == 0) {
                if (best != null || i >= len) {
                    return best;
                }
                i++; // nothing can start here after all (an assertion failed): on to the next candidate
                continue;
            }
            if ((++steps & 0xffff) == 0) {
                interrupts.poll();
            }
            nlist.size = 0;
            nlist.live = 0;
            char c = i < len ? text.charAt(i) : 0;
            for (int k = 0; k < clist.size; k++) {
                int[] caps = clist.caps[k];
                if (caps == null) {
                    continue; // an instruction passed through without consuming: no thread
                }
                int pc = clist.pcs[k];
                if (p.op[pc] == Program.MATCH) {
                    if (best == null || caps[0] < best[0] || caps[0] == best[0] && i > best[1]) {
                        best = caps.clone();
                        best[1] = i;
                    }
                    // threads that started later lose to this match
                    int cut = k + 1;
                    while (cut < clist.size && (clist.caps[cut] == null || clist.caps[cut][0] <= caps[0])) {
                        cut++;
                    }
                    clist.size = cut;
                    continue;
                }
                if (i < len && p.consumes(pc, c)) {
                    add(nlist, pc + 1, caps, text, i + 1);
                }
            }
            if (i >= len) {
                return best;
            }
            Threads t = clist;
            clist = nlist;
            nlist = t;
            i++;
        }
    }

    /** Add the thread at pc and everything it reaches without consuming, in priority order. */
    private void add(Threads list, int pc0, int[] caps0, String text, int pos) {
        int top = 0;
        stackPc[top] = pc0;
        stackCaps[top++] = caps0;
        while (top > 0) {
            top--;
            int pc = stackPc[top];
            int[] caps = stackCaps[top];
            stackCaps[top] = null;
            if (list.has(pc)) {
                continue;
            }
            list.mark(pc);
            switch (p.op[pc]) {
                case Program.JMP -> {
                    stackPc[top] = p.x[pc];
                    stackCaps[top++] = caps;
                }
                case Program.SPLIT -> {
                    stackPc[top] = p.y[pc];
                    stackCaps[top++] = caps;
                    stackPc[top] = p.x[pc];
                    stackCaps[top++] = caps;
                }
                case Program.SAVE -> {
                    int[] copy = caps.clone();
                    copy[p.x[pc]] = pos;
                    stackPc[top] = pc + 1;
                    stackCaps[top++] = copy;
                }
                case Program.ASSERT -> {
                    if (p.holds(p.x[pc], text, pos)) {
                        stackPc[top] = pc + 1;
                        stackCaps[top++] = caps;
                    }
                }
                default -> {
                    list.caps[list.size - 1] = caps;
                    list.live++;
                }
            }
        }
    }
}
