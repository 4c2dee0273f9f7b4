package pebbleos.kernel.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow password hashes: PBKDF2 with HMAC-SHA-256 from the JDK.
 *
 * <p>Why PBKDF2: it is in every JDK (no dependency, nothing to keep up to
 * date), standardized (RFC 8018, NIST SP 800-132, FIPS-approved), and its cost
 * is a number stored with each hash, so it can grow with hardware without
 * invalidating old hashes. bcrypt, scrypt and Argon2 resist GPU attacks
 * better (Argon2 and scrypt are memory-hard) but need a third-party library;
 * for the passwords of a few local users PBKDF2 at OWASP's recommended cost
 * is the right trade.
 *
 * <p>Form: {@code $pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt (16 random
 * bytes) and hash (32 bytes) in base64 without padding. Anything else in a
 * shadow file's password field ({@code !}, {@code *}, empty) matches no
 * password, and checking it costs as much as checking a real hash, so the
 * time a refusal takes says nothing about whether the user exists or has a
 * password.
 */
final class PasswordHashes {
    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256 is 600,000; see {@link #ITERATIONS}'s use in docs/security.md. */
    static final int ITERATIONS = 210_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** More than any hash we write; a stored count beyond it is refused rather than computed. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];

    /** Made at the first new hash: seeding it costs ~5 ms, which a boot need not pay. */
    private SecureRandom random;

    private PasswordHashes() {
    }

    static PasswordHashes create() {
        return new PasswordHashes();
    }

    /** A new hash of {@code password} with a fresh random salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random().nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    private synchronized SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }

    /** The hash of {@code password} with a given salt and cost (for tests and fixed defaults). */
    static String hash(String password, byte[] salt, int iterations) {
        return format(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * True when {@code password} matches {@code stored}. A {@code stored}
     * that is not a hash of ours (a locked or empty field, a missing user)
     * costs one derivation at the default cost and matches nothing; the
     * comparison takes the same time wherever the bytes differ.
     */
    static boolean verify(String password, String stored) {
        Parsed p = parse(stored);
        if (p == null) {
            derive(password, DUMMY_SALT, ITERATIONS);
            return false;
        }
        return MessageDigest.isEqual(derive(password, p.salt(), p.iterations()), p.hash());
    }

    /** True when {@code stored} is a hash of ours (so some password can match it). */
    static boolean isHash(String stored) {
        return parse(stored) != null;
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        if (stored == null || !stored.startsWith("$" + SCHEME + "$")) {
            return null;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 5) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] hash = Base64.getDecoder().decode(parts[4]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length != HASH_BYTES) {
                return null;
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        // the JDK's PBKDF2 takes the password's UTF-8 bytes, as other implementations do
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }
}
