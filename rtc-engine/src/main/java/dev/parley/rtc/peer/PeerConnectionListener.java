package dev.parley.rtc.peer;

import dev.parley.rtc.ice.IceConnectionState;

/**
 * Events of a {@link PeerConnection}. They arrive on the connection's network thread, in order; a listener must
 * not block. Packet buffers are reused after the call returns.
 */
public interface PeerConnectionListener {

    /** A local candidate to send to the peer; an {@link IceCandidate#isEndOfCandidates()} one ends gathering. */
    default void onIceCandidate(IceCandidate candidate) {
    }

    default void onIceConnectionStateChange(IceConnectionState state) {
    }

    default void onConnectionStateChange(PeerConnectionState state) {
    }

    /**
     * A track the peer sends, once offer and answer are applied (W3C ontrack); set a sink on it to receive its
     * decoded frames.
     */
    default void onTrack(RemoteTrack track) {
    }

    /** A decrypted RTP packet. */
    default void onRtp(byte[] buffer, int offset, int length) {
    }

    /** A decrypted RTCP compound packet. */
    default void onRtcp(byte[] buffer, int offset, int length) {
    }
}
