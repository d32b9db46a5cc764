package dev.parley.rtc.rtp;

/** 16-bit RTP sequence number arithmetic (RFC 3550 §A.1, serial number comparison as in RFC 1982). */
public final class SequenceNumbers {
    private SequenceNumbers() {
    }

    /** {@code a - b} as a signed distance in -32768..32767 (wrap-aware). */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }

    /** True if {@code a} comes after {@code b}; the exact half-way case counts as newer when {@code a > b}. */
    public static boolean isNewer(int a, int b) {
        int d = (a - b) & 0xffff;
        if (d == 0x8000) {
            return (a & 0xffff) > (b & 0xffff);
        }
        return d != 0 && d < 0x8000;
    }

    /** The later of two sequence numbers. */
    public static int latest(int a, int b) {
        return isNewer(a, b) ? a & 0xffff : b & 0xffff;
    }

    /** {@code seq + n} modulo 2^16. */
    public static int add(int seq, int n) {
        return (seq + n) & 0xffff;
    }
}
