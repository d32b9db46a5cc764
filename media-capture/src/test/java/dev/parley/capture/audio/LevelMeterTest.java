package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.rtc.media.AudioFrame;
import org.junit.jupiter.api.Test;

class LevelMeterTest {

    @Test
    void fullScaleSineReadsMinusThreeDbRmsAndZeroDbPeak() {
        LevelMeter meter = new LevelMeter();
        // 1 kHz: 480 samples hold exactly ten periods, so the RMS is the sine's own.
        meter.update(Signals.sine(1000, 32767, 480, 12), 0, 480);
        AudioLevel level = meter.level();
        assertThat(level.rmsDbfs()).isCloseTo(-3.01, within(0.02));
        assertThat(level.peakDbfs()).isCloseTo(0.0, within(0.01));
    }

    @Test
    void halfAmplitudeIsSixDecibelsLower() {
        LevelMeter full = new LevelMeter();
        LevelMeter half = new LevelMeter();
        full.update(Signals.sine(1000, 32767, 480, 12), 0, 480);
        half.update(Signals.sine(1000, 32767 / 2.0, 480, 12), 0, 480);
        assertThat(full.level().rmsDbfs() - half.level().rmsDbfs()).isCloseTo(6.02, within(0.02));
        assertThat(full.level().peakDbfs() - half.level().peakDbfs()).isCloseTo(6.02, within(0.02));
    }

    @Test
    void silenceReadsAsTheFloorNotMinusInfinity() {
        LevelMeter meter = new LevelMeter();
        assertThat(meter.level()).isEqualTo(AudioLevel.SILENCE);
        meter.update(new short[480], 0, 480);
        assertThat(meter.level().rmsDbfs()).isEqualTo(AudioLevel.FLOOR_DBFS);
        assertThat(meter.level().peakDbfs()).isEqualTo(AudioLevel.FLOOR_DBFS);
        assertThat(meter.level().isSilent()).isTrue();
    }

    @Test
    void peakHoldsForASecondThenFallsAtTwentyDecibelsPerSecond() {
        LevelMeter meter = new LevelMeter();
        short[] loud = Signals.sine(1000, 32767, 480, 12);
        short[] quiet = Signals.sine(1000, 328, 480, 12); // -40 dBFS peak
        meter.update(loud, 0, 480);
        for (int i = 0; i < 99; i++) { // 0.99 s later: still held
            meter.update(quiet, 0, 480);
        }
        assertThat(meter.level().peakDbfs()).isCloseTo(0.0, within(0.01));
        assertThat(meter.level().rmsDbfs()).isCloseTo(-43.0, within(0.1));
        for (int i = 0; i < 51; i++) { // 0.5 s of decay after the 1 s hold
            meter.update(quiet, 0, 480);
        }
        assertThat(meter.level().peakDbfs()).isCloseTo(-10.0, within(0.05));
        for (int i = 0; i < 300; i++) { // falls no lower than what is playing
            meter.update(quiet, 0, 480);
        }
        assertThat(meter.level().peakDbfs()).isCloseTo(-40.0, within(0.05));
    }

    @Test
    void measuresAFrameWhereverItStarts() {
        LevelMeter meter = new LevelMeter();
        short[] backing = new short[1000];
        System.arraycopy(Signals.sine(1000, 16384, 480, 12), 0, backing, 100, 480);
        backing[50] = 32767; // outside the frame: must not count
        meter.update(AudioFrame.wrap(backing, 100, 1, 480, 0));
        assertThat(meter.level().peakDbfs()).isCloseTo(-6.02, within(0.02));
    }
}
