package dev.parley.bench.signaling;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends at an even aggregate rate: a timer ticks every millisecond and sends however many messages are
 * due since the start, taking senders round-robin. So each client sends once every
 * {@code senders / rate} seconds, far inside the server's per-connection limit, and a late tick catches
 * up instead of silently lowering the rate.
 */
final class LoadGenerator {

    private static final long TICK_MICROS = 1_000;

    private final List<BenchPeer> senders;
    private final double ratePerSecond;
    private ScheduledFuture<?> ticking;
    private long startNanos;
    // Touched only by the timer thread (and read after it stopped).
    private long issued;
    private int cursor;
    private long maxBatch;
    // Read by the driver to judge the warm-up.
    private volatile long issuedSoFar;
    private volatile long lastBatch;

    LoadGenerator(List<BenchPeer> senders, double ratePerSecond) {
        this.senders = List.copyOf(senders);
        this.ratePerSecond = ratePerSecond;
    }

    void start(ScheduledExecutorService timer) {
        // Written before scheduling, so the timer thread sees it (executor hand-off is a happens-before edge).
        startNanos = System.nanoTime();
        ticking = timer.scheduleAtFixedRate(this::tick, TICK_MICROS, TICK_MICROS, TimeUnit.MICROSECONDS);
    }

    /** Stops sending; waits for a tick in progress to end. */
    void stop(ScheduledExecutorService timer) throws InterruptedException {
        ticking.cancel(false);
        // The timer is single-threaded: once this runs, no tick is running or will run.
        try {
            timer.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The load timer did not stop", e);
        }
    }

    private void tick() {
        long due = (long) ((System.nanoTime() - startNanos) * ratePerSecond / 1e9);
        long batch = due - issued;
        maxBatch = Math.max(maxBatch, batch);
        lastBatch = batch;
        for (; issued < due; issued++) {
            senders.get(cursor).sendNext();
            cursor = cursor + 1 == senders.size() ? 0 : cursor + 1;
        }
        issuedSoFar = issued;
    }

    /** Full turns of the senders so far: after three, every client has sent each kind of message. */
    long rounds() {
        return issuedSoFar / senders.size();
    }

    /** How many messages the latest tick found due: about rate/1000 when on time, more when behind. */
    long lastBatch() {
        return lastBatch;
    }

    /** The largest number of messages one tick had to send: a sign of the timer falling behind. */
    long maxBatch() {
        return maxBatch;
    }
}
