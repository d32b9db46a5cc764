package dev.parley.rtc.pipeline;

/**
 * Audio/video synchronisation for one remote participant (RFC 3550 §6.4.1: sender reports map each stream's RTP
 * clock to the sender's NTP wall clock, so capture instants of audio and video are comparable). For both streams it
 * tracks how long after capture a sample reaches the speaker or the screen: network delay (arrival minus capture,
 * which also contains the unknown offset between the two machines' clocks, the same for both streams) plus the
 * stream's own buffering (the audio jitter buffer's delay, the video decode time). Video is then held back by the
 * difference, so lips move with the voice. Audio is never delayed for video: a late video frame shows late.
 *
 * <p>Fed on the network thread; {@link #setAudioBufferNanos} and {@link #setVideoDecodeNanos} from the playout and
 * decoder threads; {@link #videoDelayNanos} read by the decoder thread.
 */
public final class LipSync {

    /** Never hold video longer than this, whatever the reports say (a lying or broken sender). */
    static final long MAX_VIDEO_DELAY_NANOS = 1_000_000_000L;
    /**
     * Audio and video paths that differ by more than this are not a real call but a sender whose reports do not
     * match its packets (seen: libwebrtc fed frames stamped on another clock, off by hours): no hold then.
     */
    static final long MAX_PLAUSIBLE_SKEW_NANOS = 5_000_000_000L;
    private static final double GAIN = 1.0 / 16;

    private double audioTransit = Double.NaN;
    private double videoTransit = Double.NaN;
    private volatile long audioBufferNanos;
    private volatile long videoDecodeNanos;
    private volatile long videoDelayNanos;
    private volatile double offsetMs;
    private volatile boolean plausible;

    /** An audio packet captured at {@code captureUnixNanos} (sender clock) arrived at {@code arrivalUnixNanos}. */
    public void onAudioPacket(long captureUnixNanos, long arrivalUnixNanos) {
        audioTransit = smooth(audioTransit, arrivalUnixNanos - captureUnixNanos);
        update();
    }

    /** A video frame captured at {@code captureUnixNanos} was complete at {@code completeUnixNanos}. */
    public void onVideoFrame(long captureUnixNanos, long completeUnixNanos) {
        videoTransit = smooth(videoTransit, completeUnixNanos - captureUnixNanos);
        update();
    }

    public void setAudioBufferNanos(long nanos) {
        audioBufferNanos = Math.max(0, nanos);
    }

    public void setVideoDecodeNanos(long nanos) {
        videoDecodeNanos = Math.max(0, nanos);
    }

    private static double smooth(double old, long sample) {
        return Double.isNaN(old) || Math.abs(sample - old) > 2e9 ? sample : old + (sample - old) * GAIN;
    }

    private void update() {
        if (Double.isNaN(audioTransit) || Double.isNaN(videoTransit)) {
            return;
        }
        double audio = audioTransit + audioBufferNanos;
        double video = videoTransit + videoDecodeNanos;
        if (Math.abs(audio - video) > MAX_PLAUSIBLE_SKEW_NANOS) {
            plausible = false;
            offsetMs = 0;
            videoDelayNanos = 0;
            return;
        }
        plausible = true;
        offsetMs = (video - audio) / 1e6;
        videoDelayNanos = (long) Math.max(0, Math.min(MAX_VIDEO_DELAY_NANOS, audio - video));
    }

    /** How long to hold each decoded video frame after it was complete. */
    public long videoDelayNanos() {
        return videoDelayNanos;
    }

    /**
     * How much later video would play than audio without the hold (negative: video ahead, which the hold removes),
     * in milliseconds; 0 until both streams have sender reports.
     */
    public double unsyncedOffsetMs() {
        return offsetMs;
    }

    /** Whether both streams have been measured against sender reports that agree with each other. */
    public boolean active() {
        return !Double.isNaN(audioTransit) && !Double.isNaN(videoTransit) && plausible;
    }
}
