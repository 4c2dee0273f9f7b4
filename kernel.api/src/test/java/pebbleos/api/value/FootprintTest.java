package pebbleos.api.value;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.IdentityHashMap;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.MemoryAccount;

/**
 * What the value model charges to the process that grows a value: big list
 * arrays, big dicts and big strings, with an estimate of their elements, a
 * grown list's old array given back at once, and a charge refused (the
 * value unchanged) when the account says no.
 */
public class FootprintTest {
    /** An account that keeps its charges by identity and may refuse past a limit. */
    static final class Ledger extends MemoryAccount {
        final Map<Object, Long> charges = new IdentityHashMap<>();
        long limit = Long.MAX_VALUE;

        @Override
        public void hold(Object referent, long bytes) {
            if (held() + bytes > limit) {
                throw new PebbleException(Errno.NOMEM, "MemoryError: over the test's limit");
            }
            charges.merge(referent, bytes, Long::sum);
        }

        @Override
        public void release(Object referent) {
            charges.remove(referent);
        }

        @Override
        public long held() {
            return charges.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Ledger ledger = new Ledger();

    @After
    public void unbind() {
        MemoryAccount.enter(null);
    }

    @Test
    public void withoutAnAccountNothingIsCharged() {
        PList l = new PList();
        for (long i = 0; i < 10_000; i++) {
            l.append(i);
        }
        assertEquals(0, ledger.held());
    }

    @Test
    public void smallValuesAreNotCharged() {
        MemoryAccount.enter(ledger);
        PList l = new PList();
        for (long i = 0; i < Footprint.BIG_ARRAY / 2; i++) {
            l.append(i);
        }
        PDict d = new PDict();
        d.put("k", 1L);
        Footprint.string("short");
        assertEquals(0, ledger.held());
    }

    @Test
    public void aGrowingListOfSmallListsIsChargedForWhatItHolds() {
        MemoryAccount.enter(ledger);
        PList xs = new PList();
        int n = 200_000;
        for (long i = 0; i < n; i++) {
            xs.append(PList.of(i + 1000, i + 1001)); // two boxed longs each (beyond the small-number cache)
        }
        // per element: a slot (4), the inner list (its header, size, array of 2 or more) and two Longs (24 each)
        long held = ledger.held();
        long lower = (long) n * (4 + 24 + 2 * 24);
        long upper = (long) n * 400;
        assertTrue("held " + held + " for " + n + " pairs, expected within [" + lower + ", " + upper + "]",
                held >= lower && held <= upper);
        assertEquals("the grown list's old arrays were given back: one charge remains", 1, ledger.charges.size());
    }

    @Test
    public void oneValueReferencedFromEverySlotIsCountedOnce() {
        MemoryAccount.enter(ledger);
        String s = "x".repeat(1000);
        PList l = new PList();
        for (int i = 0; i < 100_000; i++) {
            l.append(s);
        }
        long held = ledger.held();
        assertTrue("held " + held + ": the array (about 4 bytes a slot) and one string",
                held < 100_000L * 4 * 2 + 2 * 1000);
    }

    @Test
    public void clearingAListGivesItsChargeBack() {
        MemoryAccount.enter(ledger);
        PList l = new PList();
        for (long i = 0; i < 50_000; i++) {
            l.append(i);
        }
        assertTrue(ledger.held() > 50_000L * 4);
        l.clear();
        assertEquals(0, ledger.held());
    }

    @Test
    public void aBigDictIsChargedAtEachDoubling() {
        MemoryAccount.enter(ledger);
        PDict d = new PDict();
        for (long i = 0; i < Footprint.BIG_DICT - 1; i++) {
            d.put("key" + i, i + 1000);
        }
        assertEquals(0, ledger.held());
        d.put("one more", 1L);
        long atFirst = ledger.held();
        assertTrue("a node (48) per entry at least: " + atFirst, atFirst >= 48L * Footprint.BIG_DICT);
        for (long i = Footprint.BIG_DICT; i < 4L * Footprint.BIG_DICT; i++) {
            d.put("key" + i, i + 1000);
        }
        assertTrue("four times the entries, about four times the charge: " + atFirst + " then " + ledger.held(),
                ledger.held() >= 3 * atFirst && ledger.held() <= 5 * atFirst);
    }

    @Test
    public void aBigStringIsCharged() {
        MemoryAccount.enter(ledger);
        String big = Footprint.string("y".repeat(Footprint.BIG_STRING));
        assertTrue(ledger.held() >= Footprint.BIG_STRING);
        assertTrue(ledger.charges.containsKey(big));
    }

    @Test
    public void aRefusedChargeLeavesTheListAsItWas() {
        MemoryAccount.enter(ledger);
        ledger.limit = 64 * 1024;
        PList l = new PList();
        try {
            for (long i = 0; ; i++) {
                l.append(i + 1000);
            }
        } catch (PebbleException e) {
            assertEquals(Errno.NOMEM, e.errno());
        }
        int size = l.size();
        assertTrue("it grew up to the limit first: " + size, size >= Footprint.BIG_ARRAY);
        for (int i = 0; i < size; i++) {
            assertEquals(i + 1000L, l.get(i));
        }
        try {
            l.append(0L); // the array is full: growing is refused again, nothing is lost
            fail("no MemoryError");
        } catch (PebbleException e) {
            assertEquals(size, l.size());
        }
    }
}
