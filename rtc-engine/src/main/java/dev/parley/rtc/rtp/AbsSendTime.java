package dev.parley.rtc.rtp;

import dev.parley.rtc.net.NetworkOrder;

/**
 * The {@code abs-send-time} element (http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time): 3 bytes,
 * 24-bit 6.18 fixed point seconds, i.e. the NTP timestamp's bits 14..37, wrapping every 64 s.
 */
public final class AbsSendTime {
    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    /** Units per second (2^18). */
    public static final int UNITS_PER_SECOND = 1 << 18;
    private static final int MASK = 0xffffff;

    private AbsSendTime() {
    }

    /** The 24-bit value for a time in nanoseconds (any epoch; only the time modulo 64 s matters). */
    public static int fromNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        long frac = Math.floorMod(nanos, 1_000_000_000L);
        return (int) (((seconds & 63) << 18) | ((frac << 18) / 1_000_000_000L)) & MASK;
    }

    /** The 24-bit value from a 64-bit NTP timestamp (32.32 fixed point). */
    public static int fromNtp(long ntp) {
        return (int) (ntp >>> 14) & MASK;
    }

    /** The value as nanoseconds within its 64 s cycle. */
    public static long toNanos(int value) {
        return ((value & MASK) * 1_000_000_000L) >> 18;
    }

    /** {@code a - b} in nanoseconds, wrap-aware (assumes they are less than 32 s apart). */
    public static long diffNanos(int a, int b) {
        int d = ((a - b) << 8) >> 8; // sign-extend the 24-bit difference
        return (d * 1_000_000_000L) >> 18;
    }

    /** The value in an element, or -1 if it is not 3 bytes. */
    public static int read(byte[] b, int off, int len) {
        return len == 3 ? NetworkOrder.u24(b, off) : -1;
    }

    /** The value of the element with this id, or -1 if absent or malformed. */
    public static int read(RtpPacket p, int id) {
        HeaderExtensionReader r = p.extensions();
        return r.find(id) ? read(r.buffer(), r.dataOffset(), r.dataLength()) : -1;
    }

    public static void put(HeaderExtensionSet set, int id, int value) {
        set.putUnsigned(id, value & MASK, 3);
    }
}
