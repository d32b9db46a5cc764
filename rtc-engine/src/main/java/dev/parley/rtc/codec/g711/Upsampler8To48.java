package dev.parley.rtc.codec.g711;

/**
 * Streaming 8 kHz -> 48 kHz interpolation by 6 through {@link ResamplingFilter}, polyphase: output {@code 6m + p}
 * is {@code 6 * sum_k h[6k + p] x[m - k]}, 24 taps each. Keeps the last 23 input samples between calls.
 * Not thread-safe; allocation-free after the first block of each size.
 */
final class Upsampler8To48 {

    private static final int HISTORY = ResamplingFilter.TAPS_PER_PHASE - 1;
    private final float[][] phases = new float[ResamplingFilter.FACTOR][ResamplingFilter.TAPS_PER_PHASE];
    private float[] work = new float[HISTORY + 160];

    Upsampler8To48() {
        float[] h = ResamplingFilter.TAPS_48K;
        for (int p = 0; p < ResamplingFilter.FACTOR; p++) {
            for (int k = 0; k < ResamplingFilter.TAPS_PER_PHASE; k++) {
                // Zero-stuffing keeps one sample in six: the gain of 6 restores the level.
                phases[p][k] = ResamplingFilter.FACTOR * h[ResamplingFilter.FACTOR * k + p];
            }
        }
    }

    /** Interpolates {@code count} samples of {@code in} into {@code 6 * count} samples of {@code out}. */
    int process(short[] in, int inOffset, int count, short[] out, int outOffset) {
        if (work.length < HISTORY + count) {
            float[] bigger = new float[HISTORY + count];
            System.arraycopy(work, 0, bigger, 0, HISTORY);
            work = bigger;
        }
        for (int i = 0; i < count; i++) {
            work[HISTORY + i] = in[inOffset + i];
        }
        int o = outOffset;
        for (int m = 0; m < count; m++) {
            int newest = HISTORY + m;
            for (int p = 0; p < ResamplingFilter.FACTOR; p++) {
                float[] taps = phases[p];
                float acc = 0;
                for (int k = 0; k < taps.length; k++) {
                    acc += taps[k] * work[newest - k];
                }
                out[o++] = ResamplingFilter.clamp(acc);
            }
        }
        System.arraycopy(work, count, work, 0, HISTORY);
        return count * ResamplingFilter.FACTOR;
    }
}
