package pebbleos.kernel.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HexFormat;

import org.junit.Test;

/** The hash form, salts, matching, and what no password matches. */
public class PasswordHashesTest {
    private final PasswordHashes hashes = PasswordHashes.create();

    @Test
    public void aHashMatchesItsPasswordOnly() {
        String h = hashes.hash("pebble");
        assertTrue(h, h.matches("\\$pbkdf2-sha256\\$" + PasswordHashes.ITERATIONS + "\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"));
        assertTrue(PasswordHashes.verify("pebble", h));
        assertFalse(PasswordHashes.verify("Pebble", h));
        assertFalse(PasswordHashes.verify("pebble ", h));
        assertFalse(PasswordHashes.verify("", h));
    }

    @Test
    public void everyHashHasItsOwnSalt() {
        assertNotEquals(hashes.hash("same"), hashes.hash("same"));
    }

    @Test
    public void fieldsThatAreNoHashMatchNothing() {
        for (String stored : new String[] {"", "!", "*", "!!", "x", "$pbkdf2-sha256$", "$pbkdf2-sha256$1$$",
            "$pbkdf2-sha256$99999999999$AAAA$AAAA", "$pbkdf2-sha256$10$!!!$???", "$md5$abc"}) {
            assertFalse(stored, PasswordHashes.verify("", stored));
            assertFalse(stored, PasswordHashes.verify("pebble", stored));
            assertFalse(stored, PasswordHashes.isHash(stored));
        }
        // a locked account: "!" in front of a real hash
        assertFalse(PasswordHashes.verify("pebble", "!" + hashes.hash("pebble")));
    }

    /** RFC 7914 section 11 gives PBKDF2-HMAC-SHA-256 vectors; the first, computed here at 1 iteration. */
    @Test
    public void theDerivationIsStandardPbkdf2Sha256() {
        String h = PasswordHashes.hash("passwd", "salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1);
        byte[] dk = java.util.Base64.getDecoder().decode(h.substring(h.lastIndexOf('$') + 1));
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
                HexFormat.of().formatHex(dk));
    }

    @Test
    public void unicodePasswordsAreTheirUtf8Bytes() {
        String h = hashes.hash("p\u00e4ss\u2713");
        assertTrue(PasswordHashes.verify("p\u00e4ss\u2713", h));
        assertFalse(PasswordHashes.verify("pass\u2713", h));
    }
}
