package dev.parley.signaling.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** A room password kept only as a salted PBKDF2-HMAC-SHA256 hash (RFC 8018 section 5.2); the clear text is dropped. */
final class PasswordHash {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final byte[] salt;
    private final byte[] hash;
    private final int iterations;

    private PasswordHash(byte[] salt, byte[] hash, int iterations) {
        this.salt = salt;
        this.hash = hash;
        this.iterations = iterations;
    }

    static PasswordHash of(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(salt, derive(password, salt, iterations), iterations);
    }

    boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        // PBEKeySpec takes chars but PBKDF2 hashes bytes; the JDK uses the low byte of each char,
        // so go through UTF-8 first to keep every character significant.
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        char[] widened = new char[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            widened[i] = (char) (utf8[i] & 0xff);
        }
        PBEKeySpec spec = new PBEKeySpec(widened, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(widened, '\0');
            Arrays.fill(utf8, (byte) 0);
        }
    }
}
