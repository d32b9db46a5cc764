package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.rtc.media.AudioFrame;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With ALSA's null device, whose playback line takes audio as fast as it is written. */
class SpeakerTest {

    private Speaker speaker;

    @AfterEach
    void closeIt() {
        if (speaker != null) {
            speaker.close();
        }
    }

    @Test
    void playsInRealTime() throws Exception {
        short[] tone = new short[AudioFrame.SAMPLES_PER_20_MS];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 500 * i / 48_000.0));
        }
        AtomicInteger pulls = new AtomicInteger();
        CountDownLatch seventyFive = new CountDownLatch(75);
        long[] firstAndLast = new long[2];
        AudioMixer mixer = new AudioMixer();
        mixer.add(now -> {
            if (pulls.incrementAndGet() == 1) {
                firstAndLast[0] = System.nanoTime();
            }
            if (pulls.get() == 76) {
                firstAndLast[1] = System.nanoTime();
            }
            seventyFive.countDown();
            return AudioFrame.wrap(tone, 1, now);
        });
        DeviceInfo device = SoundDevices.speakers().devices().get(0);
        OpenResult<Speaker> result = Speaker.open(device, mixer);
        assertThat(result.problemOrNull()).isNull();
        speaker = result.deviceOrNull();
        assertThat(speaker.device()).isEqualTo(device);
        assertThat(speaker.mixer()).isSameAs(mixer);
        assertThat(speaker.channels()).isIn(1, 2);

        assertThat(seventyFive.await(3, TimeUnit.SECONDS)).isTrue();
        while (pulls.get() < 76) {
            Thread.sleep(5);
        }
        // 75 blocks of 20 ms are 1.5 s of sound; the first ones may go into the line's 50 ms buffer at once.
        double seconds = (firstAndLast[1] - firstAndLast[0]) / 1e9;
        assertThat(seconds).isBetween(1.35, 1.65);
        assertThat(speaker.framesPlayed()).isBetween(75L, 80L);
        assertThat(speaker.underruns()).isLessThanOrEqualTo(2);
        assertThat(speaker.failure()).isNull();
        assertThat(System.nanoTime() - speaker.lastActivityNanos()).isLessThan(200_000_000L);
        assertThat(mixer.rejectedFrames()).isZero();
    }

    @Test
    void closeEndsThePlayoutThreadWithinASecond() throws Exception {
        AudioMixer mixer = new AudioMixer();
        AtomicInteger pulls = new AtomicInteger();
        mixer.add(now -> {
            pulls.incrementAndGet();
            return null;
        });
        speaker = Speaker.open(SoundDevices.speakers().devices().get(0), mixer).deviceOrNull();
        Thread.sleep(200);
        assertThat(MicrophoneTest.threadsNamed("parley-speaker")).isEqualTo(1);
        long start = System.nanoTime();
        speaker.close();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_100);
        assertThat(MicrophoneTest.threadsNamed("parley-speaker")).isZero();
        int after = pulls.get();
        Thread.sleep(100);
        assertThat(pulls.get()).isEqualTo(after);
        assertThat(speaker.failure()).isNull();
        assertThat(mixer.rejectedFrames()).isEqualTo(after); // null frames were silence, and counted
    }

    @Test
    void aSpeakerThatIsNotThereIsNoSpeaker() {
        OpenResult<Speaker> result =
                Speaker.open(DeviceInfo.of(DeviceKind.SPEAKER, "javasound:gone", "Gone"), new AudioMixer());
        assertThat(result.problemOrNull().kind()).isEqualTo(DeviceProblem.Kind.NO_SPEAKER);
    }

    @Test
    void onlyHardwareSpeakersOpen() {
        assertThatThrownBy(() -> Speaker.open(SoundDevices.microphones().devices().get(0), new AudioMixer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Speaker.open(SoundDevices.speakers().devices().get(0), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
