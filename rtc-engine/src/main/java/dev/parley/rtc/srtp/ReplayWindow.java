package dev.parley.rtc.srtp;

import java.util.Arrays;

/**
 * Sliding-window replay list (RFC 3711 §3.3.2): remembers which of the last {@code size} indices were accepted.
 * A circular bitmap indexed by {@code index mod size}; {@link #check} runs before authentication and
 * {@link #accept} only after it, so forged packets cannot move the window.
 */
final class ReplayWindow {
    private final long[] bits;
    private final int mask;
    private long top = -1;

    /** @param size window length in packets: a power of two, at least 64 */
    ReplayWindow(int size) {
        if (size < 64 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("replay window must be a power of two >= 64: " + size);
        }
        this.bits = new long[size / 64];
        this.mask = size - 1;
    }

    /** True if {@code index} is new: ahead of the highest seen, or inside the window and not yet seen. */
    boolean check(long index) {
        if (index > top) {
            return true;
        }
        if (top - index > mask) {
            return false; // too old to tell: treated as a replay (RFC 3711 §3.3.2)
        }
        return !isSet(index);
    }

    /** Marks an authenticated index as seen, sliding the window forward if it is the new highest. */
    void accept(long index) {
        if (index > top) {
            long advance = top < 0 ? Long.MAX_VALUE : index - top;
            if (advance > mask) {
                Arrays.fill(bits, 0L);
            } else {
                for (long i = top + 1; i < index; i++) {
                    clear(i);
                }
            }
            top = index;
        }
        int p = (int) (index & mask);
        bits[p >>> 6] |= 1L << p;
    }

    /** The highest accepted index, or -1 before the first. */
    long top() {
        return top;
    }

    private boolean isSet(long index) {
        int p = (int) (index & mask);
        return (bits[p >>> 6] & (1L << p)) != 0;
    }

    private void clear(long index) {
        int p = (int) (index & mask);
        bits[p >>> 6] &= ~(1L << p);
    }
}
