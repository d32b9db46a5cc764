package dev.parley.rtc.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waits for a state to appear in a queue of reported states, skipping the others. */
public final class StateWaiter {

    private StateWaiter() {
    }

    /** Returns once {@code wanted} is taken from {@code states}; fails with {@code describe} after the timeout. */
    public static <S> void await(BlockingQueue<S> states, S wanted, Duration timeout, Supplier<String> describe)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            S s = states.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (s == null) {
                throw new AssertionError("not " + wanted + ": " + describe.get());
            }
            if (s.equals(wanted)) {
                return;
            }
        }
    }
}
