package dev.parley.rtc.media;

/** Receives video frames pushed by a {@link VideoSource}. */
@FunctionalInterface
public interface VideoSink {

    /**
     * Called on the source's thread, once per frame, in capture order. The frame is lent for the duration of the
     * call only: the source may reuse its planes afterwards, so a sink that shows or queues it keeps
     * {@link VideoFrame#copy()} (or {@link VideoFrame#copyInto} a frame it owns). Return quickly.
     */
    void onVideoFrame(VideoFrame frame);
}
