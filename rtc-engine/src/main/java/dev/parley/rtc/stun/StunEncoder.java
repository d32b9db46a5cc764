package dev.parley.rtc.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes messages to wire bytes. Immutable options: which integrity attributes and FINGERPRINT to append
 * (always last, in the order MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256, FINGERPRINT, RFC 8489 §14.5-14.7)
 * and the padding byte. Integrity and fingerprint attributes found in the message itself are skipped.
 */
public final class StunEncoder {
    private static final int MAX_BODY = 0xFFFC; // the 16-bit length, rounded down to a multiple of 4

    private final byte[] integrityKey;
    private final byte[] integritySha256Key;
    private final boolean fingerprint;
    private final byte padding;

    private StunEncoder(byte[] integrityKey, byte[] integritySha256Key, boolean fingerprint, byte padding) {
        this.integrityKey = integrityKey;
        this.integritySha256Key = integritySha256Key;
        this.fingerprint = fingerprint;
        this.padding = padding;
    }

    /** No integrity, no fingerprint, zero padding. */
    public static StunEncoder plain() {
        return new StunEncoder(null, null, false, (byte) 0);
    }

    /** Append MESSAGE-INTEGRITY (HMAC-SHA1) computed with {@code key}, see {@link StunCredentials}. */
    public StunEncoder withIntegrity(byte[] key) {
        return new StunEncoder(key.clone(), integritySha256Key, fingerprint, padding);
    }

    /** Append MESSAGE-INTEGRITY-SHA256 (untruncated, 32 bytes) computed with {@code key}. */
    public StunEncoder withIntegritySha256(byte[] key) {
        return new StunEncoder(integrityKey, key.clone(), fingerprint, padding);
    }

    public StunEncoder withFingerprint() {
        return new StunEncoder(integrityKey, integritySha256Key, true, padding);
    }

    /**
     * The byte that fills attribute values to a multiple of 4. RFC 8489 §14 says padding may be any value and
     * receivers ignore it; zero is the default, and RFC 5769's vectors use 0x20 in 2.1-2.3.
     */
    public StunEncoder withPadding(byte padByte) {
        return new StunEncoder(integrityKey, integritySha256Key, fingerprint, padByte);
    }

    /** @throws IllegalArgumentException if the attributes do not fit in one message (a caller bug, not input) */
    public byte[] encode(StunMessage message) {
        TransactionId tid = message.transactionId();
        List<StunAttribute> attrs = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        int body = 0;
        for (StunAttribute a : message.attributes()) {
            if (isComputed(a.type())) {
                continue;
            }
            byte[] v = AttributeCodec.encode(a, tid);
            if (v.length > 0xFFFF) {
                throw new IllegalArgumentException(StunAttributeType.name(a.type()) + " value over 65535 bytes");
            }
            attrs.add(a);
            values.add(v);
            body += 4 + padded(v.length);
        }
        body += (integrityKey != null ? 4 + StunIntegrity.SHA1_LENGTH : 0)
                + (integritySha256Key != null ? 4 + StunIntegrity.SHA256_LENGTH : 0)
                + (fingerprint ? 8 : 0);
        if (body > MAX_BODY) {
            throw new IllegalArgumentException("message body of " + body + " bytes does not fit the length field");
        }
        byte[] out = new byte[StunMessage.HEADER_LENGTH + body];
        AttributeCodec.writeShort(out, 0, message.messageType());
        AttributeCodec.writeInt(out, 4, StunMessage.MAGIC_COOKIE);
        tid.writeTo(out, 8);
        int pos = StunMessage.HEADER_LENGTH;
        for (int i = 0; i < attrs.size(); i++) {
            pos = put(out, pos, attrs.get(i).type(), values.get(i));
        }
        if (integrityKey != null) {
            pos = appendHmac(out, pos, StunAttributeType.MESSAGE_INTEGRITY, "HmacSHA1", integrityKey,
                    StunIntegrity.SHA1_LENGTH);
        }
        if (integritySha256Key != null) {
            pos = appendHmac(out, pos, StunAttributeType.MESSAGE_INTEGRITY_SHA256, "HmacSHA256", integritySha256Key,
                    StunIntegrity.SHA256_LENGTH);
        }
        if (fingerprint) {
            int crc = StunIntegrity.fingerprint(out, pos, pos - StunMessage.HEADER_LENGTH + 8);
            AttributeCodec.writeShort(out, pos, StunAttributeType.FINGERPRINT);
            AttributeCodec.writeShort(out, pos + 2, 4);
            AttributeCodec.writeInt(out, pos + 4, crc);
            pos += 8;
        }
        AttributeCodec.writeShort(out, 2, pos - StunMessage.HEADER_LENGTH);
        return out;
    }

    /** RFC 8489 §14.5: the HMAC covers the header with a length that ends at this attribute. */
    private int appendHmac(byte[] out, int pos, int type, String algorithm, byte[] key, int length) {
        byte[] mac = StunIntegrity.hmac(algorithm, key, out, pos, pos - StunMessage.HEADER_LENGTH + 4 + length);
        return put(out, pos, type, mac);
    }

    private int put(byte[] out, int pos, int type, byte[] value) {
        AttributeCodec.writeShort(out, pos, type);
        AttributeCodec.writeShort(out, pos + 2, value.length);
        System.arraycopy(value, 0, out, pos + 4, value.length);
        int end = pos + 4 + padded(value.length);
        for (int i = pos + 4 + value.length; i < end; i++) {
            out[i] = padding;
        }
        return end;
    }

    private static boolean isComputed(int type) {
        return type == StunAttributeType.MESSAGE_INTEGRITY || type == StunAttributeType.MESSAGE_INTEGRITY_SHA256
                || type == StunAttributeType.FINGERPRINT;
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }
}
