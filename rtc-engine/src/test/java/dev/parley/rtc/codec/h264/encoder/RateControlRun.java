package dev.parley.rtc.codec.h264.encoder;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import java.util.function.IntConsumer;

/**
 * A rate-controlled encode of a synthetic clip, kept as what went to the network: every frame's size (NAL units with
 * their headers, parameter sets included, start codes not), whether it was a keyframe, and the bitrate the encoder
 * was asked for when it was coded. Windows are sums over consecutive frames.
 */
final class RateControlRun {
    final long[] bits;
    final boolean[] key;
    /** The QP each frame was coded at (its macroblocks' average). */
    final int[] qp;
    /** The target in force for each frame (after any {@code setRates} before it). */
    final int[] targetBitrate;
    final double fps;

    private RateControlRun(int frames, double fps) {
        this.bits = new long[frames];
        this.key = new boolean[frames];
        this.qp = new int[frames];
        this.targetBitrate = new int[frames];
        this.fps = fps;
    }

    /**
     * Encodes {@code frames} frames of {@code clip} at {@code fps}; {@code beforeFrame} runs before each one (to change
     * rates or ask for keyframes) and {@code rateAt} says what target that leaves in force.
     */
    static RateControlRun encode(H264Encoder encoder, SyntheticVideo clip, int frames, double fps,
                                 IntConsumer beforeFrame, java.util.function.IntUnaryOperator rateAt) {
        RateControlRun run = new RateControlRun(frames, fps);
        VideoFrame frame = clip.newFrame();
        long frameNanos = Math.round(1e9 / fps);
        for (int i = 0; i < frames; i++) {
            clip.render(i, frame);
            beforeFrame.accept(i);
            EncodedVideoFrame au = encoder.encode(frame.withTimestamp(i * frameNanos));
            run.bits[i] = 8L * au.sizeBytes();
            run.key[i] = au.keyFrame();
            run.qp[i] = au.qp();
            run.targetBitrate[i] = rateAt.applyAsInt(i);
        }
        return run;
    }

    /** Bits of frames {@code from} (inclusive) to {@code to} (exclusive). */
    long bits(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += bits[i];
        }
        return n;
    }

    /**
     * The window of {@code length} frames starting in {@code [firstStart, lastStart]} whose bits are furthest from
     * what the targets of its frames allowed: its start and its deviation as a fraction of the allowance.
     */
    Deviation worstWindow(int length, int firstStart, int lastStart) {
        Deviation worst = null;
        for (int s = firstStart; s <= lastStart; s++) {
            double allowed = 0;
            for (int i = s; i < s + length; i++) {
                allowed += targetBitrate[i] / fps;
            }
            double d = bits(s, s + length) / allowed - 1;
            if (worst == null || Math.abs(d) > Math.abs(worst.deviation)) {
                worst = new Deviation(s, d);
            }
        }
        return worst;
    }

    /** The largest P frame as a multiple of its average frame (target / fps), and which frame it was. */
    Deviation largestPFrame() {
        Deviation worst = new Deviation(-1, 0);
        for (int i = 0; i < bits.length; i++) {
            double ratio = bits[i] / (targetBitrate[i] / fps);
            if (!key[i] && ratio > worst.deviation) {
                worst = new Deviation(i, ratio);
            }
        }
        return worst;
    }

    double averageBitrate() {
        return bits(0, bits.length) * fps / bits.length;
    }

    /** A frame or window index and a value measured there. */
    record Deviation(int at, double deviation) {
        @Override
        public String toString() {
            return String.format("%+.1f%% at frame %d", deviation * 100, at);
        }
    }
}
