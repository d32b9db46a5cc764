package dev.parley.rtc.rtp;

import dev.parley.rtc.net.NetworkOrder;

/**
 * A reusable, non-copying view of one RTP packet (RFC 3550 §5.1) inside a caller's byte array.
 *
 * <p>{@link #wrap} checks every length against the bytes given and returns a status instead of throwing; after
 * {@code OK} every accessor reads straight from the array, in bounds. Setters rewrite fields in place (RTX, SSRC
 * rewriting). Not thread-safe; one instance per network thread is the intended use.
 */
public final class RtpPacket {
    /** RFC 3550 §5.1: the fixed header is 12 bytes. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private byte[] buf;
    private int off;
    private int len;
    private int csrcCount;
    private int extProfile = -1;
    private int extDataOffset;
    private int extDataLength;
    private int payloadOffset;
    private int payloadLength;
    private int paddingLength;
    private final HeaderExtensionReader extensions = new HeaderExtensionReader();

    /** Points this view at {@code len} bytes at {@code off}; on anything but OK the view is unusable. */
    public RtpParseStatus wrap(byte[] b, int off, int len) {
        this.buf = null;
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            return RtpParseStatus.TOO_SHORT;
        }
        if (len < FIXED_HEADER_LENGTH) {
            return RtpParseStatus.TOO_SHORT;
        }
        int first = b[off] & 0xff;
        if ((first >>> 6) != 2) {
            return RtpParseStatus.BAD_VERSION;
        }
        int cc = first & 0x0f;
        int pos = FIXED_HEADER_LENGTH + 4 * cc;
        if (pos > len) {
            return RtpParseStatus.CSRC_OVERRUN;
        }
        int profile = -1;
        int extData = 0;
        int extLen = 0;
        if ((first & 0x10) != 0) {
            // RFC 3550 §5.3.1: 16-bit profile, 16-bit length in 32-bit words, not counting the 4-byte header.
            if (pos + 4 > len) {
                return RtpParseStatus.EXTENSION_OVERRUN;
            }
            profile = NetworkOrder.u16(b, off + pos);
            extLen = 4 * NetworkOrder.u16(b, off + pos + 2);
            extData = pos + 4;
            if (extLen > len - extData) {
                return RtpParseStatus.EXTENSION_OVERRUN;
            }
            pos = extData + extLen;
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
            padding = len > pos ? b[off + len - 1] & 0xff : 0;
            if (padding == 0 || padding > len - pos) {
                return RtpParseStatus.BAD_PADDING;
            }
        }
        this.buf = b;
        this.off = off;
        this.len = len;
        this.csrcCount = cc;
        this.extProfile = profile;
        this.extDataOffset = off + extData;
        this.extDataLength = extLen;
        this.payloadOffset = off + pos;
        this.payloadLength = len - pos - padding;
        this.paddingLength = padding;
        return RtpParseStatus.OK;
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    public int version() {
        return (buf[off] & 0xff) >>> 6;
    }

    public boolean hasPadding() {
        return (buf[off] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (buf[off] & 0x10) != 0;
    }

    public int csrcCount() {
        return csrcCount;
    }

    public boolean marker() {
        return (buf[off + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[off + 1] & 0x7f;
    }

    public int sequenceNumber() {
        return NetworkOrder.u16(buf, off + 2);
    }

    /** The RTP timestamp as an unsigned 32-bit value. */
    public long timestamp() {
        return NetworkOrder.u32(buf, off + 4);
    }

    public int ssrc() {
        return NetworkOrder.i32(buf, off + 8);
    }

    public int csrc(int index) {
        if (index < 0 || index >= csrcCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return NetworkOrder.i32(buf, off + FIXED_HEADER_LENGTH + 4 * index);
    }

    /** The header's length: fixed header, CSRCs and extension; the payload starts here. */
    public int headerLength() {
        return payloadOffset - off;
    }

    /** Absolute index in {@link #buffer()} of the first payload byte. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload length with padding removed. */
    public int payloadLength() {
        return payloadLength;
    }

    public int paddingLength() {
        return paddingLength;
    }

    /** The extension's 16-bit "defined by profile" value, or -1 without an extension. */
    public int extensionProfile() {
        return extProfile;
    }

    public int extensionDataOffset() {
        return extDataOffset;
    }

    public int extensionDataLength() {
        return extDataLength;
    }

    /**
     * The RFC 8285 elements of this packet, as a cursor reset to the first one. Reused: valid until the next call.
     * For a packet without an RFC 8285 extension the cursor has no elements.
     */
    public HeaderExtensionReader extensions() {
        extensions.reset(buf, extProfile, extDataOffset, extDataLength);
        return extensions;
    }

    public void setMarker(boolean marker) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x7f) | (marker ? 0x80 : 0));
    }

    public void setPayloadType(int pt) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (pt & 0x7f));
    }

    public void setSequenceNumber(int seq) {
        NetworkOrder.put16(buf, off + 2, seq);
    }

    public void setTimestamp(long ts) {
        NetworkOrder.put32(buf, off + 4, (int) ts);
    }

    public void setSsrc(int ssrc) {
        NetworkOrder.put32(buf, off + 8, ssrc);
    }

    @Override
    public String toString() {
        if (buf == null) {
            return "RtpPacket[unwrapped]";
        }
        return "RtpPacket[pt=" + payloadType() + " seq=" + sequenceNumber() + " ts=" + timestamp()
                + " ssrc=" + Integer.toUnsignedString(ssrc()) + (marker() ? " M" : "") + " csrcs=" + csrcCount
                + " ext=" + extDataLength + " payload=" + payloadLength + " pad=" + paddingLength + "]";
    }
}
