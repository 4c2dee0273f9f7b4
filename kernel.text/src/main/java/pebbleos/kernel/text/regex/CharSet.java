package pebbleos.kernel.text.regex;

/**
 * A bracket expression of a regular expression ({@code [a-z[:digit:]_]},
 * {@code [^x]}): character ranges and POSIX classes, possibly negated. The
 * classes follow the POSIX locale for ASCII and Unicode's character
 * properties above it.
 */
public final class CharSet {
    /** The POSIX class names, in the order of their bits. */
    static final String[] CLASSES = {"alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print",
        "graph", "cntrl", "xdigit"};

    private final int[] ranges;
    private final int classes;
    private final boolean negated;

    CharSet(int[] ranges, int classes, boolean negated) {
        this.ranges = ranges;
        this.classes = classes;
        this.negated = negated;
    }

    /** The bit of a class name, or -1 when there is no such class. */
    static int classBit(String name) {
        for (int i = 0; i < CLASSES.length; i++) {
            if (CLASSES[i].equals(name)) {
                return 1 << i;
            }
        }
        return -1;
    }

    boolean negated() {
        return negated;
    }

    /** Whether {@code c} is in the set; with {@code ignoreCase} either case of it is enough. */
    boolean matches(char c, boolean ignoreCase) {
        boolean in = contains(c);
        if (!in && ignoreCase) {
            char lower = Character.toLowerCase(c);
            char upper = Character.toUpperCase(c);
            in = lower != c && contains(lower) || upper != c && contains(upper);
        }
        return in != negated;
    }

    private boolean contains(char c) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        return classes != 0 && inClasses(c);
    }

    private boolean inClasses(char c) {
        for (int i = 0; i < CLASSES.length; i++) {
            if ((classes & (1 << i)) != 0 && inClass(i, c)) {
                return true;
            }
        }
        return false;
    }

    /** Membership of class number {@code k} (an index of {@link #CLASSES}). */
    static boolean inClass(int k, char c) {
        boolean ascii = c < 128;
        switch (k) {
            case 0: return ascii ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') : Character.isLetter(c);
            case 1: return c >= '0' && c <= '9';
            case 2: return ascii ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            case 3: return ascii ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
            case 4: return ascii ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
            case 5: return ascii ? c == ' ' || c >= '\t' && c <= '\r' : Character.isWhitespace(c);
            case 6: return c == ' ' || c == '\t' || !ascii && Character.getType(c) == Character.SPACE_SEPARATOR;
            case 7: return ascii ? c > ' ' && c < 127 && !Character.isLetterOrDigit(c)
                    : !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
            case 8: return ascii ? c >= ' ' && c < 127 : !Character.isISOControl(c);
            case 9: return ascii ? c > ' ' && c < 127 : !Character.isISOControl(c) && !Character.isWhitespace(c);
            case 10: return Character.isISOControl(c);
            case 11: return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            default: return false;
        }
    }

    /** A word character of {@code \w}, {@code \b}, {@code \<}: a letter, a digit or '_'. */
    static boolean isWord(char c) {
        return c == '_' || inClass(2, c);
    }
}
