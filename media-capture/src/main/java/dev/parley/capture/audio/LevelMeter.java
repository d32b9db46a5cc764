package dev.parley.capture.audio;

import dev.parley.rtc.media.AudioFrame;

/**
 * Measures the RMS and peak level of each frame, for a microphone level bar. The peak a UI shows holds its highest
 * value for {@value #HOLD_SECONDS} s and then falls at {@value #DECAY_DB_PER_SECOND} dB/s (until a louder frame comes),
 * so a short syllable stays readable instead of flickering. Time is counted in samples (48 kHz), not on a wall clock.
 *
 * <p>Threads: {@link #update} is called by one thread (the capture thread); {@link #level()} by any thread (the
 * value is published through one volatile field, without allocating on the capture path).
 */
public final class LevelMeter {

    static final double HOLD_SECONDS = 1.0;
    static final double DECAY_DB_PER_SECOND = 20.0;

    private static final double FULL_SCALE = 32768.0;
    private static final long HOLD_SAMPLES = Math.round(HOLD_SECONDS * AudioFrame.SAMPLE_RATE);

    private double heldPeakDbfs = AudioLevel.FLOOR_DBFS;
    private long holdLeftSamples;
    /** rms (high 32 bits) and held peak (low 32 bits) as float bits: one atomic publication, no garbage. */
    private volatile long packed = pack(AudioLevel.FLOOR_DBFS, AudioLevel.FLOOR_DBFS);

    /** Measures a frame (all its samples; stereo frames interleaved are measured together). */
    public void update(AudioFrame frame) {
        update(frame.samples(), frame.offset(), frame.sampleCount());
    }

    /** Measures {@code length} samples of 48 kHz PCM from {@code offset}. */
    public void update(short[] pcm, int offset, int length) {
        if (length <= 0) {
            return;
        }
        double sumSquares = 0;
        int peak = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            int s = pcm[i];
            sumSquares += (double) s * s;
            int a = Math.abs(s);
            if (a > peak) {
                peak = a;
            }
        }
        double rmsDbfs = toDbfs(Math.sqrt(sumSquares / length));
        double framePeakDbfs = toDbfs(peak);
        if (framePeakDbfs >= heldPeakDbfs) {
            heldPeakDbfs = framePeakDbfs;
            holdLeftSamples = HOLD_SAMPLES;
        } else {
            long decaySamples = length;
            if (holdLeftSamples > 0) {
                long held = Math.min(holdLeftSamples, length);
                holdLeftSamples -= held;
                decaySamples -= held;
            }
            if (decaySamples > 0) {
                heldPeakDbfs -= DECAY_DB_PER_SECOND * decaySamples / AudioFrame.SAMPLE_RATE;
            }
            heldPeakDbfs = Math.max(heldPeakDbfs, framePeakDbfs);
        }
        packed = pack(rmsDbfs, heldPeakDbfs);
    }

    /** The latest level; safe from any thread. */
    public AudioLevel level() {
        long p = packed;
        return new AudioLevel(Float.intBitsToFloat((int) (p >>> 32)), Float.intBitsToFloat((int) p));
    }

    /** Forgets everything measured (back to {@link AudioLevel#SILENCE}); same thread as {@link #update}. */
    public void reset() {
        heldPeakDbfs = AudioLevel.FLOOR_DBFS;
        holdLeftSamples = 0;
        packed = pack(AudioLevel.FLOOR_DBFS, AudioLevel.FLOOR_DBFS);
    }

    /** dBFS of a linear amplitude (full scale = 32768), floored at {@link AudioLevel#FLOOR_DBFS}. */
    static double toDbfs(double amplitude) {
        if (amplitude <= 0) {
            return AudioLevel.FLOOR_DBFS;
        }
        return Math.max(AudioLevel.FLOOR_DBFS, 20 * Math.log10(amplitude / FULL_SCALE));
    }

    private static long pack(double rms, double peak) {
        return ((long) Float.floatToIntBits((float) rms) << 32) | (Float.floatToIntBits((float) peak) & 0xFFFF_FFFFL);
    }
}
