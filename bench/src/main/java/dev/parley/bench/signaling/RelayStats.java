package dev.parley.bench.signaling;

import dev.parley.bench.common.LatencyHistogram;
import dev.parley.signaling.protocol.ErrorCode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters shared by every client. Only messages sent inside the measuring window count towards the
 * figures; the window is judged by the send stamp, so a message sent just before the window closes is
 * still waited for and counted (or counted as lost).
 */
final class RelayStats {

    final LatencyHistogram latency = new LatencyHistogram();
    // The same samples again, for the progress lines: swapped for a fresh one at each report.
    private final AtomicReference<LatencyHistogram> interval = new AtomicReference<>(new LatencyHistogram());
    final LongAdder sentInWindow = new LongAdder();
    final LongAdder receivedInWindow = new LongAdder();
    final LongAdder sentTotal = new LongAdder();
    final LongAdder receivedTotal = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder unstamped = new LongAdder();
    final LongAdder droppedConnections = new LongAdder();
    private final Map<ErrorCode, LongAdder> errors = new ConcurrentHashMap<>();

    // Open-ended until the load starts; set by the driver thread.
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    void openWindow(long nowNanos) {
        windowStart = nowNanos;
    }

    void closeWindow(long nowNanos) {
        windowEnd = nowNanos;
    }

    private boolean inWindow(long sentNanos) {
        return sentNanos - windowStart >= 0 && sentNanos - windowEnd < 0;
    }

    void sent(long sentNanos) {
        sentTotal.increment();
        if (inWindow(sentNanos)) {
            sentInWindow.increment();
        }
    }

    void received(long sentNanos, long nowNanos) {
        receivedTotal.increment();
        if (sentNanos == Payloads.NO_STAMP) {
            unstamped.increment();
        } else if (inWindow(sentNanos)) {
            receivedInWindow.increment();
            latency.record(nowNanos - sentNanos);
            interval.get().record(nowNanos - sentNanos);
        }
    }

    /** The latencies since the previous call (a sample racing the swap may land in either interval). */
    LatencyHistogram takeInterval() {
        return interval.getAndSet(new LatencyHistogram());
    }

    void error(ErrorCode code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    Map<ErrorCode, Long> errors() {
        Map<ErrorCode, Long> copy = new TreeMap<>();
        errors.forEach((code, n) -> copy.put(code, n.sum()));
        return copy;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
