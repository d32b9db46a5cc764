package dev.parley.rtc.testing;

/** Test audio signals and the measurements audio tests make on them (48 kHz PCM16). */
public final class Signals {

    private Signals() {
    }

    /** A sine of {@code hz} at {@code amplitude}, sample index {@code from} onwards, into {@code out}. */
    public static void tone(short[] out, int from, double hz, double amplitude) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (from + i) / 48_000.0));
        }
    }

    /** Relative power of {@code hz} in {@code x[from, from+n)} (Goertzel), normalised by the total energy. */
    public static double goertzelShare(short[] x, int from, int n, double hz, int rate) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = from; i < from + n; i++) {
            double s = x[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
            energy += (double) x[i] * x[i];
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        // A pure sine of amplitude A over n samples: power ~ (A n / 2)^2 and energy ~ A^2 n / 2.
        return energy == 0 ? 0 : power / (energy * n / 2);
    }

    /**
     * The median over consecutive {@code block}-sample blocks of {@link #goertzelShare}: whether a tone dominates
     * the signal most of the time, unmoved by the odd phase jump (a jitter buffer cutting or concealing a frame),
     * which would break the coherence of one long window.
     */
    public static double medianGoertzelShare(short[] x, int from, int n, int block, double hz, int rate) {
        int blocks = n / block;
        double[] shares = new double[blocks];
        for (int i = 0; i < blocks; i++) {
            shares[i] = goertzelShare(x, from + i * block, block, hz, rate);
        }
        java.util.Arrays.sort(shares);
        return blocks == 0 ? 0 : shares[blocks / 2];
    }

    /** Frequency estimated from zero crossings of {@code x[from, from+n)}. */
    public static double zeroCrossingHz(short[] x, int from, int n, int rate) {
        int crossings = 0;
        for (int i = from + 1; i < from + n; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                crossings++;
            }
        }
        return crossings * rate / (2.0 * n);
    }

    public static double rms(short[] x, int from, int n) {
        double e = 0;
        for (int i = from; i < from + n; i++) {
            e += (double) x[i] * x[i];
        }
        return Math.sqrt(e / n);
    }

    /** SNR in dB of {@code decoded[from+lag ...]} against {@code ref[from ...]} over n samples. */
    public static double snrDb(short[] ref, short[] decoded, int from, int lag, int n) {
        double sig = 0;
        double err = 0;
        for (int i = from; i < from + n; i++) {
            double d = decoded[i + lag] - ref[i];
            sig += (double) ref[i] * ref[i];
            err += d * d;
        }
        return 10 * Math.log10(sig / Math.max(err, 1e-9));
    }

    /** The lag in [0, maxLag] at which {@code decoded} best matches {@code ref} (highest SNR). */
    public static int bestLag(short[] ref, short[] decoded, int from, int n, int maxLag) {
        int best = 0;
        double bestSnr = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= maxLag; lag++) {
            double snr = snrDb(ref, decoded, from, lag, n);
            if (snr > bestSnr) {
                bestSnr = snr;
                best = lag;
            }
        }
        return best;
    }
}
