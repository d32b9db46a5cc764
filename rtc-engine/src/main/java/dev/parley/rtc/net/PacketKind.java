package dev.parley.rtc.net;

/**
 * What a datagram on the shared ICE port is, from its first byte (RFC 7983 section 7), and for RTP/RTCP
 * from its second (RFC 5761 section 4).
 */
public enum PacketKind {
    STUN,
    ZRTP,
    DTLS,
    TURN_CHANNEL,
    RTP,
    RTCP,
    UNKNOWN;

    /** Classifies without reading past {@code length}; an empty or unclassifiable datagram is UNKNOWN. */
    public static PacketKind of(byte[] data, int offset, int length) {
        if (length < 1) {
            return UNKNOWN;
        }
        int b = data[offset] & 0xff;
        if (b <= 3) {
            return STUN;
        }
        if (b >= 16 && b <= 19) {
            return ZRTP;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 64 && b <= 79) {
            return TURN_CHANNEL;
        }
        if (b >= 128 && b <= 191) {
            if (length < 2) {
                return UNKNOWN;
            }
            // RTCP packet types 192..223 occupy the byte where RTP has marker + payload type.
            int pt = data[offset + 1] & 0xff;
            return pt >= 192 && pt <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }
}
