package pebbleos.lang.core.builtins;

import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.PebbleError;

/** String operations behind the string builtins and methods, with Python's rules. */
final class Text {
    private Text() {
    }

    static String strip(String s, Object chars, boolean left, boolean right) {
        String set = chars == null || chars == PNone.NONE ? null : Values.str(chars);
        int from = 0;
        int to = s.length();
        while (left && from < to && stripped(s.charAt(from), set)) {
            from++;
        }
        while (right && to > from && stripped(s.charAt(to - 1), set)) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean stripped(char c, String set) {
        return set == null ? Character.isWhitespace(c) : set.indexOf(c) >= 0;
    }

    /** {@code split()} on runs of whitespace, or {@code split(sep)} on each separator. */
    static PList split(String s, Object separator, long max) {
        PList out = new PList();
        if (separator == PNone.NONE) {
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (max >= 0 && out.size() >= max) {
                    out.append(s.substring(i).stripTrailing());
                    return out;
                }
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                out.append(s.substring(i, j));
                i = j;
            }
            return out;
        }
        if (!(separator instanceof String sep)) {
            throw new PebbleError("split() expects a string separator");
        }
        if (sep.isEmpty()) {
            throw new PebbleError("split() separator cannot be empty");
        }
        int from = 0;
        while (true) {
            int at = s.indexOf(sep, from);
            if (at < 0 || (max >= 0 && out.size() >= max)) {
                out.append(s.substring(from));
                return out;
            }
            out.append(s.substring(from, at));
            from = at + sep.length();
        }
    }

    static PList splitLines(String s) {
        PList out = new PList();
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '\n') {
                int end = i > from && s.charAt(i - 1) == '\r' ? i - 1 : i;
                out.append(s.substring(from, end));
                from = i + 1;
            }
        }
        if (from < n) {
            out.append(s.substring(from));
        }
        return out;
    }

    static String join(String separator, Object items) {
        if (!(items instanceof PList l)) {
            throw new PebbleError("join() expects a list");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            Values.append(sb, l.get(i));
        }
        return sb.toString();
    }

    static long count(String s, String sub) {
        return count(s, sub, 0, s.length());
    }

    /** Non-overlapping occurrences of {@code sub} within {@code s[start:end]} (bounds already clamped). */
    static long count(String s, String sub, int start, int end) {
        if (end < start) {
            return 0;
        }
        if (sub.isEmpty()) {
            return end - start + 1;
        }
        long n = 0;
        int from = start;
        while ((from = s.indexOf(sub, from)) >= 0 && from + sub.length() <= end) {
            n++;
            from += sub.length();
        }
        return n;
    }

    /** Pad to {@code width}: align -1 left, 1 right, 0 centre. */
    static String pad(String s, long width, String fill, int align) {
        if (fill.length() != 1) {
            throw new PebbleError("the fill character must be exactly one character long");
        }
        int missing = (int) Math.min(Limits.MAX_STRING, width) - s.length();
        if (missing <= 0) {
            return s;
        }
        String f = fill;
        if (align < 0) {
            return s + f.repeat(missing);
        }
        if (align > 0) {
            return f.repeat(missing) + s;
        }
        int left = missing / 2 + (int) (missing & width & 1);
        return f.repeat(left) + s + f.repeat(missing - left);
    }

    static String zfill(String s, long width) {
        int missing = (int) Math.min(Limits.MAX_STRING, width) - s.length();
        if (missing <= 0) {
            return s;
        }
        if (s.startsWith("-") || s.startsWith("+")) {
            return s.charAt(0) + "0".repeat(missing) + s.substring(1);
        }
        return "0".repeat(missing) + s;
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }
}
