package dev.parley.rtc.peer;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.pipeline.AudioReceiveStream;

/**
 * The peer's audio, decoded: 48 kHz mono PCM16 in 20 ms frames, pushed to a sink by the connection's playout timer,
 * or pulled by the speaker's own clock.
 */
public final class RemoteAudioTrack extends StreamTrack implements RemoteTrack, AudioSource {

    private final AudioReceiveStream stream;

    RemoteAudioTrack(AudioReceiveStream stream) {
        super(stream);
        this.stream = stream;
    }

    @Override
    public String kind() {
        return "audio";
    }

    /** Frames pushed by the connection's own 20 ms playout timer (unless {@link #pull} is used). */
    @Override
    public void setSink(AudioSink sink) {
        stream.setSink(sink);
    }

    /**
     * Lets the speaker be the playout clock: the next 20 ms frame, for the thread that writes the speaker line to call
     * once per 20 ms of audio it plays. The connection's timer stops pushing this track from the first call on.
     * The frame is lent until the next call; it is silence until the first packet arrives.
     */
    public AudioFrame pull(long nowNanos) {
        return stream.pull(nowNanos);
    }
}
