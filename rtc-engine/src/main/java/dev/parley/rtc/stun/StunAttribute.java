package dev.parley.rtc.stun;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One decoded STUN attribute. The wire form lives in {@link AttributeCodec}; these are plain values.
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT appear in decoded messages only: the encoder
 * computes them from its options and skips any instances found in a message being encoded.
 */
public sealed interface StunAttribute {

    int type();

    /** MAPPED-ADDRESS (RFC 8489 §14.1) or ALTERNATE-SERVER (§14.15): a plain address. */
    record Address(int type, InetSocketAddress address) implements StunAttribute {
        public Address {
            requireResolved(address);
        }
    }

    /** XOR-MAPPED-ADDRESS (RFC 8489 §14.2), and TURN's XOR-PEER-ADDRESS / XOR-RELAYED-ADDRESS. */
    record XorAddress(int type, InetSocketAddress address) implements StunAttribute {
        public XorAddress {
            requireResolved(address);
        }
    }

    /** USERNAME, REALM, NONCE, SOFTWARE: UTF-8 text (RFC 8489 §14.3, §14.9, §14.10, §14.14). */
    record Text(int type, String value) implements StunAttribute {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text attribute value is null");
            }
        }
    }

    /** ERROR-CODE (RFC 8489 §14.8): code 300..699 and a reason phrase. */
    record ErrorCode(int code, String reason) implements StunAttribute {
        public ErrorCode {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("ERROR-CODE must be 300..699, got " + code);
            }
            reason = reason == null ? "" : reason;
        }

        @Override
        public int type() {
            return StunAttributeType.ERROR_CODE;
        }
    }

    /** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the types a 420 response did not understand. */
    record UnknownAttributes(List<Integer> types) implements StunAttribute {
        public UnknownAttributes {
            types = List.copyOf(types);
        }

        @Override
        public int type() {
            return StunAttributeType.UNKNOWN_ATTRIBUTES;
        }
    }

    /** MESSAGE-INTEGRITY as received (RFC 8489 §14.5); verify with {@link StunIntegrity}. */
    record MessageIntegrity(byte[] hmac) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.MESSAGE_INTEGRITY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageIntegrity m && Arrays.equals(hmac, m.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /** MESSAGE-INTEGRITY-SHA256 as received (RFC 8489 §14.6), possibly truncated to 16..32 bytes. */
    record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.MESSAGE_INTEGRITY_SHA256;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageIntegritySha256 m && Arrays.equals(hmac, m.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /** FINGERPRINT as received (RFC 8489 §14.7); verify with {@link StunIntegrity}. */
    record Fingerprint(int crc) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.FINGERPRINT;
        }
    }

    /** PRIORITY (RFC 8445 §7.1.1): unsigned 32-bit, held in a long. */
    record Priority(long priority) implements StunAttribute {
        public Priority {
            if (priority < 0 || priority > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("PRIORITY is unsigned 32-bit, got " + priority);
            }
        }

        @Override
        public int type() {
            return StunAttributeType.PRIORITY;
        }
    }

    /** USE-CANDIDATE (RFC 8445 §7.1.2): a flag with no value. */
    record UseCandidate() implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.USE_CANDIDATE;
        }
    }

    /** ICE-CONTROLLING (RFC 8445 §7.1.3): the 64-bit tie-breaker. */
    record IceControlling(long tieBreaker) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.ICE_CONTROLLING;
        }
    }

    /** ICE-CONTROLLED (RFC 8445 §7.1.3): the 64-bit tie-breaker. */
    record IceControlled(long tieBreaker) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.ICE_CONTROLLED;
        }
    }

    /** Any other attribute, value kept verbatim (unknown types, and TURN types the {@code turn} package reads). */
    record Raw(int type, byte[] value) implements StunAttribute {
        public Raw {
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("attribute type is 16-bit, got " + type);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && type == r.type && Arrays.equals(value, r.value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Raw[" + StunAttributeType.name(type) + "=" + HexFormat.of().formatHex(value) + "]";
        }
    }

    static StunAttribute username(String username) {
        return new Text(StunAttributeType.USERNAME, username);
    }

    static StunAttribute realm(String realm) {
        return new Text(StunAttributeType.REALM, realm);
    }

    static StunAttribute nonce(String nonce) {
        return new Text(StunAttributeType.NONCE, nonce);
    }

    static StunAttribute software(String software) {
        return new Text(StunAttributeType.SOFTWARE, software);
    }

    static StunAttribute mappedAddress(InetSocketAddress address) {
        return new Address(StunAttributeType.MAPPED_ADDRESS, address);
    }

    static StunAttribute alternateServer(InetSocketAddress address) {
        return new Address(StunAttributeType.ALTERNATE_SERVER, address);
    }

    static StunAttribute xorMappedAddress(InetSocketAddress address) {
        return new XorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, address);
    }

    private static void requireResolved(InetSocketAddress address) {
        if (address == null || address.getAddress() == null) {
            throw new IllegalArgumentException("STUN addresses must be resolved IP addresses: " + address);
        }
    }
}
