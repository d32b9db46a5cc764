package dev.parley.rtc.rtp;

/** Unwraps 32-bit RTP timestamps into a continuous 64-bit count of ticks, nearest to the previous value. */
public final class TimestampUnwrapper {
    private boolean started;
    private long last;

    public long unwrap(long ts) {
        ts &= 0xffffffffL;
        if (!started) {
            started = true;
            last = ts;
            return last;
        }
        last += Timestamps.diff(ts, last);
        return last;
    }

    public void reset() {
        started = false;
        last = 0;
    }
}
