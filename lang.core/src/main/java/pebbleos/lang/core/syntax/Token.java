package pebbleos.lang.core.syntax;

/**
 * One token of Pebble source. {@code line} and {@code column} are 1-based;
 * {@code value} holds the decoded literal for numbers and strings.
 */
public record Token(Kind kind, String text, Object value, int line, int column) {
    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, EOF }

    public boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + line + ":" + column;
    }
}
