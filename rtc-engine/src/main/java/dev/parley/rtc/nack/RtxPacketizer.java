package dev.parley.rtc.nack;

import dev.parley.rtc.net.NetworkOrder;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseStatus;
import dev.parley.rtc.rtp.SequenceNumbers;

/**
 * Rewrites a media packet as a retransmission on its RTX stream (RFC 4588 §4, SSRC multiplexing).
 *
 * <p>The RTX packet keeps the original header (marker, timestamp, CSRCs, header extensions), takes the RTX payload
 * type, the RTX SSRC and the RTX stream's own next sequence number, and carries the original sequence number (OSN)
 * followed by the original payload. The original padding is dropped and the P bit cleared.
 *
 * <p>Threads: network thread only. Never throws for a bad original: returns -1 and counts.
 */
public final class RtxPacketizer {
    /** RFC 4588 §4: the OSN in front of the original payload. */
    static final int OSN_LENGTH = 2;

    private final int rtxPayloadType;
    private final int rtxSsrc;
    private final RtpPacket parser = new RtpPacket();
    private int nextSequence;
    private long wrapped;
    private long malformed;
    private long noRoom;

    /**
     * @param rtxPayloadType the negotiated RTX payload type (its {@code apt} is the media type), 0..127
     * @param rtxSsrc the SSRC of the RTX stream
     * @param initialSequence the first RTX sequence number (RFC 3550 §5.1: should be random)
     */
    public RtxPacketizer(int rtxPayloadType, int rtxSsrc, int initialSequence) {
        if (rtxPayloadType < 0 || rtxPayloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + rtxPayloadType);
        }
        this.rtxPayloadType = rtxPayloadType;
        this.rtxSsrc = rtxSsrc;
        this.nextSequence = initialSequence & 0xffff;
    }

    /**
     * Writes the RTX form of the {@code len}-byte original at {@code off} into {@code dst} at {@code dstOff} and
     * returns its length ({@code len} + 2 at most), or -1 if the original is not RTP or {@code dst} has no room.
     * {@code dst} may be the original's own array at the same offset (in place), given 2 spare bytes after it.
     * The RTX sequence number advances only when a packet is written.
     */
    public int wrap(byte[] original, int off, int len, byte[] dst, int dstOff) {
        if (parser.wrap(original, off, len) != RtpParseStatus.OK) {
            malformed++;
            return -1;
        }
        int header = parser.headerLength();
        int payload = parser.payloadLength();
        int total = header + OSN_LENGTH + payload;
        if (dst == null || dstOff < 0 || dstOff > dst.length - total) {
            noRoom++;
            return -1;
        }
        int osn = parser.sequenceNumber();
        // Payload first: arraycopy handles the overlap when wrapping in place.
        System.arraycopy(original, parser.payloadOffset(), dst, dstOff + header + OSN_LENGTH, payload);
        System.arraycopy(original, off, dst, dstOff, header);
        dst[dstOff] &= (byte) ~0x20; // no padding any more
        dst[dstOff + 1] = (byte) ((dst[dstOff + 1] & 0x80) | rtxPayloadType);
        NetworkOrder.put16(dst, dstOff + 2, nextSequence);
        NetworkOrder.put32(dst, dstOff + 8, rtxSsrc);
        NetworkOrder.put16(dst, dstOff + header, osn); // RFC 4588 §4: OSN in network order
        nextSequence = SequenceNumbers.add(nextSequence, 1);
        wrapped++;
        return total;
    }

    /** The sequence number the next RTX packet will carry. */
    public int nextSequenceNumber() {
        return nextSequence;
    }

    /** RTX packets written. */
    public long wrappedPackets() {
        return wrapped;
    }

    /** Originals that did not parse as RTP. */
    public long malformedPackets() {
        return malformed;
    }

    /** Originals dropped because the destination had no room. */
    public long noRoomPackets() {
        return noRoom;
    }
}
