package dev.parley.rtc.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT: computing them and verifying received ones. */
public final class StunIntegrity {
    public static final int SHA1_LENGTH = 20;
    public static final int SHA256_LENGTH = 32;
    /** RFC 8489 §14.7: the CRC-32 is XOR'd with this so FINGERPRINT differs from other protocols' CRCs. */
    public static final int FINGERPRINT_XOR = 0x5354554E;

    /** Outcome of a check. */
    public enum Result {
        VALID,
        /** The attribute is present but does not match: discard the message. */
        MISMATCH,
        /** The message carries no such attribute (or was not decoded, so there is nothing to verify). */
        ABSENT
    }

    private StunIntegrity() {
    }

    /** Verifies MESSAGE-INTEGRITY of a decoded message with the given key (see {@link StunCredentials}). */
    public static Result verifyMessageIntegrity(StunMessage message, byte[] key) {
        return verifyHmac(message, message.integrityOffset(), key, "HmacSHA1", SHA1_LENGTH);
    }

    /** Verifies MESSAGE-INTEGRITY-SHA256, which may be truncated to 16 bytes (RFC 8489 §14.6). */
    public static Result verifyMessageIntegritySha256(StunMessage message, byte[] key) {
        int off = message.integritySha256Offset();
        int len = off < 0 ? 0 : AttributeCodec.readShort(message.wire(), off + 2);
        return verifyHmac(message, off, key, "HmacSHA256", len);
    }

    /** Verifies FINGERPRINT (RFC 8489 §14.7). */
    public static Result verifyFingerprint(StunMessage message) {
        int off = message.fingerprintOffset();
        if (!message.isDecoded() || off < 0) {
            return Result.ABSENT;
        }
        byte[] wire = message.wire();
        int expected = fingerprint(wire, off, off - StunMessage.HEADER_LENGTH + 8);
        return expected == AttributeCodec.readInt(wire, off + 4) ? Result.VALID : Result.MISMATCH;
    }

    private static Result verifyHmac(StunMessage message, int off, byte[] key, String algorithm, int length) {
        if (!message.isDecoded() || off < 0) {
            return Result.ABSENT;
        }
        byte[] wire = message.wire();
        // RFC 8489 §14.5: the header length must count up to and including this attribute, not what follows.
        byte[] mac = hmac(algorithm, key, wire, off, off - StunMessage.HEADER_LENGTH + 4 + length);
        byte[] received = Arrays.copyOfRange(wire, off + 4, off + 4 + length);
        return MessageDigest.isEqual(Arrays.copyOf(mac, length), received) ? Result.VALID : Result.MISMATCH;
    }

    /** HMAC over {@code wire[0, end)} with the header's length field replaced by {@code length}. */
    static byte[] hmac(String algorithm, byte[] key, byte[] wire, int end, int length) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // SecretKeySpec refuses an empty key; HMAC zero-pads keys to the block size, so {0x00} is equivalent.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            mac.update(headerWithLength(wire, length));
            mac.update(wire, StunMessage.HEADER_LENGTH, end - StunMessage.HEADER_LENGTH);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    /** CRC-32 of {@code wire[0, end)} with the length field replaced, XOR 0x5354554E (RFC 8489 §14.7). */
    static int fingerprint(byte[] wire, int end, int length) {
        CRC32 crc = new CRC32();
        crc.update(headerWithLength(wire, length));
        crc.update(wire, StunMessage.HEADER_LENGTH, end - StunMessage.HEADER_LENGTH);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static byte[] headerWithLength(byte[] wire, int length) {
        byte[] header = Arrays.copyOf(wire, StunMessage.HEADER_LENGTH);
        AttributeCodec.writeShort(header, 2, length);
        return header;
    }
}
