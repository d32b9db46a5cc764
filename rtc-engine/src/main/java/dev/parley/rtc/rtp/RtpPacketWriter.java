package dev.parley.rtc.rtp;

import dev.parley.rtc.net.NetworkOrder;

/**
 * Writes RTP packets (RFC 3550 §5.1) into a caller's buffer. A reusable mutable header: set the fields, then
 * {@link #write} (header, payload, padding) or {@link #writeHeader} alone. A buffer too small is a caller bug and
 * throws IllegalArgumentException.
 */
public final class RtpPacketWriter {
    private boolean marker;
    private int payloadType;
    private int sequenceNumber;
    private long timestamp;
    private int ssrc;
    private final int[] csrcs = new int[15];
    private int csrcCount;
    private int paddingLength;
    private final HeaderExtensionSet extensions = new HeaderExtensionSet();

    public RtpPacketWriter marker(boolean m) {
        this.marker = m;
        return this;
    }

    public RtpPacketWriter payloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + pt);
        }
        this.payloadType = pt;
        return this;
    }

    public RtpPacketWriter sequenceNumber(int seq) {
        this.sequenceNumber = seq & 0xffff;
        return this;
    }

    public RtpPacketWriter timestamp(long ts) {
        this.timestamp = ts & 0xffffffffL;
        return this;
    }

    public RtpPacketWriter ssrc(int s) {
        this.ssrc = s;
        return this;
    }

    /** RFC 3550 §5.1: at most 15 contributing sources. */
    public RtpPacketWriter csrcs(int... list) {
        if (list.length > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs: " + list.length);
        }
        System.arraycopy(list, 0, csrcs, 0, list.length);
        csrcCount = list.length;
        return this;
    }

    /** Padding octets appended after the payload, 0 for none, else 1..255 (the count octet included). */
    public RtpPacketWriter paddingLength(int n) {
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException("padding must be 0..255: " + n);
        }
        this.paddingLength = n;
        return this;
    }

    /** The extension elements of the next packet; clear or change them between packets. */
    public HeaderExtensionSet extensions() {
        return extensions;
    }

    public int headerLength() {
        return RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcCount + extensions.encodedLength();
    }

    /** Writes the header at {@code off}; returns its length. The P bit is set if padding was asked for. */
    public int writeHeader(byte[] dst, int off) {
        int n = headerLength();
        check(dst, off, n);
        dst[off] = (byte) (0x80 | (paddingLength > 0 ? 0x20 : 0) | (extensions.isEmpty() ? 0 : 0x10) | csrcCount);
        dst[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        NetworkOrder.put16(dst, off + 2, sequenceNumber);
        NetworkOrder.put32(dst, off + 4, (int) timestamp);
        NetworkOrder.put32(dst, off + 8, ssrc);
        int p = off + RtpPacket.FIXED_HEADER_LENGTH;
        for (int i = 0; i < csrcCount; i++, p += 4) {
            NetworkOrder.put32(dst, p, csrcs[i]);
        }
        extensions.write(dst, p);
        return n;
    }

    /** Writes header, payload and padding at {@code off}; returns the packet length. */
    public int write(byte[] dst, int off, byte[] payload, int payloadOff, int payloadLen) {
        int header = headerLength();
        int total = header + payloadLen + paddingLength;
        check(dst, off, total);
        writeHeader(dst, off);
        System.arraycopy(payload, payloadOff, dst, off + header, payloadLen);
        if (paddingLength > 0) {
            int padStart = off + header + payloadLen;
            java.util.Arrays.fill(dst, padStart, padStart + paddingLength - 1, (byte) 0);
            dst[padStart + paddingLength - 1] = (byte) paddingLength; // RFC 3550 §5.1: last octet is the count
        }
        return total;
    }

    private static void check(byte[] dst, int off, int n) {
        if (off < 0 || off > dst.length - n) {
            throw new IllegalArgumentException("buffer too small: need " + n + " bytes at " + off);
        }
    }
}
