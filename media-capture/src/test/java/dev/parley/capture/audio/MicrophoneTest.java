package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.capture.synthetic.SyntheticMicrophone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With ALSA's null device, whose capture line returns zeros as fast as it is read: the microphone must still deliver
 * about 100 frames per second, and they are silent.
 */
class MicrophoneTest {

    private Microphone microphone;

    @AfterEach
    void closeIt() {
        if (microphone != null) {
            microphone.close();
        }
    }

    private Microphone openFirst() {
        DeviceInfo device = SoundDevices.microphones().devices().get(0);
        OpenResult<Microphone> result = Microphone.open(device);
        assertThat(result.problemOrNull()).isNull();
        microphone = result.deviceOrNull();
        assertThat(microphone.device()).isEqualTo(device);
        return microphone;
    }

    @Test
    void delivers10MsFramesAtRealTimeRateAndMetersSilence() throws Exception {
        List<Long> timestamps = Collections.synchronizedList(new ArrayList<>());
        List<String> shapes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong nonZero = new AtomicLong();
        long opened = System.nanoTime();
        Microphone mic = openFirst();
        mic.setSink(frame -> {
            timestamps.add(frame.timestampNanos());
            shapes.add(frame.channels() + "x" + frame.samplesPerChannel());
            for (int i = 0; i < frame.sampleCount(); i++) {
                if (frame.samples()[frame.offset() + i] != 0) {
                    nonZero.incrementAndGet();
                }
            }
        });
        Thread.sleep(1_000);
        long framesInASecond = timestamps.size();
        // ~100 per second (plus the 50 ms a real line may run ahead); an unpaced null line would give thousands.
        assertThat(framesInASecond).isBetween(80L, 115L);
        assertThat(shapes).containsOnly("1x480");
        assertThat(nonZero.get()).isZero();
        synchronized (timestamps) {
            for (int i = 1; i < timestamps.size(); i++) {
                assertThat(timestamps.get(i)).isGreaterThanOrEqualTo(timestamps.get(i - 1));
            }
            assertThat(timestamps.get(0)).isGreaterThanOrEqualTo(opened);
        }
        assertThat(mic.level()).isEqualTo(AudioLevel.SILENCE);
        assertThat(mic.failure()).isNull();
        assertThat(System.nanoTime() - mic.lastActivityNanos()).isLessThan(200_000_000L);
        assertThat(mic.framesCaptured()).isGreaterThanOrEqualTo(framesInASecond);
        assertThat(mic.noiseGate().isEnabled()).isTrue();
    }

    @Test
    void closeEndsTheCaptureThreadAndTheFrames() throws Exception {
        Microphone mic = openFirst();
        AtomicLong frames = new AtomicLong();
        mic.setSink(frame -> frames.incrementAndGet());
        Thread.sleep(200);
        assertThat(threadsNamed("parley-microphone")).isEqualTo(1);
        long start = System.nanoTime();
        mic.close();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_100);
        assertThat(threadsNamed("parley-microphone")).isZero();
        long after = frames.get();
        Thread.sleep(100);
        assertThat(frames.get()).isEqualTo(after);
        assertThat(mic.failure()).isNull();
        mic.close(); // twice is harmless
    }

    @Test
    void aThrowingSinkDoesNotStopTheMicrophone() throws Exception {
        Microphone mic = openFirst();
        mic.setSink(frame -> {
            throw new IllegalStateException("sink bug");
        });
        Thread.sleep(200);
        long errors = mic.sinkErrors();
        assertThat(errors).isGreaterThan(5);
        Thread.sleep(100);
        assertThat(mic.sinkErrors()).isGreaterThan(errors);
        assertThat(mic.failure()).isNull();
    }

    @Test
    void aMicrophoneThatIsNotThereIsNoMicrophone() {
        OpenResult<Microphone> result = Microphone.open(DeviceInfo.of(DeviceKind.MICROPHONE, "javasound:gone", "Gone"));
        assertThat(result.problemOrNull().kind()).isEqualTo(DeviceProblem.Kind.NO_MICROPHONE);
    }

    @Test
    void onlyHardwareMicrophonesOpen() {
        assertThatThrownBy(() -> Microphone.open(SyntheticMicrophone.TEST_TONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Microphone.open(SoundDevices.speakers().devices().get(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }
}
