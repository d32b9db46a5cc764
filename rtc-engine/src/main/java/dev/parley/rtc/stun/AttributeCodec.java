package dev.parley.rtc.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Value encoding and bounds-checked decoding of each attribute type. */
final class AttributeCodec {
    /** RFC 8489 §14.3/§14.9/§14.10/§14.14: fewer than 128 characters, at most 763 bytes when decoding. */
    static final int MAX_TEXT_BYTES = 763;

    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private AttributeCodec() {
    }

    /** Decodes one attribute value in {@code b[off, off+len)}, which the caller has bounds-checked. */
    static StunAttribute decode(int type, byte[] b, int off, int len, TransactionId tid) throws StunParseException {
        switch (type) {
            case StunAttributeType.MAPPED_ADDRESS, StunAttributeType.ALTERNATE_SERVER:
                return new StunAttribute.Address(type, address(type, b, off, len, null));
            case StunAttributeType.XOR_MAPPED_ADDRESS, StunAttributeType.XOR_PEER_ADDRESS,
                    StunAttributeType.XOR_RELAYED_ADDRESS:
                return new StunAttribute.XorAddress(type, address(type, b, off, len, tid));
            case StunAttributeType.USERNAME, StunAttributeType.REALM, StunAttributeType.NONCE,
                    StunAttributeType.SOFTWARE:
                requireAtMost(type, len, MAX_TEXT_BYTES);
                return new StunAttribute.Text(type, utf8(type, b, off, len));
            case StunAttributeType.ERROR_CODE:
                return errorCode(b, off, len);
            case StunAttributeType.UNKNOWN_ATTRIBUTES:
                return unknownAttributes(b, off, len);
            case StunAttributeType.MESSAGE_INTEGRITY:
                requireLength(type, len, StunIntegrity.SHA1_LENGTH);
                return new StunAttribute.MessageIntegrity(Arrays.copyOfRange(b, off, off + len));
            case StunAttributeType.MESSAGE_INTEGRITY_SHA256:
                // RFC 8489 §14.6: truncation to no fewer than 16 bytes, in multiples of 4.
                if (len < 16 || len > 32 || len % 4 != 0) {
                    throw new StunParseException("MESSAGE-INTEGRITY-SHA256 length " + len + " is not 16..32 by 4");
                }
                return new StunAttribute.MessageIntegritySha256(Arrays.copyOfRange(b, off, off + len));
            case StunAttributeType.FINGERPRINT:
                requireLength(type, len, 4);
                return new StunAttribute.Fingerprint(readInt(b, off));
            case StunAttributeType.PRIORITY:
                requireLength(type, len, 4);
                return new StunAttribute.Priority(readInt(b, off) & 0xFFFF_FFFFL);
            case StunAttributeType.USE_CANDIDATE:
                requireLength(type, len, 0);
                return new StunAttribute.UseCandidate();
            case StunAttributeType.ICE_CONTROLLING:
                requireLength(type, len, 8);
                return new StunAttribute.IceControlling(readLong(b, off));
            case StunAttributeType.ICE_CONTROLLED:
                requireLength(type, len, 8);
                return new StunAttribute.IceControlled(readLong(b, off));
            default:
                return new StunAttribute.Raw(type, Arrays.copyOfRange(b, off, off + len));
        }
    }

    /** The value bytes of an attribute, unpadded. Integrity and fingerprint are the encoder's business. */
    static byte[] encode(StunAttribute attribute, TransactionId tid) {
        if (attribute instanceof StunAttribute.Address a) {
            return address(a.address(), null);
        } else if (attribute instanceof StunAttribute.XorAddress a) {
            return address(a.address(), tid);
        } else if (attribute instanceof StunAttribute.Text t) {
            byte[] v = t.value().getBytes(StandardCharsets.UTF_8);
            if (v.length > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException(StunAttributeType.name(t.type()) + " over " + MAX_TEXT_BYTES + " bytes");
            }
            return v;
        } else if (attribute instanceof StunAttribute.ErrorCode e) {
            byte[] reason = e.reason().getBytes(StandardCharsets.UTF_8);
            if (reason.length > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException("ERROR-CODE reason over " + MAX_TEXT_BYTES + " bytes");
            }
            byte[] v = new byte[4 + reason.length];
            v[2] = (byte) (e.code() / 100); // RFC 8489 §14.8: class = hundreds digit, number = code % 100
            v[3] = (byte) (e.code() % 100);
            System.arraycopy(reason, 0, v, 4, reason.length);
            return v;
        } else if (attribute instanceof StunAttribute.UnknownAttributes u) {
            byte[] v = new byte[2 * u.types().size()];
            for (int i = 0; i < u.types().size(); i++) {
                int t = u.types().get(i);
                v[2 * i] = (byte) (t >> 8);
                v[2 * i + 1] = (byte) t;
            }
            return v;
        } else if (attribute instanceof StunAttribute.Priority p) {
            byte[] v = new byte[4];
            writeInt(v, 0, (int) p.priority());
            return v;
        } else if (attribute instanceof StunAttribute.UseCandidate) {
            return new byte[0];
        } else if (attribute instanceof StunAttribute.IceControlling c) {
            return longBytes(c.tieBreaker());
        } else if (attribute instanceof StunAttribute.IceControlled c) {
            return longBytes(c.tieBreaker());
        } else if (attribute instanceof StunAttribute.Raw r) {
            return r.value();
        }
        throw new IllegalArgumentException("the encoder computes " + StunAttributeType.name(attribute.type()));
    }

