package dev.parley.capture;

import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;

/**
 * The microphone a call sends: one {@link AudioSource} fed by whichever microphone works now (see
 * {@link DeviceFailover}), so a headset unplugged mid-call hands over to the laptop's microphone (or to the
 * fallback) without the engine's track noticing. Frames from a microphone no longer current are dropped.
 */
public final class FailoverAudioSource implements AudioSource, AutoCloseable {

    private final DeviceFailover<AudioCaptureDevice> failover;
    private volatile AudioSink sink;

    public FailoverAudioSource(DeviceCatalog catalog, DeviceOpener<? extends AudioCaptureDevice> opener,
                               DeviceInfo fallback) {
        this.failover = new DeviceFailover<>(DeviceKind.MICROPHONE, catalog, opener, fallback, this::attach);
    }

    private void attach(AudioCaptureDevice device) {
        device.setSink(frame -> {
            AudioSink s = sink;
            if (s != null && failover.current() == device) {
                s.onAudioFrame(frame);
            }
        });
    }

    @Override
    public void setSink(AudioSink next) {
        sink = next;
    }

    /** Chooses the microphone ({@link DeviceFailover#select}), reports switches, tells which one is in use. */
    public DeviceFailover<AudioCaptureDevice> failover() {
        return failover;
    }

    @Override
    public void close() {
        failover.close();
    }
}
