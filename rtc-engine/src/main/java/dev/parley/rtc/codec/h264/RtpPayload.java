package dev.parley.rtc.codec.h264;

/** One RTP payload the packetizer produced, with the RTP marker bit it needs (RFC 6184 §5.1). */
public record RtpPayload(byte[] payload, boolean marker) {
}
