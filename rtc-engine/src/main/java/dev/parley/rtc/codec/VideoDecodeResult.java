package dev.parley.rtc.codec;

import dev.parley.rtc.media.VideoFrame;

/** What {@link VideoDecoder#decode} made of one access unit. */
public sealed interface VideoDecodeResult {

    /** A whole picture. The frame is the decoder's own and stays valid until the next decode call. */
    record Decoded(VideoFrame frame) implements VideoDecodeResult {
    }

    /** The access unit could not be decoded; nothing was shown. {@code needsKeyFrame}: ask the sender for one. */
    record Failed(String reason, boolean needsKeyFrame) implements VideoDecodeResult {
    }

    /** Parameter sets only, or a delta frame before the first keyframe: nothing to show yet, not an error. */
    record Pending(String reason) implements VideoDecodeResult {
    }
}
