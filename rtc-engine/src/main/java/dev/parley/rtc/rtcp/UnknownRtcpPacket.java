package dev.parley.rtc.rtcp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A packet this package does not interpret (APP, XR, other feedback formats), kept so a compound still walks;
 * {@code body} is everything after the 4-byte header, padding removed, never longer than the packet.
 */
public record UnknownRtcpPacket(int packetType, int countOrFormat, byte[] body) implements RtcpPacket {
    public UnknownRtcpPacket {
        if ((body.length & 3) != 0) {
            throw new IllegalArgumentException("RTCP body must be a multiple of 4 bytes: " + body.length);
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int encodedLength() {
        return 4 + body.length;
    }

    @Override
    public int writeTo(byte[] dst, int off) {
        Wire.header(dst, off, countOrFormat, packetType, encodedLength());
        System.arraycopy(body, 0, dst, off + 4, body.length);
        return encodedLength();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcpPacket u && u.packetType == packetType && u.countOrFormat == countOrFormat
                && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return packetType * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcpPacket[pt=" + packetType + " fmt=" + countOrFormat + " body=" + HexFormat.of().formatHex(body)
                + "]";
    }
}
