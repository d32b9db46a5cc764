package dev.parley.rtc.codec.h264;

import java.util.List;

/** What {@link H264Depacketizer} makes of the RTP payloads of one frame: its NAL units, or why there are none. */
public sealed interface DepacketizedFrame {
    /** Every NAL unit of the frame, whole, in decoding order (without start codes). */
    record Complete(List<byte[]> nalUnits, boolean keyframe) implements DepacketizedFrame {
        /** The frame as an Annex B byte stream, for decoders that want one. */
        public byte[] annexB() {
            return AnnexB.join(nalUnits);
        }
    }

    /** The frame is unusable and nothing of it is returned; {@code detail} says what was wrong, for logs. */
    record Dropped(DropReason reason, String detail) implements DepacketizedFrame {
    }

    /** Why a frame was dropped; each is counted by the depacketizer. */
    enum DropReason {
        /** No payloads at all. */
        EMPTY_FRAME,
        /** More payloads, NAL units or bytes than the configured bounds. */
        TOO_LARGE,
        /** A sequence number is missing between the first and the last payload, or before the expected first one. */
        SEQUENCE_GAP,
        /** The same sequence number twice with different payloads. */
        CONFLICTING_DUPLICATE,
        /** The last payload does not carry the marker bit: the end of the frame is missing (RFC 6184 §5.1). */
        NO_MARKER,
        /** A payload before the last one carries the marker bit. */
        EARLY_MARKER,
        /** An empty payload, or a NAL unit type 0, 30 or 31 (undefined, RFC 6184 §5.2 Table 1). */
        INVALID_PAYLOAD,
        /** STAP-B, MTAP16, MTAP24 or FU-B: interleaved mode only, not allowed in packetization-mode 1 (§6.3). */
        NOT_NON_INTERLEAVED,
        /** A STAP-A whose sizes run past the payload, or that holds an empty or non-NAL unit (§5.7.1). */
        MALFORMED_STAP_A,
        /** An FU-A that is truncated, has S and E both set, or changes type mid-unit (§5.8). */
        MALFORMED_FU_A,
        /** An FU-A continuation without its start fragment: the start was lost (§5.8). */
        FU_A_WITHOUT_START,
        /** An FU-A unit that never reached its end fragment (§5.8). */
        FU_A_WITHOUT_END
    }
}
