package dev.parley.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.capture.audio.AudioLevel;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SyntheticMicrophoneTest {

    @Test
    void listsToneSpeechAndSilenceAsSyntheticMicrophones() {
        assertThat(SyntheticMicrophone.provider().devices())
                .extracting(DeviceInfo::id)
                .containsExactly("test-tone", "speech-sample", "silence");
        assertThat(SyntheticMicrophone.provider().devices()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DeviceKind.MICROPHONE);
            assertThat(d.synthetic()).isTrue();
        });
        assertThat(SyntheticMicrophone.TEST_TONE.name()).isEqualTo("Test tone");
    }

    /** Opens the device, runs it for about 0.5 s and returns it closed. */
    private static SyntheticMicrophone runFor500Ms(DeviceInfo device, AtomicLong frames) throws Exception {
        OpenResult<SyntheticMicrophone> result = SyntheticMicrophone.open(device);
        SyntheticMicrophone mic = result.deviceOrNull();
        assertThat(mic).as(String.valueOf(result.problemOrNull())).isNotNull();
        mic.setSink(f -> {
            assertThat(f.channels()).isEqualTo(1);
            assertThat(f.samplesPerChannel()).isEqualTo(480);
            frames.incrementAndGet();
        });
        long start = System.nanoTime();
        Thread.sleep(500);
        assertThat(System.nanoTime() - mic.lastActivityNanos()).isLessThan(100_000_000L);
        assertThat(System.nanoTime() - start).isGreaterThan(0);
        mic.close();
        assertThat(mic.failure()).isNull();
        assertThat(mic.device()).isEqualTo(device);
        return mic;
    }

    @Test
    void theToneIsAudibleAndComesAtRealTimeRate() throws Exception {
        AtomicLong frames = new AtomicLong();
        SyntheticMicrophone mic = runFor500Ms(SyntheticMicrophone.TEST_TONE, frames);
        assertThat(frames.get()).isBetween(40L, 56L);
        AudioLevel level = mic.level();
        assertThat(level.rmsDbfs()).isBetween(-30.0, -10.0);
        assertThat(level.peakDbfs()).isBetween(-12.0, -9.0); // 0.3 of full scale at the envelope's top
    }

    @Test
    void theSpeechSampleSpeaks() throws Exception {
        AtomicLong frames = new AtomicLong();
        SyntheticMicrophone mic = runFor500Ms(SyntheticMicrophone.SPEECH_SAMPLE, frames);
        assertThat(frames.get()).isBetween(40L, 56L);
        assertThat(mic.level().peakDbfs()).isGreaterThan(-30.0);
    }

    @Test
    void silenceIsSilent() throws Exception {
        AtomicLong frames = new AtomicLong();
        SyntheticMicrophone mic = runFor500Ms(SyntheticMicrophone.SILENCE, frames);
        assertThat(frames.get()).isBetween(40L, 56L);
        assertThat(mic.level()).isEqualTo(AudioLevel.SILENCE);
    }

    @Test
    void closeStopsFramesAndThreads() throws Exception {
        SyntheticMicrophone mic = SyntheticMicrophone.open(SyntheticMicrophone.TEST_TONE).deviceOrNull();
        Thread.sleep(50);
        mic.close();
        long frames = mic.framesProduced();
        Thread.sleep(50);
        assertThat(mic.framesProduced()).isEqualTo(frames);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("parley-tone"));
        mic.close();
    }

    @Test
    void aThrowingSinkIsCountedAndTheClockGoesOn() throws Exception {
        SyntheticMicrophone mic = SyntheticMicrophone.open(SyntheticMicrophone.SILENCE).deviceOrNull();
        long beforeSink;
        try {
            beforeSink = mic.framesProduced();
            mic.setSink(f -> {
                throw new IllegalStateException("sink bug");
            });
            Thread.sleep(100);
        } finally {
            mic.close();
        }
        assertThat(mic.sinkErrors()).isGreaterThan(3);
        // Every frame after the sink was set failed in it (the clock may have been mid-frame at setSink).
        assertThat(mic.sinkErrors()).isBetween(mic.framesProduced() - beforeSink - 1, mic.framesProduced());
    }

    @Test
    void unknownAndHardwareDevices() {
        OpenResult<SyntheticMicrophone> unknown =
                SyntheticMicrophone.open(DeviceInfo.synthetic(DeviceKind.MICROPHONE, "birdsong", "Birdsong"));
        assertThat(unknown.problemOrNull().kind()).isEqualTo(DeviceProblem.Kind.NO_MICROPHONE);
        assertThatThrownBy(() -> SyntheticMicrophone.open(DeviceInfo.of(DeviceKind.MICROPHONE, "x", "X")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticMicrophone.open(DeviceInfo.synthetic(DeviceKind.SPEAKER, "silence", "S")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
