package dev.parley.rtc.codec.h264;

/** One received RTP payload of a video frame, with its RTP sequence number (0..65535) and marker bit. */
public record ReceivedRtpPayload(int sequenceNumber, boolean marker, byte[] payload) {
}
