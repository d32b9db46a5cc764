package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.EncodedVideoFrame;

/** Takes the access units of a {@link VideoTrackEncoder}; called on its encoder thread, so it must not block. */
@FunctionalInterface
public interface EncodedFrameConsumer {
    void onEncodedFrame(EncodedVideoFrame frame);
}
