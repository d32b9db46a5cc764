package dev.parley.rtc.rtp;

/** The outcome of {@link RtpPacket#wrap}: {@link #OK}, or why the bytes are not an RTP packet (for counting). */
public enum RtpParseStatus {
    OK,
    /** Fewer than the 12 fixed header bytes (RFC 3550 §5.1). */
    TOO_SHORT,
    /** Version field is not 2. */
    BAD_VERSION,
    /** The CSRC list runs past the end of the packet. */
    CSRC_OVERRUN,
    /** The header extension (4-byte header plus length in 32-bit words) runs past the end of the packet. */
    EXTENSION_OVERRUN,
    /** The P bit is set but the padding count is 0 or larger than what follows the header (RFC 3550 §5.1). */
    BAD_PADDING
}
