package pebbleos.api.value;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Pebble's value semantics: a copy never shows a mutation of its original, also through nested containers. */
public class CopyOnWriteTest {
    @Test
    public void mutatingACopyLeavesTheOriginal() {
        PList a = PList.of(4L, 5L, 6L);
        PList b = a.copy();
        b.append(0L);
        assertEquals("[4, 5, 6]", a.toString());
        assertEquals("[4, 5, 6, 0]", b.toString());
        a.set(0, 9L);
        assertEquals("[9, 5, 6]", a.toString());
        assertEquals("[4, 5, 6, 0]", b.toString());
    }

    @Test
    public void nestedContainersAreCopiedToo() {
        PList inner = PList.of(1L, 2L);
        PList outer = PList.of(inner, PDict.of("v", 2L));
        PList copy = outer.copy();
        ((PList) copy.get(0)).append(3L);
        ((PDict) copy.get(1)).put("v", 3L);
        assertEquals("[[1, 2], {v: 2}]", outer.toString());
        assertEquals("[[1, 2, 3], {v: 3}]", copy.toString());
        ((PList) outer.get(0)).set(0, 7L);
        assertEquals("[[7, 2], {v: 2}]", outer.toString());
        assertEquals("[[1, 2, 3], {v: 3}]", copy.toString());
    }

    @Test
    public void dictCopiesAreIndependent() {
        PDict cfg = PDict.of("level", 3L);
        PDict cfg2 = cfg.copy();
        cfg2.put("level", 7L);
        assertEquals(3L, cfg.get("level"));
        assertEquals(7L, cfg2.get("level"));
    }

    @Test
    public void slicesAndConcatenationsAreFresh() {
        PList inner = PList.of(1L);
        PList a = PList.of(inner, 2L);
        PList s = a.slice(0, 1);
        ((PList) s.get(0)).append(5L);
        assertEquals("[[1], 2]", a.toString());
        PList c = a.concat(PList.of(3L));
        ((PList) c.get(0)).append(6L);
        assertEquals("[[1], 2]", a.toString());
        assertEquals("[[1, 6], 2, 3]", c.toString());
    }
}
