package dev.parley.rtc.jitter;

/** What {@link AudioJitterBuffer#insert} did with a packet. Every outcome but the first two is a drop. */
public enum InsertOutcome {
    /** Kept for playout. */
    STORED,
    /** Kept, after the buffer gave up its old position and restarted at this packet's sequence number. */
    RESYNCED,
    /** The same sequence number was already buffered or played. */
    DUPLICATE,
    /** Its turn to play has passed (played, concealed or skipped). */
    LATE,
    /** Beyond the buffer's capacity ahead of the playout point. */
    OVERFLOW,
    /** A sequence jump too far forward or back to be reordering: garbage, or a restarted stream. */
    FAR_JUMP,
    /** No payload, a bad slice, or a payload larger than any packet the buffer accepts. */
    INVALID
}
