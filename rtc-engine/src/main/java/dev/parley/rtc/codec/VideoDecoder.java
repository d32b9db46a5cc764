package dev.parley.rtc.codec;

import java.util.List;

/**
 * Turns the access units of one incoming video track back into frames. Called from that track's decoder thread only.
 * A missing or corrupt access unit never throws and never wedges the decoder: the result says so, the receiver asks
 * for a keyframe, and decoding resumes at the next IDR.
 */
public interface VideoDecoder extends AutoCloseable {

    /**
     * Decodes one access unit given as its NAL units (no start codes). The arrays are not modified.
     *
     * @param timestampNanos carried through to the decoded frame
     */
    VideoDecodeResult decode(List<byte[]> nalUnits, long timestampNanos);

    @Override
    void close();
}
