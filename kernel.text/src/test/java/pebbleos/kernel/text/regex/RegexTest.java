package pebbleos.kernel.text.regex;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * The machine on hand-written programs (lib/regex.peb writes them in the
 * system): leftmost-longest matches, submatches, anchors in both modes,
 * backreferences, empty loops and the checks on a program.
 */
public class RegexTest {
    private static List<Object> ins(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            out.add(p instanceof Integer i ? (Object) (long) i : p);
        }
        return out;
    }

    private static Regex rx(String flags, List<?>... program) {
        return Regex.compile(List.of(program), flags);
    }

    private static int[] find(Regex r, String text, int from) {
        return r.search(text, from, Interrupts.NONE);
    }

    /** abc */
    private static final List<?>[] ABC = {ins("char", "a"), ins("char", "b"), ins("char", "c"), ins("match")};

    @Test
    public void literalSearchFindsTheFirstOccurrence() {
        Regex r = rx("", ABC);
        assertArrayEquals(new int[] {3, 6}, find(r, "xx abc abc", 0));
        assertArrayEquals(new int[] {7, 10}, find(r, "xx abc abc", 4));
        assertNull(find(r, "ab ac", 0));
        assertEquals("abc", r.program().prefix);
    }

    @Test
    public void alternationTakesTheLongestNotTheFirst() {
        // a|ab : split 1 3; 1: char a; 2: jmp 5; 3: char a; 4: char b; 5: match
        Regex r = rx("", ins("split", 1, 3), ins("char", "a"), ins("jmp", 5), ins("char", "a"), ins("char", "b"),
                ins("match"));
        assertArrayEquals(new int[] {1, 3}, find(r, "xab", 0));
    }

    @Test
    public void leftmostWinsOverLonger() {
        // b|abcd on "abcd": the match at 0 (abcd), though b at 1 is found by another thread
        Regex r = rx("", ins("split", 1, 3), ins("char", "b"), ins("jmp", 7), ins("char", "a"), ins("char", "b"),
                ins("char", "c"), ins("char", "d"), ins("match"));
        assertArrayEquals(new int[] {0, 4}, find(r, "abcd", 0));
        assertArrayEquals(new int[] {1, 2}, find(r, "abce", 0));
    }

    /** (a*)(ab)*b : group 1 greedy, yet the whole match is the longest. */
    @Test
    public void submatchesOfTheLongestMatch() {
        Regex r = rx("",
                ins("save", 2), ins("split", 2, 4), ins("char", "a"), ins("jmp", 1), ins("save", 3), // 0-4: (a*)
                ins("split", 6, 11), ins("save", 4), ins("char", "a"), ins("char", "b"), ins("save", 5), ins("jmp", 5),
                ins("char", "b"), ins("match"));
        int[] m = find(r, "aabb", 0);
        assertEquals(0, m[0]);
        assertEquals(4, m[1]);
    }

    @Test
    public void starOnAnEmptyGroupEnds() {
        // (a*)* on "aab": 0: split 1 6; 1: save 2; 2: split 3 5; 3: char a; 4: jmp 2; 5: save 3; then jmp 0; 6: match
        List<?>[] prog = {ins("split", 1, 7), ins("save", 2), ins("split", 3, 5), ins("char", "a"), ins("jmp", 2),
            ins("save", 3), ins("jmp", 0), ins("match")};
        assertArrayEquals(new int[] {0, 2}, slice(find(rx("", prog), "aab", 0), 2));
        // the same with a backreference after it runs in the backtracker, which must end too
        List<?>[] withRef = {ins("split", 1, 7), ins("save", 2), ins("split", 3, 5), ins("char", "a"), ins("jmp", 2),
            ins("save", 3), ins("jmp", 0), ins("backref", 1), ins("match")};
        assertEquals(2, find(rx("", withRef), "aab", 0)[1]);
    }

    private static int[] slice(int[] a, int n) {
        int[] out = new int[n];
        System.arraycopy(a, 0, out, 0, n);
        return out;
    }

    @Test
    public void backreferenceMatchesTheSameText() {
        // \(a*\)b\1 : 0 save2; 1 split 2 4; 2 char a; 3 jmp 1; 4 save 3; 5 char b; 6 backref 1; 7 match
        Regex r = rx("", ins("save", 2), ins("split", 2, 4), ins("char", "a"), ins("jmp", 1), ins("save", 3),
                ins("char", "b"), ins("backref", 1), ins("match"));
        assertArrayEquals(new int[] {1, 6, 1, 3}, find(r, "xaabaa", 0));
        assertArrayEquals(new int[] {2, 5, 2, 3}, find(r, "xaaba", 0));
    }

    @Test
    public void anchorsWithAndWithoutNewlineMode() {
        List<?>[] prog = {ins("assert", "bol"), ins("char", "b"), ins("assert", "eol"), ins("match")};
        assertNull(find(rx("", prog), "a\nb\nc", 0));
        assertArrayEquals(new int[] {2, 3}, find(rx("n", prog), "a\nb\nc", 0));
        assertArrayEquals(new int[] {0, 1}, find(rx("", prog), "b", 0));
        // sed's g flag: ^ does not hold again further in the line
        assertNull(find(rx("", prog), "bb", 1));
    }

    @Test
    public void newlineModeKeepsMatchesInsideLines() {
        List<?>[] anyStar = {ins("char", "a"), ins("split", 2, 4), ins("any"), ins("jmp", 1), ins("char", "b"),
            ins("match")};
        assertArrayEquals(new int[] {0, 5}, find(rx("", anyStar), "a\nb b", 0));
        assertArrayEquals(new int[] {2, 6}, find(rx("n", anyStar), "a\nab b", 0));
        List<?>[] notX = {ins("set", "xx", List.of(), 1L), ins("match")};
        assertArrayEquals(new int[] {1, 2}, find(rx("n", notX), "\ny", 0));
    }

    @Test
    public void wordAssertions() {
        List<?>[] word = {ins("assert", "wordstart"), ins("char", "o"), ins("char", "n"), ins("assert", "wordend"),
            ins("match")};
        assertArrayEquals(new int[] {5, 7}, find(rx("", word), "bond on", 0));
        List<?>[] grepW = {ins("assert", "nowordbefore"), ins("char", "a"), ins("split", 3, 5), ins("set", "az", List.of(), 0L),
            ins("jmp", 2), ins("assert", "nowordafter"), ins("match")};
        assertArrayEquals(new int[] {5, 8}, find(rx("", grepW), "xabc abc", 0));
    }

    @Test
    public void ignoreCaseAndClasses() {
        assertArrayEquals(new int[] {1, 4}, find(rx("i", ABC), "xAbC", 0));
        List<?>[] digits = {ins("set", "", List.of("digit"), 0L), ins("split", 0, 2), ins("match")};
        assertArrayEquals(new int[] {3, 6}, find(rx("", digits), "ab 123 4", 0));
        List<?>[] upper = {ins("set", "", List.of("upper"), 0L), ins("match")};
        assertArrayEquals(new int[] {0, 1}, find(rx("i", upper), "a", 0));
    }

    @Test
    public void emptyMatchesAtTheEnd() {
        List<?>[] empty = {ins("split", 1, 3), ins("char", "a"), ins("jmp", 0), ins("match")};
        assertArrayEquals(new int[] {0, 0}, find(rx("", empty), "bbb", 0));
        assertArrayEquals(new int[] {3, 3}, find(rx("", empty), "bbb", 3));
        assertArrayEquals(new int[] {1, 3}, find(rx("", empty), "baa", 1));
    }

    @Test
    public void nestedStarsOverALongTextEnd() {
        // (x*)*y over 100000 x's and no y: exponential in a naive backtracker, linear here
        List<?>[] prog = {ins("split", 1, 5), ins("split", 2, 4), ins("char", "x"), ins("jmp", 1), ins("jmp", 0),
            ins("char", "y"), ins("match")};
        assertNull(find(rx("", prog), "x".repeat(100_000), 0));
    }

    @Test
    public void linesHoldingAMatch() {
        Regex r = rx("n", ins("char", "b"), ins("match"));
        assertEquals(List.of(2L, 5L, 9L, 11L), r.lines("a\nabc\nxx\nbb", 0, 10, Interrupts.NONE));
        assertEquals(List.of(2L, 5L), r.lines("a\nabc\nxx\nbb", 0, 1, Interrupts.NONE));
        assertEquals(List.of(9L, 11L), r.lines("a\nabc\nxx\nbb", 6, 10, Interrupts.NONE));
        // ^$ matches the empty line, not the place after the last newline
        Regex empty = rx("n", ins("assert", "bol"), ins("assert", "eol"), ins("match"));
        assertEquals(List.of(2L, 2L), empty.lines("a\n\nb\n", 0, 10, Interrupts.NONE));
    }

    @Test
    public void badProgramsAreRefused() {
        expectBad("jump target 9 outside the program", ins("jmp", 9), ins("match"));
        expectBad("unknown instruction 'frob'", ins("frob"), ins("match"));
        expectBad("char takes one character", ins("char", "ab"), ins("match"));
        expectBad("unknown assertion 'soon'", ins("assert", "soon"), ins("match"));
        expectBad("a program ends with match or jmp", ins("char", "a"));
    }

    private static void expectBad(String message, List<?>... program) {
        try {
            Regex.compile(List.of(program), "");
            fail("accepted: " + message);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }
}
