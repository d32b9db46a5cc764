package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03 §2.2): PSFB FMT 15, "REMB", the SSRCs it
 * applies to and the bitrate as an 18-bit mantissa times 2^exponent (6 bits) bits per second.
 */
public record Remb(int senderSsrc, long bitrateBps, List<Integer> ssrcs) implements RtcpPacket {
    public static final int FORMAT = 15;
    static final int IDENTIFIER = 0x52454d42; // "REMB"
    private static final int MAX_MANTISSA = (1 << 18) - 1;

    public Remb {
        if (bitrateBps < 0) {
            throw new IllegalArgumentException("negative bitrate: " + bitrateBps);
        }
        if (ssrcs.size() > 255) {
            throw new IllegalArgumentException("at most 255 SSRCs in a REMB: " + ssrcs.size());
        }
        ssrcs = List.copyOf(ssrcs);
    }

    /** True when a PSFB FMT 15 body carries the "REMB" identifier (FMT 15 is shared by all application feedback). */
    static boolean matches(byte[] b, int off, int end) {
        return end - off >= 12 && NetworkOrder.i32(b, off + 8) == IDENTIFIER;
    }

    static Remb parse(byte[] b, int off, int end) throws RtcpParseException {
        Wire.require(end - off >= 16, "REMB shorter than its FCI");
        int count = NetworkOrder.u8(b, off + 12);
        int exponent = NetworkOrder.u8(b, off + 13) >>> 2;
        long mantissa = NetworkOrder.u24(b, off + 13) & MAX_MANTISSA;
        Wire.require(end - off - 16 >= 4 * count, "REMB SSRC count " + count + " runs past the packet");
        Wire.require(mantissa == 0 || Long.numberOfLeadingZeros(mantissa) > exponent, "REMB bitrate overflows");
        List<Integer> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(NetworkOrder.i32(b, off + 16 + 4 * i));
        }
        return new Remb(NetworkOrder.i32(b, off), mantissa << exponent, ssrcs);
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int encodedLength() {
        return 20 + 4 * ssrcs.size();
    }

    /** Writes the bitrate rounded down to what 18 bits of mantissa can say. */
    @Override
    public int writeTo(byte[] dst, int off) {
        int n = encodedLength();
        int exponent = 0;
        long mantissa = bitrateBps;
        while (mantissa > MAX_MANTISSA) {
            mantissa >>>= 1;
            exponent++;
        }
        Wire.header(dst, off, FORMAT, PSFB, n);
        NetworkOrder.put32(dst, off + 4, senderSsrc);
        NetworkOrder.put32(dst, off + 8, 0); // draft-alvestrand-rmcat-remb §2.2: media source SSRC is 0
        NetworkOrder.put32(dst, off + 12, IDENTIFIER);
        dst[off + 16] = (byte) ssrcs.size();
        NetworkOrder.put24(dst, off + 17, exponent << 18 | (int) mantissa);
        for (int i = 0; i < ssrcs.size(); i++) {
            NetworkOrder.put32(dst, off + 20 + 4 * i, ssrcs.get(i));
        }
        return n;
    }
}
