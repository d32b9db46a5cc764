package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-pattern camera: renders a {@link SyntheticVideo} clip at a steady frame rate on its own thread and pushes
 * each frame, stamped with its number ({@link FrameStamp}) and timestamped with the capture time
 * ({@link System#nanoTime()}), to its sink. {@link #captureNanos(int)} answers when a stamped frame was captured
 * for the last {@value #HISTORY} frames, so a receiver can measure glass-to-glass latency.
 */
public final class SyntheticVideoSource implements VideoSource, AutoCloseable {

    private static final int HISTORY = 1024;

    private final SyntheticVideo clip;
    private final long periodNanos;
    private final VideoFrame frame;
    private final long[] captured = new long[HISTORY];
    private final AtomicLong frames = new AtomicLong();
    private final PacedThread clock;
    private volatile VideoSink sink;

    public SyntheticVideoSource(SyntheticVideo clip, double framesPerSecond) {
        if (!(framesPerSecond > 0 && framesPerSecond <= 240)) {
            throw new IllegalArgumentException("frame rate must be in (0, 240], was " + framesPerSecond);
        }
        this.clip = clip;
        this.periodNanos = (long) (1e9 / framesPerSecond);
        this.frame = clip.newFrame();
        this.clock = new PacedThread("parley-test-pattern", periodNanos, this::captureOne);
    }

    /** A 640x480 moving-shapes pattern at 30 fps. */
    public static SyntheticVideoSource vga30() {
        return new SyntheticVideoSource(SyntheticVideo.of(SyntheticVideo.Kind.SHAPES, 640, 480, 1), 30);
    }

    @Override
    public void setSink(VideoSink next) {
        sink = next;
    }

    /** Frames pushed so far (also the next frame's number). */
    public long framesProduced() {
        return frames.get();
    }

    /** When the frame stamped {@code number} was captured, or -1 if it is not among the recent ones. */
    public long captureNanos(int number) {
        long n = frames.get();
        if (number < 0 || number >= n || n - number > HISTORY) {
            return -1;
        }
        synchronized (captured) {
            return captured[number % HISTORY];
        }
    }

    private void captureOne() {
        long n = frames.get();
        clip.render((int) n, frame);
        FrameStamp.write(frame, (int) n);
        long now = System.nanoTime();
        synchronized (captured) {
            captured[(int) (n % HISTORY)] = now;
        }
        frames.incrementAndGet();
        VideoSink s = sink;
        if (s != null) {
            s.onVideoFrame(frame.withTimestamp(now));
        }
    }

    @Override
    public void close() {
        clock.close();
    }
}
