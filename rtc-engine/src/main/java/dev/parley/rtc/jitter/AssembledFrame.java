package dev.parley.rtc.jitter;

import dev.parley.rtc.codec.h264.AnnexB;
import java.util.List;

/**
 * One whole, decodable H.264 access unit from a {@link VideoFrameBuffer}, in decode order. Immutable by contract:
 * neither the list nor its arrays are touched by the buffer after delivery, and the receiver must not change them.
 *
 * @param nalUnits the frame's NAL units without start codes, in decoding order
 * @param keyFrame whether the frame holds an IDR picture (it resets the dependency chain)
 * @param rtpTimestamp the RTP timestamp (90 kHz) unwrapped to 64 bits, increasing across the 32-bit wrap
 * @param firstSequence the RTP sequence number of the frame's first packet (0..65535)
 * @param lastSequence the RTP sequence number of its marker packet (0..65535)
 * @param firstArrivalNanos when the earliest of its packets arrived
 * @param lastArrivalNanos when the latest of its packets arrived (a retransmission, if one completed the frame)
 * @param sizeBytes the sum of the NAL units' lengths
 * @param outOfOrderPackets how many of its packets arrived after a later-numbered packet had: reordered or
 *     retransmitted ones
 */
public record AssembledFrame(List<byte[]> nalUnits, boolean keyFrame, long rtpTimestamp, int firstSequence,
                             int lastSequence, long firstArrivalNanos, long lastArrivalNanos, int sizeBytes,
                             int outOfOrderPackets) {

    public AssembledFrame {
        nalUnits = List.copyOf(nalUnits);
    }

    /** The frame as an Annex B byte stream (4-byte start codes), for decoders that want one. */
    public byte[] annexB() {
        return AnnexB.join(nalUnits);
    }
}
