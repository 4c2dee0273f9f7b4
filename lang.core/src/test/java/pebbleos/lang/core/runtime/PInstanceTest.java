package pebbleos.lang.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** Fields in slots laid out by shared shapes, and the cache entries the engines keep. */
public class PInstanceTest {
    private final PClass cls = new PClass("V", null);

    /** An instance given field x, then field y. */
    private PInstance point(long x, long y) {
        PInstance p = new PInstance(cls);
        p.put("x", x);
        p.put("y", y);
        return p;
    }

    @Test
    public void instancesThatAddTheSameFieldsInOrderShareAShape() {
        PInstance a = point(1L, 2L);
        PInstance b = point(3L, 4L);
        assertSame(a.shape(), b.shape());
        PInstance c = new PInstance(cls);
        c.put("y", 5L);
        c.put("x", 6L);
        assertTrue(c.shape() != a.shape());
        assertEquals(6L, c.get("x"));
        assertNull(c.get("z"));
        assertEquals(List.of("y", "x"), List.copyOf(c.fields().keySet()));
    }

    @Test
    public void aCachedSlotServesOnlyItsShape() {
        PInstance a = point(1L, 2L);
        Shape.Slot y = a.find("y");
        assertNotNull(y);
        assertEquals(2L, a.getCached(y));
        PInstance other = new PInstance(cls);
        other.put("y", 9L);
        assertNull(other.getCached(y)); // y is at slot 0 there
        assertNull(a.getCached(null));
        assertNull(a.find("z"));
    }

    @Test
    public void aCachedWriteRepeatsAnUpdateOrTheStepThatAddsAField() {
        PInstance a = new PInstance(cls);
        Object addX = a.put("x", 1L);
        Object updateX = a.put("x", 2L);
        assertTrue(addX instanceof Shape);
        assertTrue(updateX instanceof Shape.Slot);
        PInstance b = new PInstance(cls);
        assertFalse(b.putCached(updateX, 5L)); // b has no x yet
        assertTrue(b.putCached(addX, 5L));
        assertSame(a.shape(), b.shape());
        assertTrue(b.putCached(updateX, 6L));
        assertEquals(6L, b.get("x"));
        assertFalse(b.putCached(addX, 7L)); // x is there: the step no longer applies
    }

    @Test
    public void deletingOrOutgrowingTheShapesKeepsFieldsInAMap() {
        PInstance a = point(1L, 2L);
        Shape.Slot x = a.find("x");
        assertTrue(a.remove("y"));
        assertFalse(a.remove("y"));
        assertNull(a.shape());
        assertNull(a.getCached(x));
        assertNull(a.find("x"));
        assertEquals(1L, a.get("x"));
        assertNull(a.put("z", 3L));
        assertEquals(List.of("x", "z"), List.copyOf(a.fields().keySet()));

        PInstance big = new PInstance(cls);
        for (int i = 0; i < Shape.MAX_FIELDS + 10; i++) {
            big.put("f" + i, (long) i);
        }
        assertNull(big.shape());
        assertEquals(Shape.MAX_FIELDS + 10, big.size());
        for (int i = 0; i < Shape.MAX_FIELDS + 10; i++) {
            assertEquals((long) i, big.get("f" + i));
        }
    }

    @Test
    public void largeShapesFindNamesByMap() {
        PInstance a = new PInstance(cls);
        for (int i = 0; i < 20; i++) {
            a.put(new String("n" + i), (long) i); // not the same String objects as the reads below
        }
        for (int i = 0; i < 20; i++) {
            assertEquals((long) i, a.get("n" + i));
        }
    }

    @Test
    public void changingWhatAMethodLookupFindsMovesTheEpoch() {
        int before = PClass.epoch();
        cls.set("m", 1L); // a new name may shadow a base class's method
        assertTrue(PClass.epoch() != before);
        assertEquals(1L, cls.lookup("m"));

        int counting = PClass.epoch();
        cls.set("m", 2L); // a class-level counter: no method found before or after
        assertEquals(counting, PClass.epoch());

        PFunction f = new PFunction("f", 0, null) {
        };
        cls.set("m", f);
        assertTrue(PClass.epoch() != counting);
        int replaced = PClass.epoch();
        cls.set("m", 3L); // a method replaced by a value
        assertTrue(PClass.epoch() != replaced);
    }

    /**
     * A thread that reads an instance while another adds its fields (a data
     * race in a Pebble program) sees each field or nothing, never a Java error.
     */
    @Test
    public void readsRacingFieldAdditionsSeeTheFieldOrNothing() throws Exception {
        PInstance template = new PInstance(cls);
        Shape.Slot[] entries = new Shape.Slot[40];
        for (int i = 0; i < entries.length; i++) {
            template.put("f" + i, (long) i);
            entries[i] = template.find("f" + i);
        }
        java.util.concurrent.atomic.AtomicReference<PInstance> shared = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long until = System.nanoTime() + 300_000_000L;
        Thread writer = new Thread(() -> {
            while (System.nanoTime() < until) {
                PInstance p = new PInstance(cls);
                shared.setPlain(p); // published without ordering, as a racy program would
                for (int i = 0; i < entries.length; i++) {
                    p.put("f" + i, (long) i);
                }
            }
        });
        Thread reader = new Thread(() -> {
            try {
                while (System.nanoTime() < until) {
                    PInstance p = shared.getPlain();
                    for (int i = 0; p != null && i < entries.length; i++) {
                        Object a = p.get("f" + i);
                        Object b = p.getCached(entries[i]);
                        if ((a != null && !a.equals((long) i)) || (b != null && !b.equals((long) i))) {
                            throw new AssertionError("f" + i + " read as " + a + " and " + b);
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
