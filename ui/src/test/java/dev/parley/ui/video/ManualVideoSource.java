package dev.parley.ui.video;

import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;

/** A source a test drives: {@link #push} hands a frame to the sink on the caller's thread, as a camera thread would. */
final class ManualVideoSource implements VideoSource {

    private volatile VideoSink sink;
    private volatile VideoSink lastAttached;

    @Override
    public void setSink(VideoSink next) {
        sink = next;
        if (next != null) {
            lastAttached = next;
        }
    }

    /** Delivers to the current sink, if any. */
    void push(VideoFrame frame) {
        VideoSink s = sink;
        if (s != null) {
            s.onVideoFrame(frame);
        }
    }

    VideoSink sink() {
        return sink;
    }

    /** The last sink ever attached, to play a frame that was on its way while the pane detached. */
    VideoSink lastAttached() {
        return lastAttached;
    }
}
