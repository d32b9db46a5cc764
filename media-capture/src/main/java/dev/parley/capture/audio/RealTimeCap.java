package dev.parley.capture.audio;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Keeps a device thread from running faster than real time when its line does not block (ALSA's null device
 * captures and "plays" instantly). A real line is left alone: the thread may run up to {@code burstNanos} ahead of
 * the wall clock (a line's own buffering) and up to {@value #MAX_SPEEDUP_PERCENT}% faster than it in the long run,
 * far more than any sound card's clock drift, so a real card remains the clock and only a line without one is
 * paced. After falling far behind (a stall) the schedule starts afresh instead of bursting to catch up.
 *
 * <p>One thread only (the device's).
 */
final class RealTimeCap {

    static final double MAX_SPEEDUP_PERCENT = 0.5;

    private final long periodNanos;
    private final long cappedPeriodNanos;
    private final long burstNanos;
    private long anchorNanos;
    private long frames;

    RealTimeCap(long periodNanos, long burstNanos) {
        this.periodNanos = periodNanos;
        this.cappedPeriodNanos = Math.round(periodNanos * (1 - MAX_SPEEDUP_PERCENT / 100));
        this.burstNanos = burstNanos;
    }

    /** Starts the schedule at {@code nowNanos} with no frame done. */
    void restart(long nowNanos) {
        anchorNanos = nowNanos;
        frames = 0;
    }

    /** How far the frames done lag behind the wall clock since the start (negative: ahead). */
    long behindNanos(long nowNanos) {
        return nowNanos - (anchorNanos + frames * periodNanos);
    }

    /**
     * Counts one frame done and, when the thread is ahead of what the cap allows, waits (parks) until it is not or
     * until {@code keepWaiting} turns false (a close).
     */
    void frameDone(BooleanSupplier keepWaiting) {
        frames++;
        long now = System.nanoTime();
        if (behindNanos(now) > 4 * burstNanos + 4 * periodNanos) {
            restart(now);
            return;
        }
        long due = anchorNanos + frames * cappedPeriodNanos - burstNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && keepWaiting.getAsBoolean()) {
            LockSupport.parkNanos(wait);
        }
    }
}
