package dev.parley.capture.local;

import dev.parley.capture.AudioCaptureDevice;
import dev.parley.capture.DeviceCatalog;
import dev.parley.capture.DeviceFailover;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceNotice;
import dev.parley.capture.DeviceProvider;
import dev.parley.capture.FailoverAudioSource;
import dev.parley.capture.FailoverVideoSource;
import dev.parley.capture.OpenResult;
import dev.parley.capture.RunningDevice;
import dev.parley.capture.audio.AudioLevel;
import dev.parley.capture.audio.AudioMixer;
import dev.parley.capture.audio.Microphone;
import dev.parley.capture.audio.SilentSpeaker;
import dev.parley.capture.audio.SoundDevices;
import dev.parley.capture.audio.Speaker;
import dev.parley.capture.camera.CameraCapture;
import dev.parley.capture.camera.CameraDevices;
import dev.parley.capture.camera.CameraFormat;
import dev.parley.capture.synthetic.SyntheticMicrophone;
import dev.parley.capture.synthetic.TestPatternDevice;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The camera, microphone and speaker of one person in a call, each kept working through unplugs and failures:
 * <ul>
 *   <li>{@link #camera()}: the video source to send; falls back to the "Test pattern" camera;</li>
 *   <li>{@link #microphone()}: the audio source to send (noise gate on); falls back to silence;</li>
 *   <li>{@link #mixer()}: where remote tracks go ({@code mixer().add(remoteAudioTrack::pull)}), played by the
 *       {@link #speaker()}, which falls back to a {@link SilentSpeaker} that keeps the playout clock running.</li>
 * </ul>
 * Every switch is reported through {@link #onNotice}. Devices open when {@link #select} is first called.
 */
public final class LocalMedia implements AutoCloseable {

    private final DeviceCatalog catalog;
    private final boolean ownsCatalog;
    private final AudioMixer mixer = new AudioMixer();
    private final FailoverVideoSource camera;
    private final FailoverAudioSource microphone;
    private final DeviceFailover<RunningDevice> speaker;

    /**
     * Uses {@code catalog}'s devices (it must list cameras, microphones and speakers; the caller polls and closes
     * it). The openers are the real ones: sarxos cameras and the test pattern, Java Sound lines, synthetic
     * microphones.
     */
    public LocalMedia(DeviceCatalog catalog, CameraFormat format) {
        this(catalog, format, false);
    }

    private LocalMedia(DeviceCatalog catalog, CameraFormat format, boolean ownsCatalog) {
        this.catalog = catalog;
        this.ownsCatalog = ownsCatalog;
        this.camera = new FailoverVideoSource(catalog, device -> CameraCapture.open(device, format),
                TestPatternDevice.INFO);
        this.microphone = new FailoverAudioSource(catalog, LocalMedia::openMicrophone, SyntheticMicrophone.SILENCE);
        this.speaker = new DeviceFailover<>(DeviceKind.SPEAKER, catalog, this::openSpeaker, SilentSpeaker.DEVICE,
                s -> { });
    }

    /**
     * This machine's devices, polled every {@link DeviceCatalog#DEFAULT_INTERVAL_MILLIS} ms for hot-plug: cameras
     * (and the test pattern), Java Sound microphones (and the synthetic ones), Java Sound speakers.
     */
    public static LocalMedia system(CameraFormat format) {
        DeviceCatalog catalog = new DeviceCatalog(systemProviders());
        catalog.pollNow();
        catalog.start(DeviceCatalog.DEFAULT_INTERVAL_MILLIS);
        return new LocalMedia(catalog, format, true);
    }

    /** The providers {@link #system} polls. */
    public static Map<DeviceKind, DeviceProvider> systemProviders() {
        Map<DeviceKind, DeviceProvider> providers = new EnumMap<>(DeviceKind.class);
        providers.put(DeviceKind.CAMERA, CameraDevices.withTestPattern());
        DeviceProvider hardwareMics = SoundDevices.microphones();
        DeviceProvider syntheticMics = SyntheticMicrophone.provider();
        providers.put(DeviceKind.MICROPHONE, () -> {
            List<DeviceInfo> all = new ArrayList<>(hardwareMics.devices());
            all.addAll(syntheticMics.devices());
            return all;
        });
        providers.put(DeviceKind.SPEAKER, SoundDevices.speakers());
        return providers;
    }

    private static OpenResult<? extends AudioCaptureDevice> openMicrophone(DeviceInfo device) {
        return device.synthetic() ? SyntheticMicrophone.open(device) : Microphone.open(device);
    }

    private OpenResult<? extends RunningDevice> openSpeaker(DeviceInfo device) {
        if (device.synthetic()) {
            return OpenResult.opened(new SilentSpeaker(mixer));
        }
        return Speaker.open(device, mixer);
    }

    /**
     * Opens the chosen devices ({@code null}: the first each kind lists, else its fallback); completes when all
     * three are settled, with what each ended up using.
     */
    public CompletableFuture<List<DeviceNotice>> select(DeviceInfo cameraChoice, DeviceInfo microphoneChoice,
                                                        DeviceInfo speakerChoice) {
        CompletableFuture<DeviceNotice> c = camera.failover().select(cameraChoice);
        CompletableFuture<DeviceNotice> m = microphone.failover().select(microphoneChoice);
        CompletableFuture<DeviceNotice> s = speaker.select(speakerChoice);
        return CompletableFuture.allOf(c, m, s).thenApply(v -> List.of(c.join(), m.join(), s.join()));
    }

    /** Where every device switch is reported (a banner in the UI, a line on the console). */
    public void onNotice(Consumer<DeviceNotice> listener) {
        camera.failover().onNotice(listener);
        microphone.failover().onNotice(listener);
        speaker.onNotice(listener);
    }

    /** The level of the microphone in use (for the lobby's meter and the active-speaker highlight). */
    public AudioLevel microphoneLevel() {
        AudioCaptureDevice current = microphone.failover().current();
        if (current instanceof Microphone mic) {
            return mic.level();
        }
        if (current instanceof SyntheticMicrophone mic) {
            return mic.level();
        }
        return AudioLevel.SILENCE;
    }

    public DeviceCatalog catalog() {
        return catalog;
    }

    public FailoverVideoSource camera() {
        return camera;
    }

    public FailoverAudioSource microphone() {
        return microphone;
    }

    public AudioMixer mixer() {
        return mixer;
    }

    public DeviceFailover<RunningDevice> speaker() {
        return speaker;
    }

    @Override
    public void close() {
        camera.close();
        microphone.close();
        speaker.close();
        if (ownsCatalog) {
            catalog.close();
        }
    }
}
