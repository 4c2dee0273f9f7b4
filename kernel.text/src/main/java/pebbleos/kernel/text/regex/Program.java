package pebbleos.kernel.text.regex;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A regular-expression program: what {@code /system/lib/regex.peb} compiles a
 * POSIX pattern into (the syntax, its escapes and its flavour are Pebble's
 * policy), checked and laid out in arrays for the matchers. The instruction
 * set, one instruction per entry, {@code pc} counting from 0:
 *
 * <pre>
 *   CHAR c          consume the character c
 *   ANY             consume any character (not a newline in newline mode)
 *   SET s           consume a character of the bracket expression s
 *   SPLIT a b       go on at a and at b; a is preferred
 *   JMP a           go on at a
 *   SAVE n          record the position in capture slot n (group n/2, n &gt;= 2)
 *   ASSERT k        go on only when the position passes test k (BOL EOL ...)
 *   BACKREF g       consume the text group g captured
 *   MATCH           a match ends here
 * </pre>
 *
 * Group 0 (the whole match) needs no SAVE: it runs from where the search
 * started the thread to where MATCH is reached. Flags: ignore case, and
 * newline mode (a newline ends lines: ANY and SET never consume it, BOL and
 * EOL hold beside it), which lets grep search a whole buffer at once.
 */
public final class Program {
    static final int CHAR = 0;
    static final int ANY = 1;
    static final int SET = 2;
    static final int SPLIT = 3;
    static final int JMP = 4;
    static final int SAVE = 5;
    static final int ASSERT = 6;
    static final int BACKREF = 7;
    static final int MATCH = 8;

    /** Assertion kinds, in the order of {@link #ASSERTIONS}. */
    static final int BOL = 0;
    static final int EOL = 1;
    static final int BOT = 2;
    static final int EOT = 3;
    static final int WORD_BOUNDARY = 4;
    static final int NOT_WORD_BOUNDARY = 5;
    static final int WORD_START = 6;
    static final int WORD_END = 7;
    static final int NO_WORD_BEFORE = 8;
    static final int NO_WORD_AFTER = 9;
    static final String[] ASSERTIONS = {"bol", "eol", "bot", "eot", "word", "notword", "wordstart", "wordend",
        "nowordbefore", "nowordafter"};

    static final String[] NAMES = {"char", "any", "set", "split", "jmp", "save", "assert", "backref", "match"};

    final int[] op;
    final int[] x;
    final int[] y;
    final CharSet[] sets;
    /** Capture slots: 2 per group, group 0 included. */
    final int slots;
    final boolean ignoreCase;
    final boolean newline;
    final boolean backrefs;

    /** The text every match starts with ("" when unknown or under ignore case). */
    final String prefix;
    /** When no prefix: the characters a match can start with (ASCII), and whether others can. */
    final boolean[] firstAscii;
    final boolean firstOther;
    /** False when a match can start anywhere (it can be empty, or start with ANY...). */
    final boolean firstKnown;
    /** Every match starts at the text's start (0), at a line's start (1), or anywhere (2). */
    final int anchor;
    static final int AT_TEXT_START = 0;
    static final int AT_LINE_START = 1;
    static final int ANYWHERE = 2;

    private Program(int[] op, int[] x, int[] y, CharSet[] sets, int slots, boolean ignoreCase, boolean newline) {
        this.op = op;
        this.x = x;
        this.y = y;
        this.sets = sets;
        this.slots = slots;
        this.ignoreCase = ignoreCase;
        this.newline = newline;
        boolean refs = false;
        for (int o : op) {
            refs |= o == BACKREF;
        }
        this.backrefs = refs;
        this.anchor = anchorOf();
        this.prefix = ignoreCase ? "" : prefixOf();
        this.firstAscii = new boolean[128];
        boolean[] other = new boolean[1];
        this.firstKnown = prefix.isEmpty() && firstSet(firstAscii, other);
        this.firstOther = other[0];
    }

    /** Instruction count. */
    public int size() {
        return op.length;
    }

    /** Capture groups, group 0 included. */
    public int groups() {
        return slots / 2;
    }

