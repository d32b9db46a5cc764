package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.DeviceKind;
import dev.parley.rtc.media.AudioFrame;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SilentSpeakerTest {

    @Test
    void pullsTheMixerInRealTimeWithNoDeviceAndStopsWhenClosed() throws Exception {
        AtomicInteger pulls = new AtomicInteger();
        AudioMixer mixer = new AudioMixer();
        mixer.add(now -> {
            pulls.incrementAndGet();
            return AudioFrame.silence(1, AudioFrame.SAMPLES_PER_20_MS, now);
        });
        SilentSpeaker speaker = new SilentSpeaker(mixer);
        long start = System.nanoTime();
        Thread.sleep(1000);
        int inOneSecond = pulls.get();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        speaker.close();
        int atClose = pulls.get();
        Thread.sleep(100);

        // 50 blocks of 20 ms per second of wall clock: the jitter buffers drain as if someone listened.
        assertThat(inOneSecond).isBetween((int) (elapsedMillis / 20) - 8, (int) (elapsedMillis / 20) + 3);
        assertThat(speaker.framesPlayed()).isGreaterThanOrEqualTo(inOneSecond);
        assertThat(pulls.get()).as("nothing after close").isEqualTo(atClose);
        assertThat(speaker.failure()).isNull();
        assertThat(speaker.device().kind()).isEqualTo(DeviceKind.SPEAKER);
        assertThat(speaker.device().synthetic()).isTrue();
    }
}
