package dev.parley.rtc.peer;

import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.pipeline.VideoReceiveStream;

/** The peer's video, decoded to I420 on the track's decoder thread; only whole pictures are ever delivered. */
public final class RemoteVideoTrack extends StreamTrack implements RemoteTrack, VideoSource {

    private final VideoReceiveStream stream;

    RemoteVideoTrack(VideoReceiveStream stream) {
        super(stream);
        this.stream = stream;
    }

    @Override
    public String kind() {
        return "video";
    }

    @Override
    public void setSink(VideoSink sink) {
        stream.setSink(sink);
    }
}
