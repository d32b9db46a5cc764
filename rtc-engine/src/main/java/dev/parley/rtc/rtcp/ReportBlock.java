package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

/**
 * A reception report block (RFC 3550 §6.4.1), 24 bytes. Unsigned 32-bit fields are held in longs;
 * {@code cumulativeLost} is the signed 24-bit value (it may go negative with duplicates).
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
        long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
    static final int LENGTH = 24;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost is 8 bits: " + fractionLost);
        }
        if (cumulativeLost < -0x800000 || cumulativeLost > 0x7fffff) {
            throw new IllegalArgumentException("cumulative lost is signed 24 bits: " + cumulativeLost);
        }
    }

    static ReportBlock read(byte[] b, int i) {
        int lost = NetworkOrder.u24(b, i + 5);
        return new ReportBlock(NetworkOrder.i32(b, i), NetworkOrder.u8(b, i + 4), (lost << 8) >> 8, NetworkOrder.u32(b, i + 8),
                NetworkOrder.u32(b, i + 12), NetworkOrder.u32(b, i + 16), NetworkOrder.u32(b, i + 20));
    }

    void write(byte[] b, int i) {
        NetworkOrder.put32(b, i, ssrc);
        b[i + 4] = (byte) fractionLost;
        NetworkOrder.put24(b, i + 5, cumulativeLost & 0xffffff);
        NetworkOrder.put32(b, i + 8, extendedHighestSequence);
        NetworkOrder.put32(b, i + 12, jitter);
        NetworkOrder.put32(b, i + 16, lastSenderReport);
        NetworkOrder.put32(b, i + 20, delaySinceLastSenderReport);
    }

    /** Round-trip time from this block (RFC 3550 §6.4.1), given the block's arrival as NTP middle 32 bits. */
    public long roundTripNanos(long arrivalMiddle32) {
        return Rtt.nanos(arrivalMiddle32, lastSenderReport, delaySinceLastSenderReport);
    }
}
