package dev.parley.app.call;

import dev.parley.app.devices.AudioFanOut;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.RtpSender;
import dev.parley.rtc.pipeline.VideoTrackEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a person sends in a mesh call, attached to every connection: the camera encoded once for everybody (one shared
 * {@link VideoTrackEncoder}: never one encoder per peer), the microphone fanned out to each connection's own Opus
 * encoder. Mute and camera-off apply to every connection, present and future.
 */
public final class LocalTracks implements AutoCloseable {

    private final VideoTrackEncoder encoder;
    private final AudioFanOut microphone;
    private final AudioSource microphoneSource;
    private final VideoSource cameraSource;
    private final List<RtpSender> senders = new CopyOnWriteArrayList<>();
    private volatile boolean microphoneMuted;
    private volatile boolean cameraEnabled = true;

    /**
     * @param camera the frames to send, or {@code null} for none (audio-only)
     * @param microphone the audio to send, or {@code null} for none
     */
    public LocalTracks(VideoSource camera, AudioSource microphone, int videoBitrate) {
        this.cameraSource = camera;
        this.microphoneSource = microphone;
        this.encoder = camera == null ? null : new VideoTrackEncoder(videoBitrate, 30);
        this.microphone = microphone == null ? null : new AudioFanOut();
        if (camera != null) {
            camera.setSink(encoder);
        }
        if (microphone != null) {
            microphone.setSink(this.microphone);
        }
    }

    /** What one connection was given, to take back when it closes. */
    public record Attachment(List<RtpSender> senders, AudioSource microphoneBranch) {
    }

    /** Adds the tracks to a new connection (before its offer or answer). */
    public Attachment attach(PeerConnection pc) {
        List<RtpSender> added = new ArrayList<>();
        AudioSource branch = null;
        if (microphone != null) {
            branch = microphone.branch();
            RtpSender audio = pc.addTrack(branch);
            audio.setEnabled(!microphoneMuted);
            added.add(audio);
        }
        if (encoder != null) {
            added.add(pc.addTrack(encoder));
        }
        senders.addAll(added);
        return new Attachment(List.copyOf(added), branch);
    }

    /** Forgets a closed connection's senders and stops feeding its microphone branch. */
    public void detach(Attachment attachment) {
        senders.removeAll(attachment.senders());
        if (attachment.microphoneBranch() != null) {
            microphone.remove(attachment.microphoneBranch());
        }
    }

    public void setMicrophoneMuted(boolean muted) {
        microphoneMuted = muted;
        senders.stream().filter(s -> "audio".equals(s.kind())).forEach(s -> s.setEnabled(!muted));
    }

    public void setCameraEnabled(boolean enabled) {
        cameraEnabled = enabled;
        if (encoder != null) {
            encoder.setEnabled(enabled);
        }
    }

    public boolean microphoneMuted() {
        return microphoneMuted;
    }

    public boolean cameraEnabled() {
        return cameraEnabled;
    }

    /** The shared encoder (stats, tests), or {@code null} without a camera. */
    public VideoTrackEncoder encoder() {
        return encoder;
    }

    @Override
    public void close() {
        if (cameraSource != null) {
            cameraSource.setSink(null);
        }
        if (microphoneSource != null) {
            microphoneSource.setSink(null);
        }
        if (encoder != null) {
            encoder.close();
        }
    }
}
