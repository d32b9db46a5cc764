package dev.parley.bench.common;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in nanoseconds in fixed, preallocated log-linear buckets: exact below 128 ns, then 128
 * buckets per power of two, so a reported percentile is within 1% of the true value. Recording is
 * lock-free and allocation-free, safe from many threads; the maximum is kept exactly.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    // Magnitudes SUB_BITS..62 each get SUB_COUNT buckets, after the SUB_COUNT exact ones.
    private static final int BUCKETS = SUB_COUNT + (63 - SUB_BITS) * SUB_COUNT;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts.incrementAndGet(index(v));
        total.incrementAndGet();
        sum.addAndGet(v);
        max.accumulateAndGet(v, Math::max);
    }

    public long count() {
        return total.get();
    }

    public long maxNanos() {
        return max.get();
    }

    public double meanNanos() {
        long n = total.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    /** The value at quantile q (0..1], as the middle of its bucket but never above the true maximum. */
    public long percentileNanos(double q) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(middle(i), max.get());
            }
        }
        return max.get();
    }

    static int index(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v);
        int shift = magnitude - SUB_BITS;
        int sub = (int) (v >>> shift) - SUB_COUNT;
        return SUB_COUNT + shift * SUB_COUNT + sub;
    }

    static long lowerBound(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        int sub = (index - SUB_COUNT) % SUB_COUNT;
        return (long) (SUB_COUNT + sub) << shift;
    }

    private static long middle(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        return lowerBound(index) + ((1L << shift) >>> 1);
    }
}
