package dev.parley.capture.audio;

import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import java.util.List;
import javax.sound.sampled.AudioSystem;

/**
 * The child JVM of {@link NoSoundCardTest}: run with an ALSA configuration that defines no device, it reports, one
 * {@code key=value} per line, what Java Sound itself sees and what Parley's audio classes make of it.
 */
public final class NoSoundCardProbe {

    private NoSoundCardProbe() {
    }

    public static void main(String[] args) {
        System.out.println("javaSoundMixers=" + AudioSystem.getMixerInfo().length);
        try {
            AudioSystem.getTargetDataLine(SoundDevices.MONO).close();
            System.out.println("javaSoundCapture=line");
        } catch (IllegalArgumentException e) {
            System.out.println("javaSoundCapture=none");
        } catch (Exception e) {
            System.out.println("javaSoundCapture=" + e);
        }
        long start = System.nanoTime();
        List<DeviceInfo> microphones = SoundDevices.microphones().devices();
        List<DeviceInfo> speakers = SoundDevices.speakers().devices();
        System.out.println("listMillis=" + (System.nanoTime() - start) / 1_000_000);
        System.out.println("microphones=" + microphones.size());
        System.out.println("speakers=" + speakers.size());
        DeviceProblem mic = Microphone.open(DeviceInfo.of(DeviceKind.MICROPHONE, "javasound:default", "Default"))
                .problemOrNull();
        DeviceProblem speaker = Speaker.open(DeviceInfo.of(DeviceKind.SPEAKER, "javasound:default", "Default"),
                new AudioMixer()).problemOrNull();
        System.out.println("microphone=" + (mic == null ? "OPENED" : mic.kind()));
        System.out.println("speaker=" + (speaker == null ? "OPENED" : speaker.kind()));
        System.out.println("microphoneMessage=" + (mic == null ? "" : mic.message()));
    }
}
