package dev.parley.rtc.jitter;

import dev.parley.rtc.codec.h264.H264Depacketizer;

/**
 * Limits of a {@link VideoFrameBuffer}.
 *
 * @param capacityPackets the most packets held at once, and the widest span of sequence numbers held (from the oldest
 *     undecided one to the newest); in [16, 16384] so the span stays far below half the 16-bit sequence space
 * @param maxFrameBytes the largest frame (sum of its NAL units) that is assembled; larger ones are dropped as malformed
 * @param maxWaitNanos how long an incomplete frame, or a gap before it, may wait for retransmissions before it is
 *     given up (the starting value; {@link VideoFrameBuffer#setMaxWaitNanos} adapts it)
 */
public record VideoFrameBufferConfig(int capacityPackets, int maxFrameBytes, long maxWaitNanos) {

    public static final int MIN_CAPACITY = 16;
    public static final int MAX_CAPACITY = 16384;

    public VideoFrameBufferConfig {
        if (capacityPackets < MIN_CAPACITY || capacityPackets > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacityPackets must be in [" + MIN_CAPACITY + ", " + MAX_CAPACITY
                    + "], was " + capacityPackets);
        }
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, was " + maxFrameBytes);
        }
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must not be negative, was " + maxWaitNanos);
        }
    }

    /** 2048 packets, frames up to 4 MiB, 200 ms of waiting for retransmissions. */
    public static VideoFrameBufferConfig defaults() {
        return new VideoFrameBufferConfig(2048, H264Depacketizer.DEFAULT_MAX_FRAME_BYTES, 200_000_000L);
    }
}
