package pebbleos.lang.vm.store;

import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A name for some bytes, for the caches that keep compiled code between
 * boots (a source's bytecode, a build's class files): two CRCs of different
 * polynomials (CRC-32 and CRC-32C, 64 bits together) and the length. What it
 * must tell apart is one version of a file from another, which it does with
 * a chance of 2^-64 of a mistake; it is no defence against someone who can
 * write the cache, and neither was the SHA-256 it replaces, since the cache's
 * files are trusted by name. Both CRCs are intrinsics of HotSpot's
 * interpreter and compilers, where SHA-256 ran as Java code: hashing the
 * sources a boot reads took ~15 ms of it, and C2 ~35 ms compiling SHA-256's
 * rounds beside the boot.
 */
public final class ContentKey {
    private final CRC32 first = new CRC32();
    private final CRC32C second = new CRC32C();
    private long length;

    /** Add these bytes. */
    public ContentKey update(byte[] bytes) {
        first.update(bytes);
        second.update(bytes);
        length += bytes.length;
        return this;
    }

    /** The key so far: 16 hex digits of the CRCs, a dash, the length in hex. */
    public String hex() {
        long crcs = first.getValue() << 32 | second.getValue();
        return HexFormat.of().toHexDigits(crcs) + "-" + Long.toHexString(length);
    }
}
