package dev.parley.rtc.codec;

import dev.parley.rtc.media.VideoFrame;

/**
 * Turns raw frames into a compressed stream for one outgoing video track. Called from that track's encoder thread
 * only, except {@link #setRates} and {@link #requestKeyFrame}, which congestion control and RTCP feedback call from
 * other threads.
 */
public interface VideoEncoder extends AutoCloseable {

    /** Encodes one frame; the frame is lent for the duration of the call. */
    EncodedVideoFrame encode(VideoFrame frame);

    /** The target the rate control aims at from the next frame on (bits per second, frames per second). */
    void setRates(int bitsPerSecond, double framesPerSecond);

    /** The next encoded frame is a keyframe (PLI/FIR, a new receiver). */
    void requestKeyFrame();

    @Override
    void close();
}
