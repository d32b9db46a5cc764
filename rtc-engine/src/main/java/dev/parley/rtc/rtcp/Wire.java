package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

/** The RTCP common header (RFC 3550 §6.4.1) and a parse-check helper. */
final class Wire {
    static final int HEADER = 4;

    private Wire() {
    }

    /** RFC 3550 §6.4.1: V=2, P=0, count or FMT, packet type, length in 32-bit words minus one. */
    static void header(byte[] b, int off, int countOrFormat, int packetType, int totalBytes) {
        if ((totalBytes & 3) != 0 || totalBytes < HEADER || totalBytes > 4 * 65536) {
            throw new IllegalArgumentException("RTCP packet length must be a multiple of 4 up to 256 KiB: "
                    + totalBytes);
        }
        b[off] = (byte) (0x80 | (countOrFormat & 0x1f));
        b[off + 1] = (byte) packetType;
        NetworkOrder.put16(b, off + 2, totalBytes / 4 - 1);
    }

    static void require(boolean ok, String message) throws RtcpParseException {
        if (!ok) {
            throw new RtcpParseException(message);
        }
    }
}
