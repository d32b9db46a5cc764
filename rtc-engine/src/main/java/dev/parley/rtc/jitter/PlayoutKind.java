package dev.parley.rtc.jitter;

/** What the frame returned by {@link AudioJitterBuffer#pull} is. */
public enum PlayoutKind {
    /** Digital silence: nothing received yet, still filling up, or after a long gap. */
    SILENCE,
    /** A packet decoded. */
    DECODED,
    /** A lost packet rebuilt from the next packet's in-band FEC. */
    FEC_RECOVERED,
    /** Packet loss concealment: the packet was lost, or late with the buffer run dry. */
    CONCEALED,
    /** The packet was undecodable; the frame is concealment. */
    CORRUPT
}
