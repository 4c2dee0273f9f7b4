package pebbleos.lang.core.runtime;

import static org.junit.Assert.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.Test;

/** Integer arithmetic's overflow checks against exact products. */
public class OpsTest {
    private static final long[] EDGES = {
        0, 1, -1, 2, -2, 3, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
        3037000499L, 3037000500L, -3037000499L, -3037000500L, 1L << 32, -(1L << 32), 1L << 62, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2, 4294967295L, -4294967296L,
    };

    private static void check(long x, long y) {
        BigInteger exact = BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
        boolean fits = exact.bitLength() < 64;
        assertEquals(x + " * " + y, fits, Ops.mulFits(x, y));
        Object product = Ops.mul(x, y);
        assertEquals(x + " * " + y, fits ? (Object) exact.longValueExact() : exact, product);
    }

    @Test
    public void mulFitsExactlyWhenTheProductDoesAtTheEdges() {
        for (long x : EDGES) {
            for (long y : EDGES) {
                check(x, y);
            }
        }
    }

    @Test
    public void mulFitsExactlyWhenTheProductDoesAtRandom() {
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 200_000; i++) {
            int bits = 1 + random.nextInt(63);
            long x = random.nextLong() >> (64 - bits);
            long y = random.nextLong() >> random.nextInt(64);
            check(x, y);
        }
    }
}
