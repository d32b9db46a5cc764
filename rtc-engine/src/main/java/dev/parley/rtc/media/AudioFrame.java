package dev.parley.rtc.media;

import java.util.Arrays;

/**
 * Audio the engine carries: 48 kHz, signed 16-bit PCM, mono or stereo (interleaved L, R), 10 or 20 ms.
 *
 * <p>The frame wraps {@code samples} from {@code offset} without copying (see the package doc for who may keep
 * it): {@link #samples()} returns that backing array. The fields themselves never change.
 */
public final class AudioFrame {

    /** The only sample rate inside Parley. */
    public static final int SAMPLE_RATE = 48_000;
    /** Samples per channel in a 10 ms frame. */
    public static final int SAMPLES_PER_10_MS = SAMPLE_RATE / 100;
    /** Samples per channel in a 20 ms frame. */
    public static final int SAMPLES_PER_20_MS = SAMPLE_RATE / 50;

    private final short[] samples;
    private final int offset;
    private final int channels;
    private final int samplesPerChannel;
    private final long timestampNanos;

    private AudioFrame(short[] samples, int offset, int channels, int samplesPerChannel, long timestampNanos) {
        this.samples = samples;
        this.offset = offset;
        this.channels = channels;
        this.samplesPerChannel = samplesPerChannel;
        this.timestampNanos = timestampNanos;
    }

    /**
     * Wraps {@code channels * samplesPerChannel} interleaved samples starting at {@code offset}.
     *
     * @param channels 1 or 2
     * @param samplesPerChannel 480 (10 ms) or 960 (20 ms)
     * @param timestampNanos capture time on the {@link System#nanoTime()} clock
     * @throws IllegalArgumentException if the shape is not one of the above or the array is too short
     */
    public static AudioFrame wrap(short[] samples, int offset, int channels, int samplesPerChannel,
                                  long timestampNanos) {
        if (samples == null) {
            throw new IllegalArgumentException("samples is null");
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, was " + channels);
        }
        if (samplesPerChannel != SAMPLES_PER_10_MS && samplesPerChannel != SAMPLES_PER_20_MS) {
            throw new IllegalArgumentException(
                    "samplesPerChannel must be 480 (10 ms) or 960 (20 ms) at 48 kHz, was " + samplesPerChannel);
        }
        int needed = channels * samplesPerChannel;
        if (offset < 0 || offset > samples.length - needed) {
            throw new IllegalArgumentException("need " + needed + " samples from offset " + offset
                    + " but the array holds " + samples.length);
        }
        return new AudioFrame(samples, offset, channels, samplesPerChannel, timestampNanos);
    }

    /** Wraps a whole array whose length is {@code channels * samplesPerChannel}. */
    public static AudioFrame wrap(short[] samples, int channels, long timestampNanos) {
        if (samples == null || channels < 1) {
            throw new IllegalArgumentException("samples is null or channels < 1");
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException("array length " + samples.length + " is not a multiple of "
                    + channels + " channels");
        }
        return wrap(samples, 0, channels, samples.length / channels, timestampNanos);
    }

    /** A frame of digital silence in a fresh array. */
    public static AudioFrame silence(int channels, int samplesPerChannel, long timestampNanos) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, was " + channels);
        }
        return wrap(new short[channels * samplesPerChannel], 0, channels, samplesPerChannel, timestampNanos);
    }

    /** The backing array (not a copy); samples start at {@link #offset()}, interleaved when stereo. */
    public short[] samples() {
        return samples;
    }

    public int offset() {
        return offset;
    }

    public int channels() {
        return channels;
    }

    public int samplesPerChannel() {
        return samplesPerChannel;
    }

    /** {@code channels * samplesPerChannel}. */
    public int sampleCount() {
        return channels * samplesPerChannel;
    }

    public int durationMillis() {
        return samplesPerChannel * 1000 / SAMPLE_RATE;
    }

    /** Capture time on the {@link System#nanoTime()} clock. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** A frame of its own (fresh array, offset 0) that a sink may keep. */
    public AudioFrame copy() {
        short[] own = Arrays.copyOfRange(samples, offset, offset + sampleCount());
        return new AudioFrame(own, 0, channels, samplesPerChannel, timestampNanos);
    }

    @Override
    public String toString() {
        return "AudioFrame[" + channels + "ch, " + durationMillis() + " ms, t=" + timestampNanos + "ns]";
    }
}
