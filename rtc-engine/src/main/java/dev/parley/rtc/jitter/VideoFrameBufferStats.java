package dev.parley.rtc.jitter;

/**
 * A snapshot of a {@link VideoFrameBuffer}'s counters. Packet counters count {@code insert} calls by outcome; frame
 * counters count decisions taken by {@code poll} and {@code insert}. A dropped "frame" is a run of packets with one
 * RTP timestamp; a dropped region that is only a gap counts as one frame when given up and as none otherwise.
 *
 * @param packetsReceived every insert call
 * @param packetsPadding padding-only packets kept for continuity
 * @param packetsDuplicate sequence number already held
 * @param packetsLate arrived after their place was delivered or given up
 * @param packetsFarJump sequence jumps too far from the newest packet
 * @param packetsInvalid unusable payloads (bad offset/length, oversized)
 * @param packetsFlushed held packets thrown away undelivered, with the frames dropped (padding passed over between
 *     frames is not counted)
 * @param overflows times the oldest frames were dropped to make room
 * @param resyncs times the buffer restarted at a new sequence number
 * @param framesDelivered frames handed to the consumer
 * @param keyFramesDelivered of which keyframes
 * @param framesGivenUp incomplete frames (or gaps) that waited longer than the maximum wait
 * @param framesUndecodable complete delta frames whose reference was lost
 * @param framesMalformed frames the depacketizer rejected, or that ended without a marker bit
 * @param framesSkipped older undecided frames passed over when a later keyframe was delivered
 * @param framesFlushed frames dropped by overflow or resync
 * @param keyFrameRequests times a keyframe request was raised (see {@link VideoFrameBuffer#takeKeyFrameRequest})
 * @param bufferedPackets packets held now
 */
public record VideoFrameBufferStats(long packetsReceived, long packetsPadding, long packetsDuplicate,
                                    long packetsLate, long packetsFarJump, long packetsInvalid, long packetsFlushed,
                                    long overflows, long resyncs, long framesDelivered, long keyFramesDelivered,
                                    long framesGivenUp, long framesUndecodable, long framesMalformed,
                                    long framesSkipped, long framesFlushed, long keyFrameRequests,
                                    int bufferedPackets) {

    /** Every frame dropped for any reason. */
    public long framesDropped() {
        return framesGivenUp + framesUndecodable + framesMalformed + framesSkipped + framesFlushed;
    }
}
