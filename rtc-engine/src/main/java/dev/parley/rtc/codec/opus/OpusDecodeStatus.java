package dev.parley.rtc.codec.opus;

/** What the last {@link OpusDecoder} call produced. */
public enum OpusDecodeStatus {
    /** A packet was decoded. */
    DECODED,
    /** No packet (loss, or FEC asked of a packet that carries none): the output is packet loss concealment. */
    CONCEALED,
    /** The lost frame was rebuilt from the in-band FEC (LBRR) data of the following packet. */
    FEC_RECOVERED,
    /** The packet was malformed or undecodable: it was dropped, counted, and the output is concealment. */
    CORRUPT
}
