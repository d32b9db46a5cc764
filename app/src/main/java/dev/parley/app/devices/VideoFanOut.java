package dev.parley.app.devices;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One camera, several consumers (the lobby's preview, the call's self-view, the engine's track): a source has one
 * sink, so this is that sink and hands each frame, on the camera's thread, to every branch's sink in turn.
 */
public final class VideoFanOut implements VideoSink {

    private final CopyOnWriteArrayList<Branch> branches = new CopyOnWriteArrayList<>();

    /** A source of its own fed with the same frames; its sink may be set and cleared independently. */
    public VideoSource branch() {
        Branch b = new Branch();
        branches.add(b);
        return b;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        for (Branch b : branches) {
            VideoSink s = b.sink;
            if (s != null) {
                try {
                    s.onVideoFrame(frame);
                } catch (RuntimeException e) {
                    // One consumer's bug must not starve the others (nor stop the camera's thread).
                }
            }
        }
    }

    private static final class Branch implements VideoSource {
        private volatile VideoSink sink;

        @Override
        public void setSink(VideoSink next) {
            sink = next;
        }
    }
}
