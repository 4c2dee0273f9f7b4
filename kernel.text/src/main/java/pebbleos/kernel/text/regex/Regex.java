package pebbleos.kernel.text.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled regular expression: a {@link Program} and the matcher that runs
 * it (Pike's VM, or the backtracker when the program has backreferences).
 * Searches of one regex are serialised: a program's matcher keeps its thread
 * lists between searches, so a search allocates little.
 */
public final class Regex {
    private final Program program;
    private final PikeVm pike;
    private final Backtracker backtracker;

    private Regex(Program program) {
        this.program = program;
        this.pike = program.backrefs ? null : new PikeVm(program);
        this.backtracker = program.backrefs ? new Backtracker(program) : null;
    }

    /** Compile a program's Pebble form; see {@link Program#of}. */
    public static Regex compile(List<?> instructions, String flags) {
        return new Regex(Program.of(instructions, flags));
    }

    public Program program() {
        return program;
    }

    /**
     * The capture slots (start, end per group, -1 for a group that took no
     * part) of the leftmost-longest match starting at or after {@code from},
     * or null when there is none.
     */
    public synchronized int[] search(String text, int from, Interrupts interrupts) {
        if (from < 0 || from > text.length()) {
            return null;
        }
        return pike != null ? pike.search(text, from, interrupts) : backtracker.search(text, from, interrupts);
    }

    /**
     * The lines of {@code text} (each ended by a newline, the last perhaps not)
     * that hold a match, from {@code from} (a line's start) on, at most
     * {@code limit}: their starts and ends (before the newline), as Longs.
     * One search per selected line: grep's whole-buffer scan.
     */
    public synchronized List<Long> lines(String text, int from, long limit, Interrupts interrupts) {
        List<Long> out = new ArrayList<>();
        int n = text.length();
        int pos = from;
        while (out.size() / 2 < limit && pos < n) {
            int[] m = search(text, pos, interrupts);
            if (m == null) {
                break;
            }
            int at = m[0];
            if (at >= n && (n == 0 || text.charAt(n - 1) == '\n')) {
                break; // an empty match after the last newline: no line is there
            }
            int start = at == 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
            if (start < pos) {
                start = pos;
            }
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = n;
            }
            out.add((long) start);
            out.add((long) end);
            pos = end + 1;
        }
        return out;
    }
}
