package dev.parley.capture.audio;

import java.util.Random;

/** Test signals at 48 kHz. */
final class Signals {

    private Signals() {
    }

    static short[] sine(double hz, double amplitude, int samples, int phaseSamples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (i + phaseSamples) / 48_000.0));
        }
        return s;
    }

    static short[] gaussianNoise(double rms, int samples, long seed) {
        Random r = new Random(seed);
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(r.nextGaussian() * rms)));
        }
        return s;
    }

    static double rmsDbfs(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        double rms = Math.sqrt(sum / (to - from));
        return rms == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(rms / 32768);
    }

    static int maxStep(short[] s, int from, int to) {
        int max = 0;
        for (int i = Math.max(from, 1); i < to; i++) {
            max = Math.max(max, Math.abs(s[i] - s[i - 1]));
        }
        return max;
    }
}
