package pebbleos.kernel.text.regex;

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
}
