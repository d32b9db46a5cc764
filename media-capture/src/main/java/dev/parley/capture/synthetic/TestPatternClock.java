package dev.parley.capture.synthetic;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The test-pattern camera's shutter: frames are "exposed" on a fixed grid of ticks, one period apart from the moment
 * the camera opened, as a free-running camera sensor does. A grab returns as soon as a tick has passed that was not
 * delivered yet (the newest one, skipping any the reader was too slow for, as a camera drops frames), otherwise it
 * waits for the next tick. The grid never moves, so the rate does not drift with the reader's or the renderer's own
 * time, and a reader slower than the camera still gets a steady cadence.
 *
 * <p>Not thread-safe: the device calls it under its own lock.
 */
final class TestPatternClock {

    private final long periodNanos;
    private long epochNanos;
    private long lastTick;

    TestPatternClock(int framesPerSecond) {
        this.periodNanos = 1_000_000_000L / framesPerSecond;
        restart();
    }

    /** Starts the grid now; the first grab returns at once. */
    void restart() {
        epochNanos = System.nanoTime();
        lastTick = -1;
    }

    long periodNanos() {
        return periodNanos;
    }

    /**
     * Waits until a tick not yet delivered has passed and claims it. Returns {@code false} without claiming one when
     * {@code open} turns false or the calling thread is interrupted (its interrupt status is kept).
     */
    boolean awaitNextTick(AtomicBoolean open) {
        while (true) {
            if (!open.get() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            long now = System.nanoTime();
            long tick = Math.floorDiv(now - epochNanos, periodNanos);
            if (tick > lastTick) {
                lastTick = tick;
                return true;
            }
            // parkNanos may return early (spuriously or on unpark): the loop re-reads the clock.
            LockSupport.parkNanos(epochNanos + (lastTick + 1) * periodNanos - now);
        }
    }
}
