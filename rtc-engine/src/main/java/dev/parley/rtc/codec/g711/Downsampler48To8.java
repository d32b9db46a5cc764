package dev.parley.rtc.codec.g711;

/**
 * Streaming 48 kHz -> 8 kHz decimation by 6 through {@link ResamplingFilter}: only every sixth filter output
 * is computed. Keeps the last 143 input samples between calls, so consecutive blocks join without clicks.
 * Not thread-safe; allocation-free after the first block of each size.
 */
final class Downsampler48To8 {

    private static final int HISTORY = ResamplingFilter.TAPS - 1;
    private final float[] taps = ResamplingFilter.TAPS_48K;
    private float[] work = new float[HISTORY + 960];

    /**
     * Filters {@code count} samples (a multiple of 6) of {@code in} and writes {@code count / 6} samples to
     * {@code out}; returns that number.
     */
    int process(short[] in, int inOffset, int count, short[] out, int outOffset) {
        if (count % ResamplingFilter.FACTOR != 0) {
            throw new IllegalArgumentException("input length must be a multiple of 6, was " + count);
        }
        ensure(count);
        for (int i = 0; i < count; i++) {
            work[HISTORY + i] = in[inOffset + i];
        }
        int outCount = count / ResamplingFilter.FACTOR;
        for (int m = 0; m < outCount; m++) {
            // y[m] = sum_j h[j] x[6m + 5 - j]; the newest input of this output sits at HISTORY + 6m + 5.
            int newest = HISTORY + ResamplingFilter.FACTOR * m + ResamplingFilter.FACTOR - 1;
            float acc = 0;
            for (int j = 0; j < taps.length; j++) {
                acc += taps[j] * work[newest - j];
            }
            out[outOffset + m] = ResamplingFilter.clamp(acc);
        }
        System.arraycopy(work, count, work, 0, HISTORY);
        return outCount;
    }

    private void ensure(int count) {
        if (work.length < HISTORY + count) {
            float[] bigger = new float[HISTORY + count];
            System.arraycopy(work, 0, bigger, 0, HISTORY);
            work = bigger;
        }
    }
}
