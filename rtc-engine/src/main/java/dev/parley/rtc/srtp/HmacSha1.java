package dev.parley.rtc.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over a JCE {@link MessageDigest}, for the SRTP authentication tag (RFC 3711 §4.2.1).
 *
 * <p>Why not {@code javax.crypto.Mac}: its {@code doFinal(byte[], int)} allocates the 20-byte result on every
 * call, while {@code MessageDigest.digest(byte[], int, int)} writes into our buffer. Both reach the same SHA-1
 * intrinsic; the test suite checks this class against {@code Mac.getInstance("HmacSHA1")}. Not thread-safe.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] ipad = new byte[BLOCK];
    private final byte[] opad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];
    private final byte[] word = new byte[4];

    HmacSha1(byte[] key) {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JRE", e);
        }
        byte[] k = key.length > BLOCK ? sha1.digest(key) : key; // RFC 2104 §2: hash keys longer than a block
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        sha1.reset();
    }

    /** Starts a new MAC. */
    void start() {
        sha1.reset();
        sha1.update(ipad, 0, BLOCK);
    }

    void update(byte[] buf, int off, int len) {
        sha1.update(buf, off, len);
    }

    /** Appends a 32-bit big-endian word (the ROC for SRTP, RFC 3711 §4.2). */
    void updateInt(int v) {
        word[0] = (byte) (v >>> 24);
        word[1] = (byte) (v >>> 16);
        word[2] = (byte) (v >>> 8);
        word[3] = (byte) v;
        sha1.update(word, 0, 4);
    }

    /** Finishes the MAC into {@code out[off, off+20)}. */
    void finish(byte[] out, int off) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(opad, 0, BLOCK);
            sha1.update(inner, 0, LENGTH);
            sha1.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e); // cannot happen: callers pass 20 bytes of room
        }
    }
}
