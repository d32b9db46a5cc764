package dev.parley.rtc.rtcp;

import java.util.List;

/**
 * Writes RTCP packets back to back: a compound (RFC 3550 §6.1: start with an SR or RR, include SDES CNAME) or
 * a reduced-size packet (RFC 5506: e.g. one feedback packet alone). The caller chooses; nothing is reordered.
 */
public final class RtcpWriter {
    private RtcpWriter() {
    }

    public static int encodedLength(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.encodedLength();
        }
        return n;
    }

    /** Writes at {@code off}; returns the bytes written. A buffer too small throws IllegalArgumentException. */
    public static int write(List<? extends RtcpPacket> packets, byte[] dst, int off) {
        int n = encodedLength(packets);
        if (off < 0 || off > dst.length - n) {
            throw new IllegalArgumentException("buffer too small: need " + n + " bytes at " + off);
        }
        int p = off;
        for (RtcpPacket packet : packets) {
            p += packet.writeTo(dst, p);
        }
        return n;
    }

    public static byte[] encode(List<? extends RtcpPacket> packets) {
        byte[] out = new byte[encodedLength(packets)];
        write(packets, out, 0);
        return out;
    }

    public static byte[] encode(RtcpPacket... packets) {
        return encode(List.of(packets));
    }
}
