package dev.parley.rtc.rtp;

/** 32-bit RTP timestamp arithmetic (RFC 3550 §5.1: the timestamp wraps modulo 2^32). */
public final class Timestamps {
    private Timestamps() {
    }

    /** {@code a - b} as a signed distance in -2^31..2^31-1 ticks (wrap-aware); inputs are unsigned 32-bit. */
    public static long diff(long a, long b) {
        return (int) (a - b);
    }

    /** True if {@code a} is later than {@code b}; the half-way case counts as newer when {@code a > b}. */
    public static boolean isNewer(long a, long b) {
        long d = (a - b) & 0xffffffffL;
        if (d == 0x80000000L) {
            return (a & 0xffffffffL) > (b & 0xffffffffL);
        }
        return d != 0 && d < 0x80000000L;
    }

    /** {@code ts + ticks} modulo 2^32. */
    public static long add(long ts, long ticks) {
        return (ts + ticks) & 0xffffffffL;
    }
}
