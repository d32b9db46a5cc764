package dev.parley.capture.audio;

import dev.parley.rtc.media.AudioFrame;

/**
 * Mutes the microphone between words, so room hiss and fan noise do not reach the others (and Opus can stop sending
 * during silence). The level is the RMS over the last few milliseconds (a one-pole mean-square detector, {@value
 * #DETECTOR_MS} ms): the gate opens when it rises above the threshold (default {@value #DEFAULT_THRESHOLD_DBFS} dBFS),
 * stays open for {@value #HOLD_MS} ms after it falls {@value #HYSTERESIS_DB} dB below it (so word endings and short
 * pauses are not chopped), and its gain moves in straight ramps, {@value #ATTACK_MS} ms up and {@value #RELEASE_MS} ms
 * down, never in a step (a step is a click). Fully open means gain exactly 1: open audio passes bit for bit. Disabled,
 * it ramps open and stays open.
 *
 * <p>Threads: {@link #process} runs on one thread (the capture thread); {@link #setEnabled} and the getters are safe
 * from any thread.
 */
public final class NoiseGate {

    public static final double DEFAULT_THRESHOLD_DBFS = -50.0;

    static final double DETECTOR_MS = 5;
    static final double HYSTERESIS_DB = 6;
    static final int HOLD_MS = 200;
    static final int ATTACK_MS = 5;
    static final int RELEASE_MS = 100;

    private static final int RATE = AudioFrame.SAMPLE_RATE;
    private static final double DETECTOR_COEFF = 1 - Math.exp(-1000.0 / (DETECTOR_MS * RATE));
    private static final int HOLD_SAMPLES = HOLD_MS * RATE / 1000;
    private static final double ATTACK_STEP = 1000.0 / (ATTACK_MS * RATE);
    private static final double RELEASE_STEP = 1000.0 / (RELEASE_MS * RATE);

    private final double openMeanSquare;
    private final double closeMeanSquare;
    private volatile boolean enabled = true;
    private volatile boolean open;
    private double meanSquare;
    private int holdLeft;
    private double gain;

    /** A gate at {@value #DEFAULT_THRESHOLD_DBFS} dBFS, enabled. */
    public NoiseGate() {
        this(DEFAULT_THRESHOLD_DBFS);
    }

    /** A gate opening above {@code thresholdDbfs} (RMS), enabled and closed. */
    public NoiseGate(double thresholdDbfs) {
        if (!(thresholdDbfs < 0 && thresholdDbfs > AudioLevel.FLOOR_DBFS)) {
            throw new IllegalArgumentException("threshold must be between -100 and 0 dBFS, was " + thresholdDbfs);
        }
        double open = 32768 * Math.pow(10, thresholdDbfs / 20);
        double close = 32768 * Math.pow(10, (thresholdDbfs - HYSTERESIS_DB) / 20);
        this.openMeanSquare = open * open;
        this.closeMeanSquare = close * close;
    }

    /** Switches the gate on or off; the change ramps in, without a click. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether the gate currently lets the microphone through (open, or in its hold time). */
    public boolean isOpen() {
        return open;
    }

    /** Gates {@code length} mono samples in place. */
    public void process(short[] pcm, int offset, int length) {
        boolean on = enabled;
        boolean isOpen = open;
        double ms = meanSquare;
        double g = gain;
        int hold = holdLeft;
        for (int i = offset, end = offset + length; i < end; i++) {
            double x = pcm[i];
            ms += DETECTOR_COEFF * (x * x - ms);
            if (ms > openMeanSquare) {
                isOpen = true;
                hold = HOLD_SAMPLES;
            } else if (isOpen) {
                if (ms >= closeMeanSquare) {
                    hold = HOLD_SAMPLES;
                } else if (--hold <= 0) {
                    isOpen = false;
                }
            }
            if (isOpen || !on) {
                g = Math.min(1.0, g + ATTACK_STEP);
            } else {
                g = Math.max(0.0, g - RELEASE_STEP);
            }
            if (g < 1.0) {
                pcm[i] = (short) Math.round(x * g);
            }
        }
        meanSquare = ms;
        gain = g;
        holdLeft = hold;
        open = isOpen;
    }

    /** The gain applied to the last sample, 0 (closed) to 1 (open). Same thread as {@link #process}. */
    double gain() {
        return gain;
    }
}