    /**
     * Build a program from its Pebble form: a list of instructions, each a list
     * {@code [name, operands...]} (see the class comment), e.g.
     * {@code ["char", "a"]}, {@code ["split", 3, 5]}, {@code ["set", "azAZ", ["digit"], 0]}
     * (ranges as pairs of characters, class names, negated), {@code ["assert", "bol"]}.
     * Flags: {@code i} ignore case, {@code n} newline mode.
     *
     * @throws IllegalArgumentException naming the first bad instruction
     */
    public static Program of(List<?> instructions, String flags) {
        int n = instructions.size();
        if (n == 0) {
            throw new IllegalArgumentException("an empty program");
        }
        int[] op = new int[n];
        int[] x = new int[n];
        int[] y = new int[n];
        CharSet[] sets = new CharSet[n];
        int slots = 2;
        for (int pc = 0; pc < n; pc++) {
            if (!(instructions.get(pc) instanceof List<?> ins) || ins.isEmpty() || !(ins.get(0) instanceof String name)) {
                throw bad(pc, "an instruction is a list [name, operands...]");
            }
            int code = indexOf(NAMES, name);
            if (code < 0) {
                throw bad(pc, "unknown instruction '" + name + "'");
            }
            op[pc] = code;
            switch (code) {
                case CHAR -> {
                    String c = string(ins, 1, pc);
                    if (c.length() != 1) {
                        throw bad(pc, "char takes one character");
                    }
                    x[pc] = c.charAt(0);
                }
                case SET -> sets[pc] = set(ins, pc);
                case SPLIT -> {
                    x[pc] = target(ins, 1, pc, n);
                    y[pc] = target(ins, 2, pc, n);
                }
                case JMP -> x[pc] = target(ins, 1, pc, n);
                case SAVE -> {
                    x[pc] = (int) integer(ins, 1, pc);
                    if (x[pc] < 2 || x[pc] > 20000) {
                        throw bad(pc, "save slot out of range");
                    }
                    slots = Math.max(slots, (x[pc] | 1) + 1);
                }
                case ASSERT -> {
                    x[pc] = indexOf(ASSERTIONS, string(ins, 1, pc));
                    if (x[pc] < 0) {
                        throw bad(pc, "unknown assertion '" + ins.get(1) + "'");
                    }
                }
                case BACKREF -> {
                    x[pc] = (int) integer(ins, 1, pc);
                    if (x[pc] < 1 || x[pc] > 9999) {
                        throw bad(pc, "backref group out of range");
                    }
                }
                default -> {
                }
            }
        }
        for (int pc = 0; pc < n; pc++) {
            if (op[pc] == BACKREF) {
                slots = Math.max(slots, 2 * x[pc] + 2);
            }
        }
        if (op[n - 1] != MATCH && op[n - 1] != JMP) {
            throw bad(n - 1, "a program ends with match or jmp");
        }
        return new Program(op, x, y, sets, slots, flags.indexOf('i') >= 0, flags.indexOf('n') >= 0);
    }

