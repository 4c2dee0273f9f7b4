package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import pebbleos.lang.core.syntax.Program;

/** A last line {@code #pebble:globals NAME...} fixes the first global slots (what eval_line relies on). */
public class PinnedGlobalsTest {
    @Test
    public void pinnedNamesComeFirstInOrder() {
        Program p = Program.compile("<t>", "y = x\n#pebble:globals a x");
        assertEquals(List.of("a", "x", "y"), p.globals());
    }

    @Test
    public void withoutThePragmaSlotsFollowTheSource() {
        assertEquals(List.of("x", "y"), Program.compile("<t>", "y = x\n# pebble:globals a").globals());
        assertEquals(List.of("x", "y"), Program.compile("<t>", "#pebble:globals b\ny = x").globals());
    }
}
