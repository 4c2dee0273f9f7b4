package pebbleos.lang.interp;

import org.junit.Test;

/** PEBBLE.md "Source form": indentation, tabs, comments, blank lines, brackets across lines. */
public class SourceFormTest extends PebbleTest {
    @Test
    public void blocksNestByFourSpaces() {
        prints("""
                i = 0
                while i < 2:
                    if i == 1:
                        print "one"
                    else:
                        print "zero"
                    i = i + 1
                print "done"
                """, "zero", "one", "done");
    }

    @Test
    public void commentsAreIgnoredOutsideStrings() {
        prints("""
                # a comment line
                x = 1  # after code
                print "#not a comment"
                print x
                """, "#not a comment", "1");
    }

    @Test
    public void blankLinesAreIgnoredEvenInsideBlocks() {
        prints("""
                def f():

                    x = 1

                    return x


                print f()
                """, "1");
    }

    @Test
    public void bracketedExpressionsSpanLines() {
        prints("""
                items = [1,
                    2,
                         3]
                total = (1 +
                  2)
                d = {"a": 1,
                     "b": 2}
                print items
                print total
                print d
                """, "[1, 2, 3]", "3", "{a: 1, b: 2}");
    }

    @Test
    public void callArgumentsSpanLines() {
        prints("""
                def add(a, b):
                    return a + b
                print add(1,
                          2)
                """, "3");
    }

    @Test
    public void tabsAreAnError() {
        fails("if 1:\n\tprint 2\n", "main.peb:2: tabs are not allowed; use four spaces");
    }

    @Test
    public void indentationOfTwoSpacesIsAnError() {
        fails("if 1:\n  print 2\n", "main.peb:2: indentation must use multiples of four spaces");
    }

    @Test
    public void missingBlockIsAnError() {
        fails("if 1:\nprint 2\n", "main.peb:1: expected an indented block");
    }

    @Test
    public void syntaxErrorStopsTheProgramBeforeItRuns() {
        // nothing is printed: the whole file is parsed first
        fails("print 1\nx = [1, 2\n", "main.peb:2: unterminated bracketed expression; '[' opened at line 2 column 5");
    }

    @Test
    public void fileWithoutFinalNewline() {
        prints("print 1", "1");
    }

    @Test
    public void emptyProgramPrintsNothing() {
        prints("");
    }

    @Test
    public void windowsLineEndings() {
        prints("x = 2\r\nif x:\r\n    print x\r\n", "2");
    }
}
