package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs with ALSA's null device (surefire sets ALSA_CONFIG_PATH): one microphone and one speaker exist. */
class SoundDevicesTest {

    @Test
    void listsTheNullDeviceAsMicrophoneAndSpeaker() {
        long start = System.nanoTime();
        List<DeviceInfo> microphones = SoundDevices.microphones().devices();
        List<DeviceInfo> speakers = SoundDevices.speakers().devices();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2 * SoundDevices.LIST_TIMEOUT_MS);

        assertThat(microphones).isNotEmpty().allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DeviceKind.MICROPHONE);
            assertThat(d.synthetic()).isFalse();
            assertThat(d.name()).isNotBlank();
            assertThat(d.id()).startsWith("javasound:");
        });
        assertThat(speakers).isNotEmpty().allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DeviceKind.SPEAKER);
            assertThat(d.synthetic()).isFalse();
        });
        assertThat(microphones).extracting(DeviceInfo::name).anyMatch(n -> n.contains("nullpcm"));
        assertThat(speakers).extracting(DeviceInfo::name).anyMatch(n -> n.contains("nullpcm"));
    }

    @Test
    void idsAreStableBetweenListings() {
        assertThat(SoundDevices.microphones().devices()).isEqualTo(SoundDevices.microphones().devices());
        assertThat(SoundDevices.speakers().devices()).isEqualTo(SoundDevices.speakers().devices());
    }

    @Test
    void findsTheMixerOfAListedDeviceAndNothingForAnUnknownOne() {
        DeviceInfo microphone = SoundDevices.microphones().devices().get(0);
        assertThat(SoundDevices.mixerOf(microphone)).isNotNull();
        assertThat(SoundDevices.mixerOf(DeviceInfo.of(DeviceKind.MICROPHONE, "javasound:gone", "Gone"))).isNull();
        // The same mixer listed as a speaker does not make it a camera.
        DeviceInfo speaker = SoundDevices.speakers().devices().get(0);
        assertThat(SoundDevices.mixerOf(DeviceInfo.of(DeviceKind.CAMERA, speaker.id(), speaker.name()))).isNull();
    }
}
