package dev.parley.capture.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceNotice;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.audio.AudioLevel;
import dev.parley.capture.audio.Speaker;
import dev.parley.capture.camera.CameraFormat;
import dev.parley.capture.synthetic.SyntheticMicrophone;
import dev.parley.capture.synthetic.TestPatternDevice;
import dev.parley.capture.synthetic.TestPatternStamp;
import dev.parley.rtc.media.AudioFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * This machine as CI has it: no camera, ALSA's null device for sound (surefire sets ALSA_CONFIG_PATH). The person's
 * devices come up anyway: the test pattern stands in for the camera (and the notice says why), the null device's
 * microphone delivers and its speaker plays the mix of the remote tracks.
 */
class LocalMediaTest {

    @Test
    void aCallsDevicesComeUpOnAMachineWithoutACameraAndCloseCleanly() throws Exception {
        List<TestPatternStamp> stamps = new CopyOnWriteArrayList<>();
        AtomicInteger micFrames = new AtomicInteger();
        AtomicInteger remotePulls = new AtomicInteger();
        List<DeviceNotice> notices = new CopyOnWriteArrayList<>();
        try (LocalMedia media = LocalMedia.system(CameraFormat.DEFAULT)) {
            media.onNotice(notices::add);
            media.camera().setSink(frame -> {
                assertThat(frame.width()).isEqualTo(640);
                TestPatternStamp stamp = TestPatternStamp.read(frame);
                if (stamp != null) {
                    stamps.add(stamp);
                }
            });
            media.microphone().setSink(frame -> {
                if (frame.samplesPerChannel() == AudioFrame.SAMPLES_PER_10_MS) {
                    micFrames.incrementAndGet();
                }
            });
            media.mixer().add(now -> {
                remotePulls.incrementAndGet();
                return AudioFrame.silence(1, AudioFrame.SAMPLES_PER_20_MS, now);
            });

            List<DeviceNotice> settled = media.select(null, null, null).get(15, TimeUnit.SECONDS);
            assertThat(settled).extracting(DeviceNotice::kind)
                    .containsExactly(DeviceKind.CAMERA, DeviceKind.MICROPHONE, DeviceKind.SPEAKER);
            DeviceNotice camera = settled.get(0);
            assertThat(camera.to()).isEqualTo(TestPatternDevice.INFO);
            assertThat(camera.problem().kind()).isEqualTo(DeviceProblem.Kind.NO_CAMERA);
            assertThat(settled.get(1).to().synthetic()).as("the null device's microphone").isFalse();
            assertThat(settled.get(2).to().synthetic()).isFalse();
            assertThat(media.speaker().current()).isInstanceOf(Speaker.class);
            assertThat(notices).hasSize(3);
            assertThat(media.catalog().devices(DeviceKind.MICROPHONE))
                    .as("hardware first, then the synthetic stand-ins")
                    .endsWith(SyntheticMicrophone.TEST_TONE, SyntheticMicrophone.SPEECH_SAMPLE,
                            SyntheticMicrophone.SILENCE);

            Thread.sleep(1000);
            assertThat(stamps.size()).as("~30 test-pattern frames a second").isBetween(20, 40);
            assertThat(stamps.get(stamps.size() - 1).framesSince(stamps.get(0))).isEqualTo(stamps.size() - 1);
            assertThat(micFrames.get()).as("~100 microphone frames a second").isBetween(70, 130);
            assertThat(remotePulls.get()).as("the speaker pulls the remote tracks every 20 ms").isBetween(35, 65);
            assertThat(media.microphoneLevel()).isEqualTo(AudioLevel.SILENCE);

            media.microphone().failover().select(SyntheticMicrophone.TEST_TONE).get(5, TimeUnit.SECONDS);
            Thread.sleep(300);
            assertThat(media.microphoneLevel().rmsDbfs()).as("the tone is loud").isGreaterThan(-30);
        }
        Thread.sleep(200);
        // (The JVM-wide camera driver's listing thread, "parley-camera-native-discovery", ends after 5 s idle.)
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("parley-camera-capture") || n.startsWith("parley-microphone")
                        || n.startsWith("parley-speaker") || n.startsWith("parley-device-catalog")
                        || n.endsWith("-failover") || n.equals("parley-tone"));
    }
}
