package dev.parley.rtc.rtp;

/**
 * Unwraps 16-bit sequence numbers into a 64-bit extended sequence (RFC 3550 §A.1: cycles * 2^16 + seq).
 * The first value unwraps to itself; each next one is placed nearest to the previous one, so packets
 * reordered across a wrap land on the right cycle. Values before the first packet across a backward wrap are
 * negative. Not thread-safe.
 */
public final class SequenceUnwrapper {
    private boolean started;
    private long last;

    public long unwrap(int seq) {
        seq &= 0xffff;
        if (!started) {
            started = true;
            last = seq;
            return last;
        }
        last += SequenceNumbers.diff(seq, (int) last);
        return last;
    }

    /** What {@link #unwrap} would return, without moving the reference. */
    public long peek(int seq) {
        return started ? last + SequenceNumbers.diff(seq & 0xffff, (int) last) : seq & 0xffff;
    }

    public void reset() {
        started = false;
        last = 0;
    }
}