    private static IllegalArgumentException bad(int pc, String why) {
        return new IllegalArgumentException("instruction " + pc + ": " + why);
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String string(List<?> ins, int i, int pc) {
        if (ins.size() > i && ins.get(i) instanceof String s) {
            return s;
        }
        throw bad(pc, "operand " + i + " must be a string");
    }

    private static long integer(List<?> ins, int i, int pc) {
        if (ins.size() > i && ins.get(i) instanceof Long l) {
            return l;
        }
        throw bad(pc, "operand " + i + " must be an integer");
    }

    private static int target(List<?> ins, int i, int pc, int n) {
        long t = integer(ins, i, pc);
        if (t < 0 || t >= n) {
            throw bad(pc, "jump target " + t + " outside the program");
        }
        return (int) t;
    }

    private static CharSet set(List<?> ins, int pc) {
        String spec = string(ins, 1, pc);
        if (spec.length() % 2 != 0) {
            throw bad(pc, "set ranges come in pairs");
        }
        int[] ranges = new int[spec.length()];
        for (int i = 0; i < spec.length(); i++) {
            ranges[i] = spec.charAt(i);
        }
        int classes = 0;
        if (ins.size() > 2 && ins.get(2) instanceof List<?> names) {
            for (Object name : names) {
                int bit = name instanceof String s ? CharSet.classBit(s) : -1;
                if (bit < 0) {
                    throw bad(pc, "unknown class " + name);
                }
                classes |= bit;
            }
        }
        boolean negated = ins.size() > 3 && ins.get(3) instanceof Long l && l != 0
                || ins.size() > 3 && Boolean.TRUE.equals(ins.get(3));
        return new CharSet(ranges, classes, negated);
    }

    // ------------------------------------------------------------ analysis for the search's fast paths

    /** Follow JMPs and SAVEs from pc: the first instruction that does something else. */
    private int skipTrivial(int pc) {
        int steps = 0;
        while ((op[pc] == JMP || op[pc] == SAVE) && steps++ < op.length) {
            pc = op[pc] == JMP ? x[pc] : pc + 1;
        }
        return pc;
    }

    private int anchorOf() {
        int pc = skipTrivial(0);
        if (op[pc] == ASSERT && x[pc] == BOT) {
            return AT_TEXT_START;
        }
        if (op[pc] == ASSERT && x[pc] == BOL) {
            return newline ? AT_LINE_START : AT_TEXT_START;
        }
        return ANYWHERE;
    }

    private String prefixOf() {
        StringBuilder sb = new StringBuilder();
        int pc = skipTrivial(0);
        if (op[pc] == ASSERT) {
            pc = skipTrivial(pc + 1);
        }
        while (op[pc] == CHAR) {
            sb.append((char) x[pc]);
            pc = skipTrivial(pc + 1);
        }
        return sb.toString();
    }

    /** The characters a match can start with; false when it can start with anything. */
    private boolean firstSet(boolean[] ascii, boolean[] other) {
        boolean[] seen = new boolean[op.length];
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push(0);
        while (!todo.isEmpty()) {
            int pc = todo.pop();
            if (seen[pc]) {
                continue;
            }
            seen[pc] = true;
            switch (op[pc]) {
                case JMP -> todo.push(x[pc]);
                case SPLIT -> {
                    todo.push(x[pc]);
                    todo.push(y[pc]);
                }
                case SAVE, ASSERT -> todo.push(pc + 1);
                case CHAR -> {
                    char c = (char) x[pc];
                    mark(ascii, other, c);
                    if (ignoreCase) {
                        mark(ascii, other, Character.toLowerCase(c));
                        mark(ascii, other, Character.toUpperCase(c));
                    }
                }
                case SET -> {
                    for (char c = 0; c < 128; c++) {
                        if (sets[pc].matches(c, ignoreCase)) {
                            ascii[c] = true;
                        }
                    }
                    other[0] = true;
                }
                default -> {
                    return false; // ANY, BACKREF, MATCH (an empty match)
                }
            }
        }
        return true;
    }

    private static void mark(boolean[] ascii, boolean[] other, char c) {
        if (c < 128) {
            ascii[c] = true;
        } else {
            other[0] = true;
        }
    }

    /** The first position at or after {@code i} where a match can start, or -1. */
    int candidate(String text, int i, int from) {
        int len = text.length();
        if (i > len) {
            return -1;
        }
        if (anchor == AT_TEXT_START) {
            return i == 0 ? 0 : -1;
        }
        if (anchor == AT_LINE_START) {
            if (i == 0 || text.charAt(i - 1) == '\n') {
                return i;
            }
            int nl = text.indexOf('\n', i);
            return nl < 0 ? -1 : nl + 1;
        }
        if (!prefix.isEmpty()) {
            return text.indexOf(prefix, i);
        }
        if (!firstKnown) {
            return i;
        }
        for (; i < len; i++) {
            char c = text.charAt(i);
            if (c < 128 ? firstAscii[c] : firstOther) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------ what the matchers share

    boolean consumes(int pc, char c) {
        switch (op[pc]) {
            case CHAR: {
                char want = (char) x[pc];
                if (c == want) {
                    return true;
                }
                return ignoreCase && (Character.toLowerCase(c) == Character.toLowerCase(want)
                        || Character.toUpperCase(c) == Character.toUpperCase(want));
            }
            case ANY:
                return !newline || c != '\n';
            case SET:
                return (!newline || c != '\n') && sets[pc].matches(c, ignoreCase);
            default:
                return false;
        }
    }

    boolean holds(int kind, String text, int pos) {
        int len = text.length();
        switch (kind) {
            case BOL: return pos == 0 || newline && text.charAt(pos - 1) == '\n';
            case EOL: return pos == len || newline && text.charAt(pos) == '\n';
            case BOT: return pos == 0;
            case EOT: return pos == len;
            default: break;
        }
        boolean before = pos > 0 && CharSet.isWord(text.charAt(pos - 1));
        boolean after = pos < len && CharSet.isWord(text.charAt(pos));
        switch (kind) {
            case WORD_BOUNDARY: return before != after;
            case NOT_WORD_BOUNDARY: return before == after;
            case WORD_START: return !before && after;
            case WORD_END: return before && !after;
            case NO_WORD_BEFORE: return !before;
            case NO_WORD_AFTER: return !after;
            default: return false;
        }
    }
}
