package dev.parley.bench.setup;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The {@link System#nanoTime()} at which something first happened, set once from any thread, awaitable. */
final class Milestone {

    private final CountDownLatch reached = new CountDownLatch(1);
    private volatile long at = -1;

    /** Records now, unless already reached. */
    void mark() {
        markAt(System.nanoTime());
    }

    synchronized void markAt(long nanoTime) {
        if (at == -1) {
            at = nanoTime;
            reached.countDown();
        }
    }

    boolean reached() {
        return at != -1;
    }

    /** Waits until reached or until the {@code System.nanoTime()} deadline; true when reached. */
    boolean await(long deadlineNanos) throws InterruptedException {
        return reached.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Nanoseconds from {@code start} to when it was reached, or -1. */
    long since(long start) {
        long t = at;
        return t == -1 ? -1 : t - start;
    }

    /** The later of two milestones, relative to {@code start}, or -1 when either was not reached. */
    static long bothSince(Milestone a, Milestone b, long start) {
        return a.reached() && b.reached() ? Math.max(a.since(start), b.since(start)) : -1;
    }
}
