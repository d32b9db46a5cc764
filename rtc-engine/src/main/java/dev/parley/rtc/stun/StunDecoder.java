package dev.parley.rtc.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes STUN messages from hostile bytes and classifies datagrams for the RFC 7983 demultiplexer. */
public final class StunDecoder {
    /** More than any real STUN or TURN message carries; bounds the work an attacker can make us do. */
    public static final int MAX_ATTRIBUTES = 64;

    private StunDecoder() {
    }

    /**
     * Cheap check that {@code b[off, off+len)} is a whole STUN message: first byte 0..3 (RFC 7983 §7), magic
     * cookie, length a multiple of 4 that accounts for exactly the datagram. Never throws.
     */
    public static boolean isStun(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < StunMessage.HEADER_LENGTH || off > b.length - len) {
            return false;
        }
        int length = AttributeCodec.readShort(b, off + 2);
        return (b[off] & 0xFF) <= 3
                && AttributeCodec.readInt(b, off + 4) == StunMessage.MAGIC_COOKIE
                && length % 4 == 0
                && length + StunMessage.HEADER_LENGTH == len;
    }

    /** {@link #isStun(byte[], int, int)} over the buffer's remaining bytes, without moving its position. */
    public static boolean isStun(ByteBuffer buf) {
        if (buf == null) {
            return false;
        }
        int p = buf.position();
        int len = buf.remaining();
        if (len < StunMessage.HEADER_LENGTH) {
            return false;
        }
        int length = ((buf.get(p + 2) & 0xFF) << 8) | (buf.get(p + 3) & 0xFF);
        int cookie = ((buf.get(p + 4) & 0xFF) << 24) | ((buf.get(p + 5) & 0xFF) << 16)
                | ((buf.get(p + 6) & 0xFF) << 8) | (buf.get(p + 7) & 0xFF); // byte by byte: ignores buf.order()
        return (buf.get(p) & 0xFF) <= 3
                && cookie == StunMessage.MAGIC_COOKIE
                && length % 4 == 0
                && length + StunMessage.HEADER_LENGTH == len;
    }

    public static StunMessage decode(byte[] b) throws StunParseException {
        if (b == null) {
            throw new StunParseException("no bytes");
        }
        return decode(b, 0, b.length);
    }

    /**
     * Decodes exactly {@code b[off, off+len)} (one datagram, or one message framed off a stream).
     * The bytes are copied, so the caller may reuse its receive buffer.
     *
     * @throws StunParseException with a reason, for anything that is not a well-formed STUN message
     */
    public static StunMessage decode(byte[] b, int off, int len) throws StunParseException {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            throw new StunParseException("bad buffer slice");
        }
        if (len < StunMessage.HEADER_LENGTH) {
            throw new StunParseException("shorter than the 20-byte header: " + len);
        }
        int type = AttributeCodec.readShort(b, off);
        if ((type & 0xC000) != 0) {
            throw new StunParseException("top two bits of the message type are not zero"); // RFC 8489 §5
        }
        if (AttributeCodec.readInt(b, off + 4) != StunMessage.MAGIC_COOKIE) {
            throw new StunParseException("no magic cookie"); // RFC 8489 §5; RFC 3489 messages are not supported
        }
        int length = AttributeCodec.readShort(b, off + 2);
        if (length % 4 != 0) {
            throw new StunParseException("message length " + length + " is not a multiple of 4"); // RFC 8489 §5
        }
        if (length + StunMessage.HEADER_LENGTH != len) {
            throw new StunParseException("message length " + length + " disagrees with " + len + " bytes received");
        }
        byte[] wire = Arrays.copyOfRange(b, off, off + len);
        return parse(wire, type);
    }

    private static StunMessage parse(byte[] wire, int type) throws StunParseException {
        TransactionId tid = TransactionId.copyOf(wire, 8);
        List<StunAttribute> attributes = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        int integrity = -1;
        int integritySha256 = -1;
        int fingerprint = -1;
        int ignored = 0;
        int count = 0;
        int pos = StunMessage.HEADER_LENGTH;
        while (pos < wire.length) {
            if (++count > MAX_ATTRIBUTES) {
                throw new StunParseException("more than " + MAX_ATTRIBUTES + " attributes");
            }
            if (wire.length - pos < 4) {
                throw new StunParseException("truncated attribute header at " + pos); // unreachable: length % 4 == 0
            }
            int attrType = AttributeCodec.readShort(wire, pos);
            int attrLen = AttributeCodec.readShort(wire, pos + 2);
            int valueOff = pos + 4;
            if (attrLen > wire.length - valueOff) {
                throw new StunParseException(StunAttributeType.name(attrType) + " length " + attrLen
                        + " overruns the message");
            }
            int next = valueOff + ((attrLen + 3) & ~3); // RFC 8489 §14: values padded to 4 bytes
            if (fingerprint >= 0) {
                throw new StunParseException("attribute after FINGERPRINT"); // RFC 8489 §14.7: it MUST be last
            }
            boolean afterIntegrity = integritySha256 >= 0
                    || (integrity >= 0 && attrType != StunAttributeType.MESSAGE_INTEGRITY_SHA256);
            if (attrType == StunAttributeType.FINGERPRINT) {
                fingerprint = pos;
            } else if (afterIntegrity) {
                // RFC 8489 §14.5/§14.6: ignore everything after the integrity attributes except FINGERPRINT.
                ignored++;
                pos = next;
                continue;
            } else if (attrType == StunAttributeType.MESSAGE_INTEGRITY) {
                integrity = pos;
            } else if (attrType == StunAttributeType.MESSAGE_INTEGRITY_SHA256) {
                integritySha256 = pos;
            }
            if (StunAttributeType.isComprehensionRequired(attrType) && !StunAttributeType.isKnown(attrType)) {
                unknown.add(attrType);
            }
            attributes.add(AttributeCodec.decode(attrType, wire, valueOff, attrLen, tid));
            pos = next;
        }
        return new StunMessage(StunMethod.methodOf(type), StunMethod.classOf(type), tid, attributes, wire,
                integrity, integritySha256, fingerprint, unknown, ignored);
    }
}
