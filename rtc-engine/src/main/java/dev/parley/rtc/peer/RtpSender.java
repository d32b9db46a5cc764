package dev.parley.rtc.peer;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.pipeline.AudioSendStream;
import dev.parley.rtc.pipeline.VideoTrackEncoder;
import dev.parley.rtc.sdp.LocalTrack;

/**
 * A track this connection sends (W3C RTCRtpSender): where its frames come from, and whether they are sent as they
 * are or muted. The source can be replaced while connected without renegotiation (W3C replaceTrack); muted audio is
 * silence (nearly free with Opus DTX), muted video is black.
 */
public final class RtpSender {

    private final LocalTrack track;
    private final VideoTrackEncoder encoder;
    private final boolean ownsEncoder;
    private final AudioSink forward = this::forward;
    private volatile AudioSource audioSource;
    private volatile VideoSource videoSource;
    private volatile AudioSendStream audioStream;
    private volatile boolean enabled = true;

    private RtpSender(LocalTrack track, VideoTrackEncoder encoder, boolean ownsEncoder) {
        this.track = track;
        this.encoder = encoder;
        this.ownsEncoder = ownsEncoder;
    }

    static RtpSender audio(LocalTrack track, AudioSource source) {
        RtpSender s = new RtpSender(track, null, false);
        s.replaceSource(source);
        return s;
    }

    static RtpSender video(LocalTrack track, VideoTrackEncoder encoder, boolean ownsEncoder, VideoSource source) {
        RtpSender s = new RtpSender(track, encoder, ownsEncoder);
        if (source != null) {
            s.replaceSource(source);
        }
        return s;
    }

    /** "audio" or "video". */
    public String kind() {
        return track.kind();
    }

    /** The track's SDP identity (msid, SSRCs). */
    public LocalTrack track() {
        return track;
    }

    /** Sends this source's frames from now on; the previous source is detached. Audio senders only. */
    public void replaceSource(AudioSource source) {
        if (encoder != null) {
            throw new IllegalArgumentException("This sender sends video.");
        }
        AudioSource old = audioSource;
        if (old != null) {
            old.setSink(null);
        }
        audioSource = source;
        if (source != null) {
            source.setSink(forward);
        }
    }

    /** Sends this source's frames from now on; the previous source is detached. Video senders only. */
    public void replaceSource(VideoSource source) {
        if (encoder == null) {
            throw new IllegalArgumentException("This sender sends audio.");
        }
        VideoSource old = videoSource;
        if (old != null) {
            old.setSink(null);
        }
        videoSource = source;
        if (source != null) {
            source.setSink(encoder);
        }
    }

    /** Unmuted (true) sends the source; muted (false) sends silence or black, and the stream stays up. */
    public void setEnabled(boolean on) {
        enabled = on;
        if (encoder != null) {
            encoder.setEnabled(on);
        }
        AudioSendStream s = audioStream;
        if (s != null) {
            s.setEnabled(on);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The encoder of a video sender (shared with other connections when given to addTrack), else null. */
    public VideoTrackEncoder encoder() {
        return encoder;
    }

    void attach(AudioSendStream stream) {
        if (stream != null) {
            stream.setEnabled(enabled);
        }
        audioStream = stream;
    }

    private void forward(AudioFrame frame) {
        AudioSendStream s = audioStream;
        if (s != null) {
            s.onAudioFrame(frame);
        }
    }

    void close() {
        AudioSource a = audioSource;
        if (a != null) {
            a.setSink(null);
        }
        VideoSource v = videoSource;
        if (v != null) {
            v.setSink(null);
        }
        audioStream = null;
        if (ownsEncoder) {
            encoder.close();
        }
    }
}
