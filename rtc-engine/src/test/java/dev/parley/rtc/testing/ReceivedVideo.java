package dev.parley.rtc.testing;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.synthetic.FrameStamp;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A video sink for call tests: counts frames, reads each frame's stamp ({@link FrameStamp}) to count distinct
 * frames and measure glass-to-glass latency against the sending {@link SyntheticVideoSource}, and keeps the longest
 * gap between two frames (a freeze).
 */
public final class ReceivedVideo implements VideoSink {

    private final SyntheticVideoSource sender;
    private final Set<Integer> stamps = new HashSet<>();
    private final List<Long> latencies = new ArrayList<>();
    private int frames;
    private int unreadable;
    private long lastNanos;
    private long longestGap;
    private int width;
    private int height;
    private double lastMeanLuma;

    /** @param sender the source on the other side, for latency; null when it is not a Parley source */
    public ReceivedVideo(SyntheticVideoSource sender) {
        this.sender = sender;
    }

    @Override
    public synchronized void onVideoFrame(VideoFrame frame) {
        long now = System.nanoTime();
        frames++;
        width = frame.width();
        height = frame.height();
        long sum = 0;
        for (int row = 0; row < frame.height(); row += 8) {
            for (int x = 0; x < frame.width(); x += 8) {
                sum += frame.y()[row * frame.strideY() + x] & 0xFF;
            }
        }
        lastMeanLuma = sum / (double) (((frame.height() + 7) / 8) * ((frame.width() + 7) / 8));
        if (lastNanos != 0) {
            longestGap = Math.max(longestGap, now - lastNanos);
        }
        lastNanos = now;
        int stamp = FrameStamp.read(frame);
        if (stamp < 0) {
            unreadable++;
            return;
        }
        if (stamps.add(stamp) && sender != null) {
            long captured = sender.captureNanos(stamp);
            if (captured > 0) {
                latencies.add(now - captured);
            }
        }
    }

    public synchronized int frames() {
        return frames;
    }

    public synchronized int distinctStamps() {
        return stamps.size();
    }

    /** Distinct frames received whose stamp is in [from, to). */
    public synchronized int stampsBetween(long from, long to) {
        int n = 0;
        for (int s : stamps) {
            if (s >= from && s < to) {
                n++;
            }
        }
        return n;
    }

    public synchronized int unreadable() {
        return unreadable;
    }

    public synchronized long longestGapNanos() {
        return longestGap;
    }

    /** Glass-to-glass latencies of the frames seen, in nanoseconds. */
    public synchronized List<Long> latencies() {
        return new ArrayList<>(latencies);
    }

    /** Ignore the gaps so far (call setup, the wait for the first keyframe). */
    public synchronized void resetGaps() {
        longestGap = 0;
    }

    /** The average luma of the last frame (16 is black). */
    public synchronized double lastMeanLuma() {
        return lastMeanLuma;
    }

    public synchronized String size() {
        return width + "x" + height;
    }
}
