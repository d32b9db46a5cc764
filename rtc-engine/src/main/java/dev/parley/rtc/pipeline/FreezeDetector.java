package dev.parley.rtc.pipeline;

/**
 * Counts video freezes as the W3C webrtc-stats define them (RTCInboundRtpStreamStats.freezeCount): the interval
 * between two rendered frames is a freeze when it is at least max(3 x the average interval, average + 150 ms), the
 * average taken over the last 30 intervals. Also keeps the longest interval, the figure a call test bounds.
 * One thread (the renderer).
 */
public final class FreezeDetector {

    private static final int WINDOW = 30;

    private final long[] intervals = new long[WINDOW];
    private int count;
    private int next;
    private long sum;
    private long last = Long.MIN_VALUE;
    private long freezes;
    private long freezeNanos;
    private long longest;
    private long pauseStart = Long.MIN_VALUE;

    /** A frame was rendered at {@code nowNanos}. */
    public synchronized void onFrame(long nowNanos) {
        if (last != Long.MIN_VALUE && pauseStart == Long.MIN_VALUE) {
            long interval = nowNanos - last;
            if (count > 0) {
                long average = sum / count;
                if (interval >= Math.max(3 * average, average + 150_000_000L)) {
                    freezes++;
                    freezeNanos += interval;
                }
            }
            longest = Math.max(longest, interval);
            if (count == WINDOW) {
                sum -= intervals[next];
            } else {
                count++;
            }
            intervals[next] = interval;
            sum += interval;
            next = (next + 1) % WINDOW;
        }
        pauseStart = Long.MIN_VALUE;
        last = nowNanos;
    }

    /** The sender paused on purpose (muted, track ended): the gap until the next frame is not a freeze. */
    public synchronized void onPause(long nowNanos) {
        pauseStart = nowNanos;
    }

    public synchronized long freezeCount() {
        return freezes;
    }

    public synchronized double totalFreezeSeconds() {
        return freezeNanos / 1e9;
    }

    /** The longest gap between two rendered frames so far, pauses excluded. */
    public synchronized long longestIntervalNanos() {
        return longest;
    }
}
