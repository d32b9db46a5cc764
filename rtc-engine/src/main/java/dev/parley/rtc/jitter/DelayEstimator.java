package dev.parley.rtc.jitter;

import dev.parley.rtc.rtp.Timestamps;
import java.util.Arrays;

/**
 * Measures network delay variation from packet arrivals and turns it into a target playout delay.
 *
 * <p>Each arrival gives a relative transit time {@code r = arrival - rtpTimestamp / 48 kHz} (ms, against an
 * arbitrary origin). Two measures come from it:
 * <ul>
 *   <li>the RFC 3550 §6.4.1 interarrival jitter {@code J += (|D| - J) / 16}, {@code D} being the difference of
 *       consecutive arrivals' transit times;</li>
 *   <li>the 95th percentile, over the last {@value #WINDOW} arrivals, of the transit time above the window's
 *       fastest one: how much later than the fastest packet a packet may arrive.</li>
 * </ul>
 * The target is {@code clamp(max(p95, 3 J) + one frame, min, max)}: playout that waits p95 longer than the
 * fastest path plays 95% of packets on time, and one frame is the granularity of the playout clock. The window
 * forgets, so the target falls again about {@value #WINDOW} packets after jitter calms down.
 *
 * <p>Hostile timestamps: a transit time more than {@value #OUTLIER_MS} ms away from the window's fastest is left
 * out (counted); {@value #OUTLIERS_TO_RESET} such in a row mean the timing really changed (a new timestamp base),
 * and the estimator starts afresh from them. Timestamps are compared relative to the previous sample only, so
 * 32-bit wrap-around is harmless. Not thread-safe.
 */
final class DelayEstimator {

    static final int WINDOW = 200;
    static final double OUTLIER_MS = 1000;
    static final int OUTLIERS_TO_RESET = 3;
    /** Arrivals measured before the target follows them rather than the configured initial delay. */
    static final int MIN_SAMPLES = 10;
    private static final double JITTER_FACTOR = 3;
    private static final double TICKS_PER_MS = 48.0;

    private final double[] transit = new double[WINDOW];
    private final double[] sorted = new double[WINDOW];
    private int count;
    private int next;
    private boolean hasReference;
    private long refArrivalNanos;
    private long refTimestamp;
    private double refTransit;
    private double jitterMs;
    private int outlierRun;
    private long outliers;

    /** Records one arrival; {@code rtpTimestamp} is unsigned 32-bit at 48 kHz. */
    void add(long rtpTimestamp, long arrivalNanos) {
        rtpTimestamp &= 0xffffffffL;
        if (!hasReference) {
            accept(0, rtpTimestamp, arrivalNanos, false);
            return;
        }
        double r = refTransit + (arrivalNanos - refArrivalNanos) / 1e6
                - Timestamps.diff(rtpTimestamp, refTimestamp) / TICKS_PER_MS;
        if (count > 0 && Math.abs(r - fastest()) > OUTLIER_MS) {
            outliers++;
            if (++outlierRun >= OUTLIERS_TO_RESET) {
                reset();
                accept(0, rtpTimestamp, arrivalNanos, false);
            }
            return;
        }
        accept(r, rtpTimestamp, arrivalNanos, true);
    }

    private void accept(double r, long rtpTimestamp, long arrivalNanos, boolean hasPrevious) {
        outlierRun = 0;
        if (hasPrevious) {
            // RFC 3550 §6.4.1: J(i) = J(i-1) + (|D(i-1,i)| - J(i-1)) / 16.
            jitterMs += (Math.abs(r - refTransit) - jitterMs) / 16;
        }
        hasReference = true;
        refArrivalNanos = arrivalNanos;
        refTimestamp = rtpTimestamp;
        refTransit = r;
        transit[next] = r;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** Forgets every measurement. */
    void reset() {
        count = 0;
        next = 0;
        hasReference = false;
        jitterMs = 0;
        outlierRun = 0;
    }

    /** RFC 3550 interarrival jitter in ms. */
    double jitterMs() {
        return jitterMs;
    }

    /** 95th percentile of transit time above the window's fastest, in ms; 0 with no samples. */
    double p95ExcessMs() {
        if (count == 0) {
            return 0;
        }
        System.arraycopy(transit, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        int index = (int) Math.ceil(0.95 * count) - 1;
        return sorted[Math.max(0, index)] - sorted[0];
    }

    /** The target delay in ms, per the class comment. */
    double targetMs(AudioJitterConfig config) {
        if (count < MIN_SAMPLES) {
            return config.initialDelayMs();
        }
        double wanted = Math.max(p95ExcessMs(), JITTER_FACTOR * jitterMs) + config.frameMs();
        return Math.max(config.minDelayMs(), Math.min(config.maxDelayMs(), wanted));
    }

    /** Samples left out as outliers. */
    long outliers() {
        return outliers;
    }

    int samples() {
        return count;
    }

    private double fastest() {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, transit[i]);
        }
        return min;
    }
}
