package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.AudioFrame;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioMixerTest {

    private static final int BLOCK = AudioMixer.BLOCK_SAMPLES;
    private static final int DELAY = AudioMixer.LATENCY_SAMPLES;

    /** An input playing a long signal in 20 ms frames, reusing one frame array (as a jitter buffer does). */
    private static final class Clip implements AudioMixer.PlayoutInput {
        private final short[] signal;
        private final short[] frame = new short[BLOCK];
        private int position;

        Clip(short[] signal) {
            this.signal = signal;
        }

        @Override
        public AudioFrame pull(long nowNanos) {
            for (int i = 0; i < BLOCK; i++) {
                frame[i] = position < signal.length ? signal[position++] : 0;
            }
            return AudioFrame.wrap(frame, 0, 1, BLOCK, nowNanos);
        }
    }

    /** Mixes {@code blocks} blocks and returns the output with the limiter's delay removed. */
    private static short[] run(AudioMixer mixer, int blocks) {
        short[] out = new short[blocks * BLOCK];
        short[] block = new short[BLOCK];
        for (int b = 0; b < blocks; b++) {
            mixer.mix(block, b * 20_000_000L);
            System.arraycopy(block, 0, out, b * BLOCK, BLOCK);
        }
        return Arrays.copyOfRange(out, DELAY, out.length);
    }

    /** The exact sum, in ints (it may not fit a short). */
    private static int[] sum(short[]... signals) {
        int[] s = new int[signals[0].length];
        for (short[] x : signals) {
            for (int i = 0; i < s.length; i++) {
                s[i] += x[i];
            }
        }
        return s;
    }

    private static short[] asShorts(int[] fitting) {
        short[] s = new short[fitting.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) fitting[i];
        }
        return s;
    }

    /** RMS of out / RMS of expected over a range, in dB. */
    private static double gainDb(short[] out, int[] expected, int from, int to) {
        double o = 0;
        double e = 0;
        for (int i = from; i < to; i++) {
            o += (double) out[i] * out[i];
            e += (double) expected[i] * expected[i];
        }
        return 10 * Math.log10(o / e);
    }

    @Test
    void aSumThatFitsPassesBitForBitOnlyDelayed() {
        short[] a = Signals.sine(440, 12_000, 48_000, 0);
        short[] b = Signals.sine(660, 9_000, 48_000, 7);
        short[] c = Signals.gaussianNoise(2_000, 48_000, 5);
        AudioMixer mixer = new AudioMixer();
        mixer.add(new Clip(a));
        mixer.add(new Clip(b));
        mixer.add(new Clip(c));
        assertThat(mixer.inputCount()).isEqualTo(3);
        short[] out = run(mixer, 50);
        int[] expected = sum(a, b, c);
        int peak = 0;
        for (int s : expected) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).isLessThanOrEqualTo(AudioMixer.CEILING).isGreaterThan(25_000);
        assertThat(out).isEqualTo(Arrays.copyOf(asShorts(expected), out.length));
        assertThat(mixer.gain()).isEqualTo(1.0);
        assertThat(mixer.rejectedFrames()).isZero();
    }

    @Test
    void fullScaleTonesTogetherNeverClipOrFlatTop() {
        short[] a = Signals.sine(440, 32767, 48_000, 0);
        short[] b = Signals.sine(554, 32767, 48_000, 3);
        short[] c = Signals.sine(659, 32767, 48_000, 11);
        AudioMixer mixer = new AudioMixer();
        mixer.add(new Clip(a));
        mixer.add(new Clip(b));
        mixer.add(new Clip(c));
        short[] out = run(mixer, 50);
        int peak = 0;
        int longestRun = 1;
        int run = 1;
        for (int i = 0; i < out.length; i++) {
            peak = Math.max(peak, Math.abs(out[i]));
            run = i > 0 && out[i] == out[i - 1] && Math.abs(out[i]) > 20_000 ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
        }
        assertThat(peak).isLessThanOrEqualTo(AudioMixer.CEILING).isGreaterThan(28_000);
        // A hard clipper would hold +-32767 for dozens of samples at every crest of this sum.
        assertThat(longestRun).isLessThanOrEqualTo(2);
        assertThat(mixer.gain()).isLessThan(0.7);
        // The limited output is still the sum's waveform: strongly correlated with it.
        int[] expected = sum(a, b, c);
        double dot = 0;
        double ee = 0;
        double oo = 0;
        for (int i = 0; i < out.length; i++) {
            dot += (double) out[i] * expected[i];
            ee += (double) expected[i] * expected[i];
            oo += (double) out[i] * out[i];
        }
        assertThat(dot / Math.sqrt(ee * oo)).isGreaterThan(0.98);
    }

    @Test
    void recoversToUnityGainAfterALoudBurst() {
        int n = 48_000 * 2;
        short[] loud = new short[n];
        System.arraycopy(Signals.sine(500, 32767, 9_600, 0), 0, loud, 0, 9_600); // 200 ms burst
        short[] loud2 = new short[n];
        System.arraycopy(Signals.sine(700, 32767, 9_600, 0), 0, loud2, 0, 9_600);
        short[] voice = Signals.sine(300, 8_000, n, 0);
        AudioMixer mixer = new AudioMixer();
        mixer.add(new Clip(loud));
        mixer.add(new Clip(loud2));
        mixer.add(new Clip(voice));
        short[] out = run(mixer, 100);
        int[] expected = sum(loud, loud2, voice);
        // During the burst everything, the voice included, is turned down ...
        assertThat(gainDb(out, expected, 4_800, 9_000)).isLessThan(-3.0);
        // ... shortly after, the voice is coming back (a smooth release, not a jump) ...
        assertThat(gainDb(out, expected, 9_700, 10_660)).isBetween(-9.0, -0.2);
        // ... and after one second it is bit-exact again.
        assertThat(Arrays.copyOfRange(out, 60_000, out.length))
                .isEqualTo(Arrays.copyOfRange(asShorts(expected), 60_000, out.length));
        assertThat(mixer.gain()).isEqualTo(1.0);
    }

    @Test
    void brokenInputsCountAsSilenceAndNeverBreakTheMix() {
        short[] voice = Signals.sine(300, 8_000, 48_000, 0);
        AudioMixer mixer = new AudioMixer();
        mixer.add(now -> {
            throw new IllegalStateException("decoder bug");
        });
        mixer.add(now -> null);
        mixer.add(now -> AudioFrame.silence(1, AudioFrame.SAMPLES_PER_10_MS, now)); // 10 ms: wrong size
        mixer.add(now -> AudioFrame.wrap(Signals.sine(100, 30_000, 2 * BLOCK, 0), 2, now)); // stereo: wrong shape
        mixer.add(new Clip(voice));
        short[] out = run(mixer, 10);
        assertThat(out).isEqualTo(Arrays.copyOf(voice, out.length));
        assertThat(mixer.rejectedFrames()).isEqualTo(4 * 10);
    }

    @Test
    void inputsComeAndGo() {
        AudioMixer mixer = new AudioMixer();
        AudioMixer.PlayoutInput a = new Clip(Signals.sine(300, 8_000, 48_000, 0));
        AudioMixer.PlayoutInput b = new Clip(Signals.sine(300, 8_000, 48_000, 0));
        short[] block = new short[BLOCK];
        mixer.mix(block, 0);
        assertThat(block).containsOnly((short) 0);
        mixer.add(a);
        mixer.add(b);
        assertThat(mixer.remove(a)).isTrue();
        assertThat(mixer.remove(a)).isFalse();
        assertThat(mixer.inputCount()).isEqualTo(1);
        assertThat(mixer.remove(b)).isTrue();
        mixer.mix(block, 0);
        mixer.mix(block, 0);
        assertThat(block).containsOnly((short) 0);
    }

    @Test
    void mixingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        short[] pcm = Signals.sine(440, 30_000, BLOCK, 0);
        AudioFrame frame = AudioFrame.wrap(pcm, 1, 0);
        AudioMixer mixer = new AudioMixer();
        mixer.add(now -> frame);
        mixer.add(now -> frame);
        mixer.add(now -> frame);
        short[] out = new short[BLOCK];
        for (int i = 0; i < 2_000; i++) { // warm up (JIT)
            mixer.mix(out, i);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1_000; i++) {
            mixer.mix(out, i);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).isLessThan(1_000); // 1000 mixes: not even one byte each
    }
}
