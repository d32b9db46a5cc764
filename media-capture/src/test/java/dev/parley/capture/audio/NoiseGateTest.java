package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseGateTest {

    private static final int RATE = 48_000;

    /** Runs the gate over the whole signal in 10 ms frames, as the microphone does. */
    private static short[] gate(NoiseGate gate, short[] in) {
        short[] out = in.clone();
        for (int off = 0; off < out.length; off += 480) {
            gate.process(out, off, Math.min(480, out.length - off));
        }
        return out;
    }

    @Test
    void lowNoiseIsMuted() {
        short[] noise = Signals.gaussianNoise(32768 * Math.pow(10, -60 / 20.0), RATE, 1);
        assertThat(Signals.rmsDbfs(noise, 0, noise.length)).isBetween(-60.5, -59.5);
        NoiseGate gate = new NoiseGate();
        short[] out = gate(gate, noise);
        assertThat(Signals.rmsDbfs(out, 0, out.length)).isLessThan(-100.0);
        assertThat(gate.isOpen()).isFalse();
    }

    @Test
    void speechLevelPassesUnchangedAfterTheAttack() {
        double amplitude = 32768 * Math.pow(10, -20 / 20.0) * Math.sqrt(2); // -20 dBFS RMS
        short[] tone = Signals.sine(300, amplitude, RATE / 2, 0);
        NoiseGate gate = new NoiseGate();
        short[] out = gate(gate, tone);
        int attackEnd = NoiseGate.ATTACK_MS * RATE / 1000 + 48;
        assertThat(Arrays.copyOfRange(out, attackEnd, out.length))
                .isEqualTo(Arrays.copyOfRange(tone, attackEnd, tone.length));
        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.gain()).isEqualTo(1.0);
    }

    @Test
    void opensAndClosesWithoutAClick() {
        // A 375 Hz tone swelling from nothing to -20 dBFS RMS over 300 ms, steady for 300 ms, fading over 400 ms to a
        // faint -80 dBFS tail: the gate opens and closes while the tone is there, where a hard gate would jump.
        double amplitude = 32768 * Math.pow(10, -20 / 20.0) * Math.sqrt(2);
        short[] signal = new short[RATE * 2];
        for (int i = 0; i < signal.length; i++) {
            double t = i / (double) RATE;
            double envelope = t < 0.3 ? t / 0.3 : t < 0.6 ? 1 : Math.max(0.001, (1.0 - t) / 0.4);
            signal[i] = (short) Math.round(amplitude * envelope * Math.sin(2 * Math.PI * 375 * t));
        }
        NoiseGate gate = new NoiseGate();
        short[] out = gate(gate, signal);
        boolean opened = false;
        boolean closed = false;
        for (int n = 1; n < out.length; n++) {
            // No output step beyond the largest input step within 5 ms around it.
            int local = Signals.maxStep(signal, Math.max(1, n - 240), Math.min(signal.length, n + 240));
            assertThat(Math.abs(out[n] - out[n - 1])).as("step at sample %d", n).isLessThanOrEqualTo(local + 1);
            opened |= out[n] != 0;
            closed |= opened && n > RATE / 2 && out[n] == 0 && signal[n] != 0;
        }
        assertThat(opened).isTrue();
        assertThat(closed).isTrue(); // it did close while the faint tail was still there
        assertThat(Signals.rmsDbfs(out, RATE * 35 / 100, RATE * 55 / 100)).isBetween(-20.05, -19.95);
    }

    @Test
    void holdsThroughAShortPauseAndFadesAfterALongOne() {
        double amplitude = 32768 * Math.pow(10, -20 / 20.0) * Math.sqrt(2);
        short[] signal = new short[RATE * 2];
        short[] burst = Signals.sine(300, amplitude, RATE / 4, 0);
        System.arraycopy(burst, 0, signal, 0, burst.length);                // 0 .. 0.25 s
        System.arraycopy(burst, 0, signal, RATE * 35 / 100, burst.length);  // 0.35 .. 0.6 s, after a 100 ms pause
        short[] lowNoise = Signals.gaussianNoise(32768 * Math.pow(10, -60 / 20.0), RATE * 2, 2);
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (short) (signal[i] + lowNoise[i]);
        }
        NoiseGate gate = new NoiseGate();
        short[] out = gate(gate, signal);
        // In the 100 ms pause the gate holds: the room noise comes through untouched.
        assertThat(Arrays.copyOfRange(out, RATE * 26 / 100, RATE * 34 / 100))
                .isEqualTo(Arrays.copyOfRange(signal, RATE * 26 / 100, RATE * 34 / 100));
        // The detector's RMS takes ~45 ms to fall below the closing level, then the gate holds, then fades.
        int burstEnd = RATE * 60 / 100;
        int closing = burstEnd + RATE * (45 + NoiseGate.HOLD_MS) / 1000;
        int fading = closing + RATE * NoiseGate.RELEASE_MS / 2 / 1000;
        assertThat(Signals.rmsDbfs(out, fading - 240, fading + 240)).isBetween(-70.0, -62.0);
        int shut = closing + RATE * (NoiseGate.RELEASE_MS + 30) / 1000;
        assertThat(Signals.rmsDbfs(out, shut, out.length)).isLessThan(-100.0);
        // Closing never jumps: no step in the output is larger than the largest step of the noise it fades.
        assertThat(Signals.maxStep(out, burstEnd + 1, out.length))
                .isLessThanOrEqualTo(Signals.maxStep(signal, burstEnd + 1, out.length));
    }

    @Test
    void disabledPassesEverythingAndSwitchingRampsIn() {
        short[] noise = Signals.gaussianNoise(32768 * Math.pow(10, -60 / 20.0), RATE, 3);
        NoiseGate gate = new NoiseGate();
        gate.setEnabled(false);
        assertThat(gate.isEnabled()).isFalse();
        short[] out = gate(gate, noise);
        int ramp = NoiseGate.ATTACK_MS * RATE / 1000;
        assertThat(Arrays.copyOfRange(out, ramp, out.length)).isEqualTo(Arrays.copyOfRange(noise, ramp, noise.length));
        // Switching back on while only noise plays fades it out over the release time, not at once.
        gate.setEnabled(true);
        short[] more = noise.clone();
        gate.process(more, 0, 480);
        assertThat(Signals.rmsDbfs(more, 0, 480)).isBetween(-62.0, -59.0);
        short[] rest = gate(gate, Arrays.copyOfRange(noise, 480, noise.length));
        assertThat(Signals.rmsDbfs(rest, RATE * NoiseGate.RELEASE_MS / 1000, rest.length)).isLessThan(-100.0);
    }
}
