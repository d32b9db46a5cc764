package dev.parley.rtc.pipeline;

/** Where a stream's packets go: the peer connection, which protects them with SRTP and sends them on the pair ICE chose. */
public interface PacketOutput {

    /** Sends one RTP packet; false when it could not be sent (not connected yet, too large). */
    boolean sendRtp(byte[] packet, int offset, int length);

    /** Sends one RTCP (compound or reduced-size) packet. */
    boolean sendRtcp(byte[] packet, int offset, int length);
}
