package pebbleos.kernel.text;

import java.security.MessageDigest;

/**
 * The checksum of POSIX {@code cksum}: a CRC-32 with the polynomial
 * 0x04C11DB7, most significant bit first, over the data and then over its
 * length (least significant byte first, as few bytes as it needs), and
 * complemented. The JDK's {@code CRC32} is the bit-reversed variant of zip
 * and Ethernet, another checksum. As a {@link MessageDigest} ("crc" of the
 * digest family): four bytes, big-endian.
 */
final class PosixCrc extends MessageDigest {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private int crc;
    private long length;

    PosixCrc() {
        super("CRC");
    }

    private void step(int b) {
        crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xFF];
    }

    @Override
    protected void engineUpdate(byte input) {
        step(input);
        length++;
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        for (int i = offset; i < offset + len; i++) {
            step(input[i]);
        }
        length += len;
    }

    @Override
    protected byte[] engineDigest() {
        for (long n = length; n != 0; n >>>= 8) {
            step((int) n);
        }
        int sum = ~crc;
        engineReset();
        return new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum};
    }

    @Override
    protected void engineReset() {
        crc = 0;
        length = 0;
    }

    @Override
    protected int engineGetDigestLength() {
        return 4;
    }
}
