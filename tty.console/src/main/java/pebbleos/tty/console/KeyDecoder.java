package pebbleos.tty.console;

/**
 * Turns the characters a terminal sends into key names: {@code UP DOWN LEFT
 * RIGHT HOME END PAGEUP PAGEDOWN INSERT DELETE ENTER BACKSPACE TAB BACKTAB ESC},
 * {@code F1}..{@code F12}, {@code ^A}..{@code ^Z} (and {@code ^@ ^\ ^] ^^ ^_}),
 * and printable characters as themselves.
 *
 * <p>Escape sequences are the xterm and Linux-console ones: CSI
 * ({@code ESC [ ...}) with a final byte, SS3 ({@code ESC O x}), and the Linux
 * console's {@code ESC [ [ A}..{@code E} for F1..F5. A lone ESC becomes the
 * key {@code ESC} once {@link #ESC_WAIT_MILLIS} pass without a following
 * character; an unknown sequence reads as {@code ESC}. Every key carries the
 * characters it came from, so that keys typed ahead can be replayed into the
 * line editor.
 *
 * <p>Not thread-safe: one reader thread feeds it.
 */
final class KeyDecoder {
    /** How long a lone ESC waits for the rest of a sequence. */
    static final long ESC_WAIT_MILLIS = 50;
    /** Longest escape sequence kept before it is dropped as garbage. */
    private static final int MAX_SEQUENCE = 24;
    private static final char ESC = 27;

    /** Where decoded keys go. */
    interface Sink {
        void key(String name, String raw);
    }

    private final StringBuilder pending = new StringBuilder();
    private long pendingSince;
    private boolean discarding;

    /** Feed one character (a code point) read at time {@code now} (milliseconds). */
    void feed(int c, long now, Sink sink) {
        if (discarding) {
            if (c >= 0x20 && c <= 0x3F) {
                return;
            }
            discarding = false;
            if (c >= 0x40 && c <= 0x7E) {
                return;
            }
        }
        if (pending.length() == 0) {
            if (c == ESC) {
                pending.append(ESC);
                pendingSince = now;
            } else {
                sink.key(single(c), new String(Character.toChars(c)));
            }
            return;
        }
        if (pending.length() == 1) {
            if (c == '[' || c == 'O') {
                pending.append((char) c);
                return;
            }
            // ESC then something else: the ESC key, then that character afresh
            emitEscape(sink);
            feed(c, now, sink);
            return;
        }
        if (pending.charAt(1) == 'O') {
            String name = ss3(c);
            String raw = pending.toString() + (char) c;
            pending.setLength(0);
            sink.key(name == null ? "ESC" : name, raw);
            return;
        }
        // CSI: ESC [ parameters intermediates final
        if (pending.length() == 2 && c == '[') {
            pending.append('[');
            return;
        }
        if (pending.length() == 3 && pending.charAt(2) == '[') {
            String raw = pending.toString() + (char) c;
            pending.setLength(0);
            sink.key(c >= 'A' && c <= 'E' ? "F" + (c - 'A' + 1) : "ESC", raw);
            return;
        }
        if (c >= 0x20 && c <= 0x3F) {
            pending.append((char) c);
            if (pending.length() > MAX_SEQUENCE) {
                // garbage: one ESC key, and the rest of the sequence is dropped up to its final byte
                String raw = pending.toString();
                pending.setLength(0);
                discarding = true;
                sink.key("ESC", raw);
            }
            return;
        }
        if (c >= 0x40 && c <= 0x7E) {
            String params = pending.substring(2);
            String raw = pending.toString() + (char) c;
            pending.setLength(0);
            String name = csi(params, (char) c);
            sink.key(name == null ? "ESC" : name, raw);
            return;
        }
        // a control character inside a sequence ends it
        emitEscape(sink);
        feed(c, now, sink);
    }

    /** Time passes without input: a lone ESC (or a cut sequence) older than the wait is delivered. */
    void idle(long now, Sink sink) {
        if (pending.length() > 0 && now - pendingSince >= ESC_WAIT_MILLIS) {
            emitEscape(sink);
        }
    }

    /** Deliver whatever partial sequence is held, now. */
    void flush(Sink sink) {
        if (pending.length() > 0) {
            emitEscape(sink);
        }
    }

    boolean hasPending() {
        return pending.length() > 0;
    }

    /** The pending ESC is a key of its own; characters after it are keys afresh. */
    private void emitEscape(Sink sink) {
        String rest = pending.substring(1);
        pending.setLength(0);
        sink.key("ESC", String.valueOf(ESC));
        for (int i = 0; i < rest.length(); i++) {
            sink.key(single(rest.charAt(i)), String.valueOf(rest.charAt(i)));
        }
    }

    /** The name of a key that is one character. */
    static String single(int c) {
        switch (c) {
            case '\r':
            case '\n':
                return "ENTER";
            case '\t':
                return "TAB";
            case 127:
            case 8:
                return "BACKSPACE";
            case ESC:
                return "ESC";
            case 0:
                return "^@";
            case 28:
                return "^\\";
            case 29:
                return "^]";
            case 30:
                return "^^";
            case 31:
                return "^_";
            default:
                if (c >= 1 && c <= 26) {
                    return "^" + (char) ('A' + c - 1);
                }
                return new String(Character.toChars(c));
        }
    }

    /** {@code ESC O x}: application-mode cursor keys, F1..F4, keypad Enter. */
    private static String ss3(int c) {
        switch (c) {
            case 'A': return "UP";
            case 'B': return "DOWN";
            case 'C': return "RIGHT";
            case 'D': return "LEFT";
            case 'H': return "HOME";
            case 'F': return "END";
            case 'M': return "ENTER";
            case 'P': return "F1";
            case 'Q': return "F2";
            case 'R': return "F3";
            case 'S': return "F4";
            default: return null;
        }
    }

    /** {@code ESC [ params final}; modifiers ({@code 1;5A}) do not change the name. */
    static String csi(String params, char fin) {
        switch (fin) {
            case 'A': return "UP";
            case 'B': return "DOWN";
            case 'C': return "RIGHT";
            case 'D': return "LEFT";
            case 'H': return "HOME";
            case 'F': return "END";
            case 'Z': return "BACKTAB";
            case 'P': return "F1";
            case 'Q': return "F2";
            case 'R': return "F3";
            case 'S': return "F4";
            case '~': return tilde(firstNumber(params));
            default: return null;
        }
    }

    private static String tilde(int n) {
        switch (n) {
            case 1:
            case 7:
                return "HOME";
            case 2: return "INSERT";
            case 3: return "DELETE";
            case 4:
            case 8:
                return "END";
            case 5: return "PAGEUP";
            case 6: return "PAGEDOWN";
            case 11: return "F1";
            case 12: return "F2";
            case 13: return "F3";
            case 14: return "F4";
            case 15: return "F5";
            case 17: return "F6";
            case 18: return "F7";
            case 19: return "F8";
            case 20: return "F9";
            case 21: return "F10";
            case 23: return "F11";
            case 24: return "F12";
            default: return null;
        }
    }

    private static int firstNumber(String params) {
        int n = 0;
        boolean any = false;
        for (int i = 0; i < params.length(); i++) {
            char ch = params.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            n = n * 10 + (ch - '0');
            any = true;
            if (n > 10_000) {
                return -1;
            }
        }
        return any ? n : -1;
    }
}
