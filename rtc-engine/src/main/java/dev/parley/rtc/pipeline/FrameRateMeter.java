package dev.parley.rtc.pipeline;

/** Frames per second over the last second, from the instants frames were shown. Thread-safe. */
final class FrameRateMeter {

    private static final int SLOTS = 256;
    private final long[] times = new long[SLOTS];
    private int next;
    private int count;

    synchronized void onFrame(long nowNanos) {
        times[next] = nowNanos;
        next = (next + 1) % SLOTS;
        count = Math.min(SLOTS, count + 1);
    }

    synchronized double perSecond(long nowNanos) {
        int n = 0;
        for (int i = 1; i <= count; i++) {
            if (nowNanos - times[(next - i + SLOTS) % SLOTS] > 1_000_000_000L) {
                break;
            }
            n++;
        }
        return n;
    }
}
