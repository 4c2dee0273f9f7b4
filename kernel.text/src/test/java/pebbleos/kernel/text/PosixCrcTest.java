package pebbleos.kernel.text;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** POSIX cksum's CRC against what GNU cksum 9.1 prints for the same bytes. */
public class PosixCrcTest {
    private static long crc(byte[] data, int chunk) {
        PosixCrc c = new PosixCrc();
        for (int i = 0; i < data.length; i += chunk) {
            c.update(data, i, Math.min(chunk, data.length - i));
        }
        byte[] d = c.digest();
        return ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
    }

    private static long crc(String ascii) {
        return crc(ascii.getBytes(StandardCharsets.US_ASCII), 1);
    }

    @Test
    public void givesWhatGnuCksumPrints() {
        assertEquals(4294967295L, crc(""));
        assertEquals(3015617425L, crc("hello\n"));
        assertEquals(930766865L, crc("123456789"));
        assertEquals(12738659L, crc("x"));
    }

    @Test
    public void aLengthOfSeveralBytesAndAnyChunkingGiveTheSame() {
        byte[] data = new byte[70000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((i * 31 + 7) % 256);
        }
        assertEquals(927589609L, crc(data, 70000));
        assertEquals(927589609L, crc(data, 4096));
        assertEquals(927589609L, crc(data, 1));
    }

    @Test
    public void aDigestStartsAgainAfterItIsTaken() {
        PosixCrc c = new PosixCrc();
        c.update("hello\n".getBytes(StandardCharsets.US_ASCII));
        c.digest();
        c.update("x".getBytes(StandardCharsets.US_ASCII));
        byte[] d = c.digest();
        assertEquals(12738659L, ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF));
    }
}
