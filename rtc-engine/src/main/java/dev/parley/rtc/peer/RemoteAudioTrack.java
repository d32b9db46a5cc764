package dev.parley.rtc.peer;

import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.pipeline.AudioReceiveStream;

/** The peer's audio, decoded: 48 kHz mono PCM16 in 20 ms frames, on the connection's playout clock. */
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

    @Override
    public void setSink(AudioSink sink) {
        stream.setSink(sink);
    }
}
