package pebbleos.lang.core.syntax;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

import pebbleos.lang.core.runtime.PebbleError;

/** The lexer: tokens, blocks by indentation, brackets across lines, literals and its error texts. */
public class LexerTest {
    /** The tokens of a source as {@code KIND:text}, positions left out. */
    private static String tokens(String source) {
        List<Token> ts = Lexer.tokenize("t.peb", source);
        return ts.stream().map(t -> switch (t.kind()) {
            case NEWLINE, INDENT, DEDENT, EOF -> t.kind().name();
            default -> t.text();
        }).collect(Collectors.joining(" "));
    }

    private static String error(String source) {
        return assertThrows(PebbleError.class, () -> Lexer.tokenize("t.peb", source)).report();
    }

    private static Object value(String literal) {
        return Lexer.tokenize("t.peb", literal).get(0).value();
    }

    @Test
    public void simpleStatementEndsWithNewline() {
        assertEquals("x = 1 + 2 NEWLINE EOF", tokens("x = 1 + 2"));
    }

    @Test
    public void tokensCarryLineAndColumn() {
        List<Token> ts = Lexer.tokenize("t.peb", "x = 1\nprint  y");
        Token y = ts.get(5);
        assertEquals("y", y.text());
        assertEquals(2, y.line());
        assertEquals(8, y.column());
    }

    @Test
    public void blockIsIndentedByFourSpaces() {
        assertEquals("if x : NEWLINE INDENT y = 1 NEWLINE DEDENT z NEWLINE EOF", tokens("if x:\n    y = 1\nz"));
    }

    @Test
    public void nestedBlocksCloseTogetherAtEndOfFile() {
        assertEquals("if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT EOF",
                tokens("if a:\n    if b:\n        c\n"));
    }

    @Test
    public void blankLinesAndCommentLinesAreIgnored() {
        assertEquals("a NEWLINE b NEWLINE EOF", tokens("a\n\n   \n# note\n        # indented note\nb"));
    }

    @Test
    public void commentEndsTheLineOutsideStrings() {
        assertEquals("x = \"a#b\" NEWLINE EOF", tokens("x = \"a#b\"  # comment"));
    }

    @Test
    public void tabInIndentationIsAnError() {
        assertEquals("t.peb:2: tabs are not allowed; use four spaces", error("if 1:\n\tx = 1"));
    }

    @Test
    public void tabInsideALineIsAnError() {
        assertEquals("t.peb:1: tabs are not allowed; use four spaces", error("x =\t1"));
    }

    @Test
    public void tabInsideAStringIsText() {
        assertEquals("a\tb", value("\"a\tb\""));
    }

    @Test
    public void indentationMustBeAMultipleOfFour() {
        assertEquals("t.peb:2: indentation must use multiples of four spaces", error("if 1:\n  x = 1"));
    }

    @Test
    public void bracketsSpanLinesWithoutNewlines() {
        assertEquals("x = [ 1 , 2 , 3 ] NEWLINE EOF", tokens("x = [1,\n  2,\n        3]"));
    }

    @Test
    public void commentInsideBracketsIsIgnored() {
        assertEquals("x = ( 1 + 2 ) NEWLINE EOF", tokens("x = (1 +  # first\n     2)"));
    }

    @Test
    public void unterminatedBracketNamesWhereItOpened() {
        assertEquals("t.peb:1: unterminated bracketed expression; '[' opened at line 1 column 5", error("x = [1, 2\nprint x"));
    }

    @Test
    public void unterminatedInnermostBracketIsNamedAtTheStatementsLine() {
        // as the original: the statement's first line, the last bracket left open, its column without indentation
        assertEquals("t.peb:1: unterminated bracketed expression; '(' opened at line 2 column 1",
                error("x = {\n    (1,\n"));
        assertEquals("t.peb:2: unterminated bracketed expression; '(' opened at line 2 column 8",
                error("if 1:\n    x = foo(1,\n"));
    }

    @Test
    public void bracketColumnsCountWithoutIndentation() {
        assertEquals("t.peb:3: closing bracket ']' at column 11 does not match '(' opened at line 3 column 5",
                error("x = 1\nif x:\n    y = (1 + 2]"));
    }

    @Test
    public void unmatchedClosingBracket() {
        assertEquals("t.peb:1: unmatched closing bracket ')' at column 5", error("x = )"));
    }

    @Test
    public void mismatchedClosingBracket() {
        assertEquals("t.peb:1: closing bracket ')' at column 11 does not match '[' opened at line 1 column 9",
                error("items = [1)"));
    }

    @Test
    public void bothQuoteKindsMakeStrings() {
        assertEquals("it's", value("\"it's\""));
        assertEquals("say \"hi\"", value("'say \"hi\"'"));
    }

    @Test
    public void escapesOfTheReference() {
        assertEquals("a\nb\tc\\d\"e'f", value("\"a\\nb\\tc\\\\d\\\"e\\'f\""));
    }

    @Test
    public void unknownEscapeIsKeptLiterally() {
        assertEquals("a\\qb", value("\"a\\qb\""));
    }

    @Test
    public void unterminatedStringGivesItsColumn() {
        assertEquals("t.peb:1: invalid expression at column 5: unterminated string literal", error("x = \"abc"));
    }

    @Test
    public void stringsDoNotSpanLines() {
        assertEquals("t.peb:1: invalid expression at column 5: unterminated string literal", error("x = 'a\nb'"));
    }

    @Test
    public void integerLiterals() {
        assertEquals(42L, value("42"));
        assertEquals(0L, value("0"));
    }

    @Test
    public void bigIntegerLiteralIsExact() {
        assertEquals(new BigInteger("123456789012345678901234567890"), value("123456789012345678901234567890"));
    }

    @Test
    public void floatLiterals() {
        assertEquals(3.5, value("3.5"));
        assertEquals(1.0, value("1."));
    }

    @Test
    public void lettersAfterDigitsAreAnInvalidNumber() {
        assertEquals("t.peb:1: invalid expression at column 5: invalid numeric literal", error("x = 5x"));
    }

    @Test
    public void unexpectedCharacter() {
        assertEquals("t.peb:1: invalid expression at column 5: unexpected character '$'", error("x = $"));
        // a character that does not print is named by code point, so the message stays on one line
        assertEquals("t.peb:1: invalid expression at column 5: unexpected character U+2028", error("x = \u2028"));
    }

    @Test
    public void windowsLineEndingsAreLineBreaks() {
        assertEquals("a NEWLINE b NEWLINE EOF", tokens("a\r\nb\r\n"));
    }

    @Test
    public void keywordsAreNameTokens() {
        List<Token> ts = Lexer.tokenize("t.peb", "while True");
        assertEquals(Token.Kind.NAME, ts.get(0).kind());
        assertEquals(Token.Kind.NAME, ts.get(1).kind());
    }

    @Test
    public void longestOperatorWins() {
        assertEquals("a **= b // c <= d != e NEWLINE EOF", tokens("a **= b // c <= d != e"));
    }

    @Test
    public void emptySourceIsJustEndOfFile() {
        assertEquals("EOF", tokens(""));
    }
}
