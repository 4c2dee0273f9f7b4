package pebbleos.api.value;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigInteger;

import org.junit.Test;

public class ValuesTest {
    @Test
    public void floatsPrintAsPythonReprPrintsThem() {
        assertEquals("3.5", Values.formatFloat(3.5));
        assertEquals("3.0", Values.formatFloat(3.0));
        assertEquals("-3.5", Values.formatFloat(-3.5));
        assertEquals("0.30000000000000004", Values.formatFloat(0.1 + 0.2));
        assertEquals("0.1", Values.formatFloat(0.1));
        assertEquals("1e+16", Values.formatFloat(1e16));
        assertEquals("1000000000000000.0", Values.formatFloat(1e15));
        assertEquals("1.5e-05", Values.formatFloat(1.5e-5));
        assertEquals("0.0001", Values.formatFloat(1e-4));
        assertEquals("1.2345678901234567e+19", Values.formatFloat(12345678901234567890.0));
        assertEquals("5e-324", Values.formatFloat(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", Values.formatFloat(Double.MAX_VALUE));
        assertEquals("-0.0", Values.formatFloat(-0.0));
        assertEquals("inf", Values.formatFloat(Double.POSITIVE_INFINITY));
        assertEquals("nan", Values.formatFloat(Double.NaN));
        assertEquals("1.4142135623730951", Values.formatFloat(Math.sqrt(2)));
        assertEquals("123.456", Values.formatFloat(123.456));
        assertEquals("2e-07", Values.formatFloat(2e-7));
    }

    @Test
    public void containersPrintWithStringsUnquoted() {
        PList l = PList.of(1L, "a", 2.5, Boolean.TRUE, PNone.NONE, new PList(), new PDict());
        assertEquals("[1, a, 2.5, True, None, [], {}]", Values.str(l));
        PDict d = PDict.of("a", 1L, "b", PList.of(1L, 2L));
        assertEquals("{a: 1, b: [1, 2]}", Values.str(d));
    }

    @Test
    public void truthinessFollowsTheReference() {
        for (Object v : new Object[] {0L, 0.0, Boolean.FALSE, PNone.NONE, "", new PList(), new PDict()}) {
            assertFalse(String.valueOf(v), Values.truthy(v));
        }
        for (Object v : new Object[] {1L, 0.5, "0", PList.of(0L), PDict.of("k", 0L), BigInteger.TEN}) {
            assertTrue(String.valueOf(v), Values.truthy(v));
        }
    }

    @Test
    public void equalityCrossesNumericTypes() {
        assertTrue(Values.equal(1L, 1.0));
        assertTrue(Values.equal(Boolean.TRUE, 1L));
        assertFalse(Values.equal("1", 1L));
        assertTrue(Values.equal(PList.of(1L, 2L), PList.of(1L, 2.0)));
        assertFalse(Values.equal(PList.of(1L, 2L), PList.of(2L, 1L)));
    }

    @Test
    public void dictKeysThatAreEqualNumbersAreOneKey() {
        PDict d = new PDict();
        d.put(1L, "one");
        d.put(1.0, "uno");
        assertEquals(1, d.size());
        assertEquals("uno", d.get(1L));
    }

    @Test
    public void keysPrintAsFirstGivenButCompareByValue() {
        PDict d = new PDict();
        d.put(1.0, "a");
        d.put(Boolean.TRUE, "b");
        d.put(2L, "c");
        assertEquals(2, d.size());
        assertEquals("{1.0: b, 2: c}", Values.str(d));
        assertEquals("b", d.get(1L));
        d.remove(1L);
        d.put(1L, "x");
        assertEquals("{2: c, 1: x}", Values.str(d));
    }
}
