package dev.parley.capture.synthetic;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.FrameStamp;

/**
 * The two stamps the test-pattern camera paints into every frame, read back from a frame that went through capture,
 * coding and the network: the frame's number (band 0) and its capture time in wall-clock milliseconds mod 2^24
 * (band 1). Because the capture time is wall-clock, glass-to-glass latency can be read off a received frame even in
 * another process on the same machine (or on machines with synchronised clocks).
 *
 * @param frameNumber   the camera's frame counter mod 2^24 (consecutive frames differ by 1)
 * @param captureMillis {@link System#currentTimeMillis()} mod 2^24 when the frame was drawn
 */
public record TestPatternStamp(int frameNumber, int captureMillis) {

    /** The stamps are 24-bit numbers: they wrap after 2^24 frames and 2^24 ms (about 4.7 hours). */
    public static final int MODULUS = 1 << 24;

    private static final int MASK = MODULUS - 1;

    /** The stamps of a frame, or {@code null} when either band is unreadable (not a test-pattern frame, too small). */
    public static TestPatternStamp read(VideoFrame frame) {
        int number = FrameStamp.read(frame, 0);
        int millis = FrameStamp.read(frame, 1);
        if (number < 0 || millis < 0) {
            return null;
        }
        return new TestPatternStamp(number, millis);
    }

    /** The capture-time stamp for a wall-clock time, as the camera writes it. */
    public static int captureStamp(long wallClockMillis) {
        return (int) (wallClockMillis & MASK);
    }

    /**
     * Milliseconds from the capture stamp to {@code wallClockMillis} (e.g. {@link System#currentTimeMillis()} when the
     * frame is shown), mod 2^24: correct for latencies under about 4.7 hours, whatever the wrap.
     */
    public static int latencyMillis(int captureMillis, long wallClockMillis) {
        return (captureStamp(wallClockMillis) - captureMillis) & MASK;
    }

    /** Milliseconds from this frame's capture to {@code wallClockMillis}, mod 2^24. */
    public int latencyMillis(long wallClockMillis) {
        return latencyMillis(captureMillis, wallClockMillis);
    }

    /** How many frames lie from {@code earlier}'s number to this one's, mod 2^24 (1 for consecutive frames). */
    public int framesSince(TestPatternStamp earlier) {
        return (frameNumber - earlier.frameNumber) & MASK;
    }
}
