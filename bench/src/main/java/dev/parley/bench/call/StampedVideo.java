package dev.parley.bench.call;

import dev.parley.bench.common.LatencyHistogram;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import java.util.Arrays;

/**
 * What one receiver got of the other side's camera: for every frame number the glass-to-glass latency of its
 * first arrival (arrival on the receiver's sink callback minus the time the sending {@link SyntheticVideoSource}
 * captured it), and counts of frames that did not read, came twice, or came at another size than sent.
 *
 * <p>The latency is taken when the frame arrives, because the source remembers capture times only for its recent
 * frames. Frame numbers beyond the table (sized from the options) are counted but not kept. Thread-safe: the
 * receiver's decoder thread writes, the benchmark thread reads.
 */
final class StampedVideo {

    private final SyntheticVideoSource sender;
    private final int width;
    private final int height;
    private final long[] latencyNanos;
    private long frames;
    private long unreadable;
    private long repeated;
    private long otherSize;
    private long beyondTable;

    StampedVideo(SyntheticVideoSource sender, int width, int height, int capacity) {
        this.sender = sender;
        this.width = width;
        this.height = height;
        this.latencyNanos = new long[capacity];
        Arrays.fill(latencyNanos, -1);
    }

    /** A frame reached the sink at {@code nowNanos}; {@code stamp} is its number or -1. */
    synchronized void onFrame(int stamp, long nowNanos, int frameWidth, int frameHeight) {
        frames++;
        if (frameWidth != width || frameHeight != height) {
            otherSize++;
        }
        if (stamp < 0) {
            unreadable++;
            return;
        }
        if (stamp >= latencyNanos.length) {
            beyondTable++;
            return;
        }
        if (latencyNanos[stamp] >= 0) {
            repeated++;
            return;
        }
        long captured = sender.captureNanos(stamp);
        // A stamp the camera does not know (misread, or older than its history) counts as delivered, without latency.
        latencyNanos[stamp] = captured != -1 ? Math.max(0, nowNanos - captured) : Long.MAX_VALUE;
    }

    /** Frames {@code [from, to)} that arrived, their latencies recorded into {@code into} (and {@code alsoInto}). */
    synchronized int deliveredBetween(long from, long to, LatencyHistogram into, LatencyHistogram alsoInto) {
        int n = 0;
        for (long s = Math.max(0, from); s < Math.min(to, latencyNanos.length); s++) {
            long l = latencyNanos[(int) s];
            if (l < 0) {
                continue;
            }
            n++;
            if (l != Long.MAX_VALUE) {
                into.record(l);
                alsoInto.record(l);
            }
        }
        return n;
    }

    /** Counters so far: frames at the sink, without a readable stamp, a second time, at another size. */
    synchronized Counts counts() {
        return new Counts(frames, unreadable, repeated, otherSize, beyondTable);
    }

    record Counts(long frames, long unreadable, long repeated, long otherSize, long beyondTable) {

        Counts minus(Counts earlier) {
            return new Counts(frames - earlier.frames, unreadable - earlier.unreadable, repeated - earlier.repeated,
                    otherSize - earlier.otherSize, beyondTable - earlier.beyondTable);
        }
    }
}