    /** RFC 8489 §14.1/§14.2: 0, family, port, address; XOR'd with the cookie (and transaction id for IPv6). */
    private static InetSocketAddress address(int type, byte[] b, int off, int len, TransactionId tid)
            throws StunParseException {
        if (len < 4) {
            throw new StunParseException(StunAttributeType.name(type) + " too short: " + len);
        }
        int family = b[off + 1] & 0xFF;
        int addrLen = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (addrLen < 0) {
            throw new StunParseException(StunAttributeType.name(type) + " has unknown family " + family);
        }
        requireLength(type, len, 4 + addrLen);
        int port = readShort(b, off + 2);
        byte[] ip = Arrays.copyOfRange(b, off + 4, off + 4 + addrLen);
        if (tid != null) {
            port ^= StunMessage.MAGIC_COOKIE >>> 16;
            xorAddress(ip, tid);
        }
        try {
            InetAddress inet = addrLen == 4 ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, -1);
            return new InetSocketAddress(inet, port);
        } catch (UnknownHostException e) {
            throw new StunParseException("bad address bytes in " + StunAttributeType.name(type)); // unreachable: sizes checked
        }
    }

    private static byte[] address(InetSocketAddress address, TransactionId tid) {
        InetAddress inet = address.getAddress();
        byte[] ip = inet.getAddress();
        int port = address.getPort();
        byte[] v = new byte[4 + ip.length];
        v[1] = (byte) (inet instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6);
        if (tid != null) {
            port ^= StunMessage.MAGIC_COOKIE >>> 16;
            xorAddress(ip, tid);
        }
        v[2] = (byte) (port >> 8);
        v[3] = (byte) port;
        System.arraycopy(ip, 0, v, 4, ip.length);
        return v;
    }

    /** XOR with the magic cookie, then (IPv6 only) the 96-bit transaction id (RFC 8489 §14.2). */
    private static void xorAddress(byte[] ip, TransactionId tid) {
        for (int i = 0; i < ip.length; i++) {
            int key = i < 4 ? (StunMessage.MAGIC_COOKIE >>> (24 - 8 * i)) : tid.at(i - 4);
            ip[i] ^= (byte) key;
        }
    }

    private static StunAttribute errorCode(byte[] b, int off, int len) throws StunParseException {
        if (len < 4) {
            throw new StunParseException("ERROR-CODE too short: " + len);
        }
        requireAtMost(StunAttributeType.ERROR_CODE, len - 4, MAX_TEXT_BYTES);
        int cls = b[off + 2] & 0x07;
        int number = b[off + 3] & 0xFF;
        // RFC 8489 §14.8: class 3..6, number 0..99.
        if (cls < 3 || cls > 6 || number > 99) {
            throw new StunParseException("ERROR-CODE class " + cls + " number " + number + " out of range");
        }
        return new StunAttribute.ErrorCode(cls * 100 + number, utf8(StunAttributeType.ERROR_CODE, b, off + 4, len - 4));
    }

    /** RFC 8489 §14.3 etc.: text MUST be UTF-8; lenient decoding would make two wire forms mean one string. */
    private static String utf8(int type, byte[] b, int off, int len) throws StunParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new StunParseException(StunAttributeType.name(type) + " is not valid UTF-8");
        }
    }

    private static StunAttribute unknownAttributes(byte[] b, int off, int len) throws StunParseException {
        if (len % 2 != 0) {
            throw new StunParseException("UNKNOWN-ATTRIBUTES length " + len + " is odd");
        }
        List<Integer> types = new ArrayList<>(len / 2);
        for (int i = 0; i < len; i += 2) {
            types.add(readShort(b, off + i));
        }
        return new StunAttribute.UnknownAttributes(types);
    }

    private static void requireLength(int type, int len, int expected) throws StunParseException {
        if (len != expected) {
            throw new StunParseException(StunAttributeType.name(type) + " length " + len + ", expected " + expected);
        }
    }

    private static void requireAtMost(int type, int len, int max) throws StunParseException {
        if (len > max) {
            throw new StunParseException(StunAttributeType.name(type) + " length " + len + " over " + max);
        }
    }

    static int readShort(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static long readLong(byte[] b, int off) {
        return ((long) readInt(b, off) << 32) | (readInt(b, off + 4) & 0xFFFF_FFFFL);
    }

    static void writeShort(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 8);
        b[off + 1] = (byte) v;
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        writeInt(b, 0, (int) (v >>> 32));
        writeInt(b, 4, (int) v);
        return b;
    }
}
