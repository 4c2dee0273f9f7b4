package pebbleos.kernel.fs;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Credentials;

/** The permission rule itself: which triple of the mode applies, and what root may. */
public class AccessTest {
    private static final Credentials PEBBLE = new Credentials(1000, 1000, 1000, 1000, List.of(10));
    private static final Credentials ALICE = Credentials.of(1001, 1001);

    private static FileStat file(int uid, int gid, int mode) {
        return new FileStat("f", FileStat.FILE, 0, 0, 0, uid, gid, mode);
    }

    private static FileStat dir(int uid, int gid, int mode) {
        return new FileStat("d", FileStat.DIRECTORY, 0, 0, 0, uid, gid, mode);
    }

    @Test
    public void theOwnersBitsApplyToTheOwnerEvenWhenTheOthersAllowMore() {
        FileStat f = file(1000, 1000, 0077);
        assertFalse(Access.allows(PEBBLE, f, Access.READ));
        assertTrue(Access.allows(ALICE, f, Access.READ | Access.WRITE | Access.EXECUTE));
    }

    @Test
    public void theGroupsBitsApplyToTheEffectiveAndSupplementaryGroups() {
        FileStat wheel = file(0, 10, 0640);
        assertTrue(Access.allows(PEBBLE, wheel, Access.READ));
        assertFalse(Access.allows(PEBBLE, wheel, Access.WRITE));
        assertFalse(Access.allows(ALICE, wheel, Access.READ));
    }

    @Test
    public void everyWantedBitIsNeeded() {
        FileStat f = file(1000, 1000, 0400);
        assertTrue(Access.allows(PEBBLE, f, Access.READ));
        assertFalse(Access.allows(PEBBLE, f, Access.READ | Access.WRITE));
        assertTrue(Access.allows(PEBBLE, f, 0));
    }

    @Test
    public void rootPassesEverythingButExecuteNeedsAnXBitSomewhere() {
        FileStat secret = file(1000, 1000, 0000);
        assertTrue(Access.allows(Credentials.ROOT, secret, Access.READ | Access.WRITE));
        assertFalse(Access.allows(Credentials.ROOT, secret, Access.EXECUTE));
        assertTrue(Access.allows(Credentials.ROOT, file(1000, 1000, 0001), Access.EXECUTE));
        assertTrue(Access.allows(Credentials.ROOT, dir(1000, 1000, 0000), Access.EXECUTE));
    }

    @Test
    public void theEffectiveUidDecidesNotTheRealOne() {
        Credentials setUidRoot = new Credentials(1000, 0, 1000, 1000, List.of());
        assertTrue(Access.allows(setUidRoot, file(0, 0, 0600), Access.READ));
        Credentials dropped = new Credentials(0, 1000, 0, 1000, List.of());
        assertFalse(Access.allows(dropped, file(0, 0, 0600), Access.READ));
    }
}
