package pebbleos.lang.core.syntax;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import pebbleos.lang.core.builtins.Conversions;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.syntax.Token.Kind;

/**
 * Turns Pebble source into tokens, with INDENT and DEDENT for blocks.
 * Blocks are indented by exactly four more spaces than their header; tabs
 * are an error; a bracketed expression may span lines (no NEWLINE inside
 * brackets); {@code #} starts a comment outside strings.
 */
public final class Lexer {
    /** Words that cannot be names. */
    public static final Set<String> KEYWORDS = Set.of("if", "elif", "else", "while", "for", "in", "def", "class",
            "return", "raise", "try", "except", "finally", "import", "from", "as", "pass", "break", "continue",
            "and", "or", "not", "True", "False", "None", "lambda", "global", "del", "print");

    private static final String[] OPERATORS = {"**=", "//=", "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=",
        "/=", "%=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "+", "-", "*", "/", "%", "<", ">", "="};

    /** The deepest block nesting accepted. */
    static final int MAX_INDENT = 100;

    private final String file;
    private final String[] lines;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    /** Open brackets: char, line, column. */
    private final Deque<int[]> brackets = new ArrayDeque<>();

    private Lexer(String file, String source) {
        this.file = file;
        this.lines = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        indents.push(0);
    }

    /** The tokens of {@code source}; syntax errors are raised as located {@link PebbleError}s. */
    public static List<Token> tokenize(String file, String source) {
        Lexer lexer = new Lexer(file, source);
        lexer.run();
        return lexer.tokens;
    }

    /** The physical lines of a source, as the lexer numbers them. */
    public static String[] lines(String source) {
        return source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    private PebbleError error(int line, String message) {
        return PebbleError.at(file, line, message);
    }

    private void run() {
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String text = lines[i];
            int pos = 0;
            if (brackets.isEmpty()) {
                int indent = 0;
                while (indent < text.length() && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
                    if (text.charAt(indent) == '\t') {
                        throw error(lineNo, "tabs are not allowed; use four spaces");
                    }
                    indent++;
                }
                if (indent == text.length() || text.charAt(indent) == '#') {
                    continue; // blank or comment-only line
                }
                indentation(lineNo, indent);
                pos = indent;
            }
            scanLine(lineNo, text, pos);
            if (brackets.isEmpty()) {
                tokens.add(new Token(Kind.NEWLINE, "", null, lineNo, text.length() + 1));
            }
        }
        if (!brackets.isEmpty()) {
            // reported at the line the statement starts on, naming the innermost bracket left open
            int[] outermost = brackets.peekLast();
            int[] open = brackets.peekFirst();
            throw error(outermost[1], "unterminated bracketed expression; '" + (char) open[0] + "' opened at line "
                    + open[1] + " column " + open[2]);
        }
        int last = lines.length;
        while (indents.peek() > 0) {
            indents.pop();
            tokens.add(new Token(Kind.DEDENT, "", null, last, 1));
        }
        tokens.add(new Token(Kind.EOF, "", null, last, 1));
    }

    private void indentation(int lineNo, int indent) {
        if (indent % 4 != 0) {
            throw error(lineNo, "indentation must use multiples of four spaces");
        }
        int top = indents.peek();
        if (indent > top) {
            if (indents.size() > MAX_INDENT) {
                // as CPython's tokenizer: the passes over the tree recurse once per block level
                throw error(lineNo, "too many levels of indentation");
            }
            indents.push(indent);
            // the text carries the levels so the parser can explain an unexpected indent
            tokens.add(new Token(Kind.INDENT, (top / 4) + ":" + (indent / 4), null, lineNo, indent + 1));
        } else {
            while (indent < indents.peek()) {
                indents.pop();
                tokens.add(new Token(Kind.DEDENT, "", null, lineNo, indent + 1));
            }
        }
    }

    private void scanLine(int lineNo, String text, int start) {
        int pos = start;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            int col = pos + 1;
            if (c == ' ') {
                pos++;
            } else if (c == '\t') {
                throw error(lineNo, "tabs are not allowed; use four spaces");
            } else if (c == '#') {
                return;
            } else if (c == '"' || c == '\'') {
                pos = string(lineNo, text, pos);
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(text.charAt(pos + 1)))) {
                pos = number(lineNo, text, pos);
            } else if (Character.isLetter(c) || c == '_') {
                int end = pos + 1;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(pos, end), null, lineNo, col));
                pos = end;
            } else {
                pos = operator(lineNo, text, pos);
            }
        }
    }

    private int operator(int lineNo, String text, int pos) {
        int col = pos + 1;
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                char c = op.charAt(0);
                if (op.length() == 1 && (c == '(' || c == '[' || c == '{')) {
                    brackets.push(new int[] {c, lineNo, textColumn(text, col)});
                } else if (op.length() == 1 && (c == ')' || c == ']' || c == '}')) {
                    closeBracket(lineNo, c, textColumn(text, col));
                }
                tokens.add(new Token(Kind.OP, op, null, lineNo, col));
                return pos + op.length();
            }
        }
        char c = text.charAt(pos);
        throw error(lineNo, "invalid expression at column " + col + ": unexpected character " + shown(c));
    }

    /** A stray character as the error shows it: quoted if it prints plainly, else by code point (a tab, U+2028 ...). */
    private static String shown(char c) {
        boolean plain = c > ' ' && c != 0x7f && !Character.isISOControl(c) && !Character.isWhitespace(c)
                && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                && !Character.isSurrogate(c);
        return plain ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /**
     * A bracket's column as its messages give it: counted in the line's text
     * without its indentation, as the original counts it.
     */
    private static int textColumn(String line, int col) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return col - indent;
    }

    private void closeBracket(int lineNo, char c, int col) {
        if (brackets.isEmpty()) {
            throw error(lineNo, "unmatched closing bracket '" + c + "' at column " + col);
        }
        int[] open = brackets.pop();
        char want = open[0] == '(' ? ')' : open[0] == '[' ? ']' : '}';
        if (c != want) {
            throw error(lineNo, "closing bracket '" + c + "' at column " + col + " does not match '"
                    + (char) open[0] + "' opened at line " + open[1] + " column " + open[2]);
        }
    }

    private int number(int lineNo, String text, int pos) {
        int n = text.length();
        int end = pos;
        int col = pos + 1;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos) || text.startsWith("0b", pos)
                || text.startsWith("0B", pos) || text.startsWith("0o", pos) || text.startsWith("0O", pos)) {
            int radix = switch (Character.toLowerCase(text.charAt(pos + 1))) {
                case 'x' -> 16;
                case 'b' -> 2;
                default -> 8;
            };
            end = pos + 2;
            while (end < n && (Character.digit(text.charAt(end), radix) >= 0 || text.charAt(end) == '_')) {
                end++;
            }
            String digits = text.substring(pos + 2, end).replace("_", "");
            if (digits.isEmpty() || (end < n && Character.isLetterOrDigit(text.charAt(end)))) {
                throw error(lineNo, "invalid expression at column " + col + ": invalid numeric literal");
            }
            tokens.add(new Token(Kind.NUMBER, text.substring(pos, end), integer(lineNo, col, digits, radix),
                    lineNo, col));
            return end;
        }
        boolean isFloat = false;
        while (end < n && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end < n && text.charAt(end) == '.' && !(end + 1 < n && Character.isLetter(text.charAt(end + 1)))) {
            isFloat = true;
            end++;
            while (end < n && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        }
        if (end < n && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int e = end + 1;
            if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            if (e < n && Character.isDigit(text.charAt(e))) {
                isFloat = true;
                end = e;
                while (end < n && Character.isDigit(text.charAt(end))) {
                    end++;
                }
            }
        }
        if (end < n && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
            throw error(lineNo, "invalid expression at column " + col + ": invalid numeric literal");
        }
        String literal = text.substring(pos, end);
        String digits = literal.replace("_", "");
        Object value;
        try {
            value = isFloat ? (Object) Double.parseDouble(digits) : integer(lineNo, col, digits, 10);
        } catch (NumberFormatException ex) {
            throw error(lineNo, "invalid expression at column " + col + ": invalid numeric literal");
        }
        tokens.add(new Token(Kind.NUMBER, literal, value, lineNo, col));
        return end;
    }

    private Object integer(int lineNo, int col, String digits, int radix) {
        BigInteger b = Conversions.parseInteger(digits, radix);
        if (b == null) {
            throw error(lineNo, "invalid expression at column " + col + ": integer literal is too large");
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private int string(int lineNo, String text, int pos) {
        char quote = text.charAt(pos);
        int col = pos + 1;
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        int n = text.length();
        while (true) {
            if (i >= n) {
                throw error(lineNo, "invalid expression at column " + col + ": unterminated string literal");
            }
            char c = text.charAt(i);
            if (c == quote) {
                i++;
                break;
            }
            if (c == '\\' && i + 1 < n) {
                i = escape(text, i + 1, sb);
                continue;
            }
            sb.append(c);
            i++;
        }
        tokens.add(new Token(Kind.STRING, text.substring(pos, i), sb.toString(), lineNo, col));
        return i;
    }

    /** Decode the escape after a backslash at {@code i}; returns the index after it. Python's escapes. */
    private static int escape(String text, int i, StringBuilder sb) {
        char e = text.charAt(i);
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                // up to three octal digits, as in Python: \0 is NUL, \033 is ESC
                int end = i;
                int value = 0;
                while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                    value = value * 8 + (text.charAt(end) - '0');
                    end++;
                }
                sb.append((char) value);
                return end;
            }
            case 'a' -> sb.append('\007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\013');
            case 'e' -> sb.append('\033');
            case '\\', '\'', '"' -> sb.append(e);
            case 'x', 'u', 'U' -> {
                int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (hex(text, i + 1, len)) {
                    int cp = (int) Long.parseLong(text.substring(i + 1, i + 1 + len), 16);
                    if (Character.isValidCodePoint(cp)) {
                        sb.appendCodePoint(cp);
                        return i + 1 + len;
                    }
                }
                sb.append('\\').append(e);
            }
            default -> sb.append('\\').append(e);
        }
        return i + 1;
    }

    private static boolean hex(String text, int from, int len) {
        if (from + len > text.length()) {
            return false;
        }
        for (int k = from; k < from + len; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
