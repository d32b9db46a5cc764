package dev.parley.rtc.codec.g711;

/**
 * The low-pass both resamplers share: a 144-tap windowed sinc at 48 kHz, cut-off 3.7 kHz, Kaiser window with
 * beta 7, normalised to a DC gain of 1. See the package doc for what it rejects and how long it delays.
 */
final class ResamplingFilter {

    /** The resampling ratio between 48 kHz and 8 kHz. */
    static final int FACTOR = 6;
    /** Taps per polyphase branch. */
    static final int TAPS_PER_PHASE = 24;
    static final int TAPS = FACTOR * TAPS_PER_PHASE;

    private static final double CUTOFF_HZ = 3700;
    private static final double BETA = 7.0;

    /** The prototype impulse response, symmetric. */
    static final float[] TAPS_48K = design();

    private ResamplingFilter() {
    }

    private static float[] design() {
        double[] h = new double[TAPS];
        double fc = CUTOFF_HZ / 48_000;
        double centre = (TAPS - 1) / 2.0;
        double sum = 0;
        for (int n = 0; n < TAPS; n++) {
            double t = n - centre;
            double sinc = 2 * fc * Math.sin(2 * Math.PI * fc * t) / (2 * Math.PI * fc * t);
            double r = t / centre;
            double window = besselI0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(BETA);
            h[n] = sinc * window;
            sum += h[n];
        }
        float[] taps = new float[TAPS];
        for (int n = 0; n < TAPS; n++) {
            taps[n] = (float) (h[n] / sum);
        }
        return taps;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }

    static short clamp(float v) {
        int r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
