package dev.parley.rtc.codec.g711;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResamplingTest {

    private static short[] tone(int n, double hz, int rate, double amp) {
        short[] x = new short[n];
        for (int i = 0; i < n; i++) {
            x[i] = (short) Math.round(amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    private static double rms(short[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (double) x[i] * x[i];
        }
        return Math.sqrt(e / (to - from));
    }

    private static short[] down(short[] x) {
        Downsampler48To8 d = new Downsampler48To8();
        short[] y = new short[x.length / 6];
        // In 20 ms blocks, as the encoder feeds it.
        for (int i = 0; i < x.length; i += 960) {
            d.process(x, i, 960, y, i / 6);
        }
        return y;
    }

    private static short[] up(short[] x) {
        Upsampler8To48 u = new Upsampler8To48();
        short[] y = new short[x.length * 6];
        for (int i = 0; i < x.length; i += 160) {
            u.process(x, i, 160, y, i * 6);
        }
        return y;
    }

    @Test
    void filterIsSymmetricWithUnitDcGain() {
        float[] h = ResamplingFilter.TAPS_48K;
        double sum = 0;
        for (int i = 0; i < h.length; i++) {
            assertThat(h[i]).isCloseTo(h[h.length - 1 - i], org.assertj.core.data.Offset.offset(1e-7f));
            sum += h[i];
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void passbandToneKeepsItsLevelBothWays() {
        for (double hz : new double[] {300, 1000, 3000}) {
            short[] x = tone(48_000, hz, 48_000, 10_000);
            short[] narrow = down(x);
            double ratioDown = rms(narrow, 800, 7200) / rms(x, 4800, 43_200);
            assertThat(20 * Math.log10(ratioDown)).as("%s Hz down", hz).isBetween(-0.5, 0.5);
            short[] wide = up(narrow);
            double ratioUp = rms(wide, 4800, 43_200) / rms(x, 4800, 43_200);
            assertThat(20 * Math.log10(ratioUp)).as("%s Hz down and up", hz).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void roundTripReproducesSpeechBandSignalAfterTheFilterDelay() {
        short[] x = new short[48_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (short) Math.round(6000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0)
                    + 3000 * Math.sin(2 * Math.PI * 1870 * i / 48_000.0));
        }
        short[] y = up(down(x));
        // Delay: 71.5 samples each way, less the 5 samples the decimator's phase choice saves.
        int bestLag = 0;
        double bestErr = Double.MAX_VALUE;
        for (int lag = 0; lag < 300; lag++) {
            double err = 0;
            for (int i = 4800; i < 43_200; i++) {
                double d = y[i + lag] - x[i];
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                bestLag = lag;
            }
        }
        double sig = 0;
        for (int i = 4800; i < 43_200; i++) {
            sig += (double) x[i] * x[i];
        }
        double snr = 10 * Math.log10(sig / bestErr);
        assertThat(bestLag).isBetween(130, 150);
        assertThat(snr).isGreaterThan(30);
    }

    @Test
    void decimationRejectsWhatWouldAlias() {
        for (double hz : new double[] {5000, 6000, 9000, 15_000}) {
            short[] x = tone(48_000, hz, 48_000, 20_000);
            short[] narrow = down(x);
            double db = 20 * Math.log10(Math.max(rms(narrow, 800, 7200), 1e-3) / rms(x, 4800, 43_200));
            assertThat(db).as("%s Hz", hz).isLessThan(-55);
        }
    }

    @Test
    void interpolationRejectsImages() {
        // A 1 kHz tone at 8 kHz has images at 7, 9, 15, 17 ... kHz once zero-stuffed; the filter removes them.
        short[] wide = up(tone(8000, 1000, 8000, 10_000));
        double total = rms(wide, 4800, 43_200);
        // What is left after subtracting the best-fitting 1 kHz sine is the images (and rounding).
        double c = 0;
        double s = 0;
        for (int i = 4800; i < 43_200; i++) {
            c += wide[i] * Math.cos(2 * Math.PI * 1000 * i / 48_000.0);
            s += wide[i] * Math.sin(2 * Math.PI * 1000 * i / 48_000.0);
        }
        int n = 43_200 - 4800;
        c *= 2.0 / n;
        s *= 2.0 / n;
        double residual = 0;
        for (int i = 4800; i < 43_200; i++) {
            double fit = c * Math.cos(2 * Math.PI * 1000 * i / 48_000.0) + s * Math.sin(2 * Math.PI * 1000 * i / 48_000.0);
            residual += (wide[i] - fit) * (wide[i] - fit);
        }
        double db = 20 * Math.log10(Math.sqrt(residual / n) / total);
        assertThat(db).isLessThan(-55);
    }

    @Test
    void decimatorNeedsWholeGroupsOfSix() {
        assertThatThrownBy(() -> new Downsampler48To8().process(new short[10], 0, 10, new short[2], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
