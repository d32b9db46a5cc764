package dev.parley.rtc.jitter;

/** What {@link VideoFrameBuffer#insert} did with one RTP packet. */
public enum VideoPacketOutcome {
    /** Kept: media data of a frame not yet decided. */
    STORED,
    /** Kept: a padding-only packet (no payload), which only fills its sequence number for continuity. */
    PADDING,
    /**
     * Kept, after the oldest undecided frames were dropped to make room: the packet was {@code capacityPackets} or
     * more beyond the oldest undecided sequence number. A keyframe is requested.
     */
    OVERFLOWED,
    /** Kept, after a run of far sequence jumps showed the stream really moved: everything held was dropped. */
    RESYNCED,
    /** Dropped: that sequence number is held already. */
    DUPLICATE,
    /** Dropped: it belongs before a frame already delivered or given up (a retransmission that came too late). */
    LATE,
    /** Dropped: a sequence jump too far from the newest packet to be reordering or a loss burst. */
    FAR_JUMP,
    /**
     * Dropped payload: a bad offset or length, or more than {@link VideoFrameBuffer#MAX_PAYLOAD_BYTES} bytes. Its
     * sequence number is still taken, so its frame is dropped as malformed at once rather than waited for.
     */
    INVALID
}
