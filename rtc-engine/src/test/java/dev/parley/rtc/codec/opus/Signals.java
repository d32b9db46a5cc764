package dev.parley.rtc.codec.opus;

/** Test signals and the measurements the codec tests make on them. */
final class Signals {

    private Signals() {
    }

    /** A sine of {@code hz} at {@code amplitude}, sample index {@code from} onwards, into {@code out}. */
    static void tone(short[] out, int from, double hz, double amplitude) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (from + i) / 48_000.0));
        }
    }

    /** Relative power of {@code hz} in {@code x[from, from+n)} (Goertzel), normalised by the total energy. */
    static double goertzelShare(short[] x, int from, int n, double hz, int rate) {
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

    /** Frequency estimated from zero crossings of {@code x[from, from+n)}. */
    static double zeroCrossingHz(short[] x, int from, int n, int rate) {
        int crossings = 0;
        for (int i = from + 1; i < from + n; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                crossings++;
            }
        }
        return crossings * rate / (2.0 * n);
    }

    static double rms(short[] x, int from, int n) {
        double e = 0;
        for (int i = from; i < from + n; i++) {
            e += (double) x[i] * x[i];
        }
        return Math.sqrt(e / n);
    }

    /** SNR in dB of {@code decoded[from+lag ...]} against {@code ref[from ...]} over n samples. */
    static double snrDb(short[] ref, short[] decoded, int from, int lag, int n) {
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
    static int bestLag(short[] ref, short[] decoded, int from, int n, int maxLag) {
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
