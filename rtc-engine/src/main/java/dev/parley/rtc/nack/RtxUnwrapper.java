package dev.parley.rtc.nack;

import dev.parley.rtc.net.NetworkOrder;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseStatus;

/**
 * Restores the original media packet from an RTX packet (RFC 4588 §4): sequence number from the OSN, payload type
 * from the RTX type's {@code apt}, SSRC of the media stream, payload after the OSN; the RTX padding is dropped.
 *
 * <p>An RTX packet with fewer than 2 payload bytes once its padding is removed carries no original: libwebrtc sends
 * such packets to probe bandwidth. They give -1 silently and are counted apart from malformed packets.
 *
 * <p>Threads: network thread only (one instance per receiving RTX stream). Never throws for hostile bytes.
 */
public final class RtxUnwrapper {
    private final RtpPacket parser = new RtpPacket();
    private long unwrapped;
    private long paddingOnly;
    private long malformed;
    private long noRoom;

    /**
     * Writes the original packet carried by the {@code len}-byte RTX packet at {@code off} into {@code dst} at
     * {@code dstOff} and returns its length, or -1 for a packet that is not RTP, a padding-only packet, or a
     * {@code dst} without room. {@code dst} may be the RTX packet's own array at the same offset (in place).
     * The caller has already matched the RTX SSRC and payload type.
     *
     * @param originalPayloadType the media payload type (the RTX type's {@code apt}), 0..127
     * @param mediaSsrc the SSRC of the media stream the RTX stream repairs
     * @throws IllegalArgumentException if {@code originalPayloadType} is outside 0..127 (a caller bug)
     */
    public int unwrap(byte[] rtx, int off, int len, int originalPayloadType, int mediaSsrc, byte[] dst,
                      int dstOff) {
        if (originalPayloadType < 0 || originalPayloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + originalPayloadType);
        }
        if (parser.wrap(rtx, off, len) != RtpParseStatus.OK) {
            malformed++;
            return -1;
        }
        int payload = parser.payloadLength() - RtxPacketizer.OSN_LENGTH;
        if (payload < 0) {
            paddingOnly++;
            return -1;
        }
        int header = parser.headerLength();
        int total = header + payload;
        if (dst == null || dstOff < 0 || dstOff > dst.length - total) {
            noRoom++;
            return -1;
        }
        int osnOffset = parser.payloadOffset();
        int osn = NetworkOrder.u16(rtx, osnOffset);
        // Header first, then the payload moved down over the OSN: safe in place, where the header stays put.
        System.arraycopy(rtx, off, dst, dstOff, header);
        System.arraycopy(rtx, osnOffset + RtxPacketizer.OSN_LENGTH, dst, dstOff + header, payload);
        dst[dstOff] &= (byte) ~0x20;
        dst[dstOff + 1] = (byte) ((dst[dstOff + 1] & 0x80) | originalPayloadType);
        NetworkOrder.put16(dst, dstOff + 2, osn);
        NetworkOrder.put32(dst, dstOff + 8, mediaSsrc);
        unwrapped++;
        return total;
    }

    /** Original packets restored. */
    public long unwrappedPackets() {
        return unwrapped;
    }

    /** RTX packets without an original (bandwidth probes). */
    public long paddingOnlyPackets() {
        return paddingOnly;
    }

    /** RTX packets that were not RTP. */
    public long malformedPackets() {
        return malformed;
    }

    /** Packets dropped because the destination had no room. */
    public long noRoomPackets() {
        return noRoom;
    }
}
