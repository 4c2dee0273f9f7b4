package pebbleos.lang.core.runtime;

import pebbleos.api.PebbleException;

/**
 * A Pebble error: a runtime failure, a {@code raise}, or a syntax error. It
 * carries the line (and file) where it happened once known; what
 * {@code except err:} binds is {@link #caught()} ({@code line N: message}),
 * what an uncaught error prints is {@link #report()}
 * ({@code FILE:LINE: message}, plus the source line and a caret for
 * expression syntax errors).
 *
 * <p>Stackless: Pebble programs use errors for control flow.
 */
public class PebbleError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String file;
    private int line;
    private final String detail;

    public PebbleError(String message) {
        this(message, null);
    }

    /** An error with extra lines after the message (source line and caret). */
    public PebbleError(String message, String detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    /** An error at a known place. */
    public static PebbleError at(String file, int line, String message) {
        PebbleError e = new PebbleError(message);
        e.file = file;
        e.line = line;
        return e;
    }

    /** Wrap a syscall or service failure; its message is what the user reads. */
    public static PebbleError of(PebbleException e) {
        return new PebbleError(e.getMessage());
    }

    /** The line, 0 while unknown. */
    public int line() {
        return line;
    }

    /** The file, {@code null} while unknown. */
    public String file() {
        return file;
    }

    /** Extra lines after the message, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** Set the place if it is not known yet. */
    public PebbleError locate(String atFile, int atLine) {
        if (line == 0) {
            file = atFile;
            line = atLine;
        }
        return this;
    }

    /** Set the place whatever it was (errors leaving a transparent system frame). */
    public PebbleError relocate(String atFile, int atLine) {
        file = atFile;
        line = atLine;
        return this;
    }

    /** What {@code except err:} binds: {@code line N: message}. */
    public String caught() {
        return "line " + line + ": " + getMessage();
    }

    /** What an uncaught error prints on stderr. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(':');
        }
        if (line > 0) {
            sb.append(line).append(": ");
        } else if (file != null) {
            sb.append(' ');
        }
        sb.append(getMessage());
        if (detail != null) {
            sb.append('\n').append(detail);
        }
        return sb.toString();
    }
}
