package dev.parley.rtc.ice;

import dev.parley.rtc.net.PacketKind;

/** What an {@link IceAgent} reports; every call comes on the agent's network thread and must not block. */
public interface IceListener {

    /** A local candidate to signal to the peer; {@code null} means gathering is complete (end-of-candidates). */
    default void onLocalCandidate(Candidate candidate) {
    }

    default void onStateChanged(IceConnectionState state) {
    }

    /** The first pair that passed a check: the transport can carry packets (DTLS may start) before nomination. */
    default void onWritable(CandidatePair pair) {
    }

    /** The pair media now uses. */
    default void onSelectedPair(CandidatePair pair) {
    }

    /**
     * A non-STUN datagram (DTLS, RTP, RTCP, per RFC 7983) from a validated remote address. The buffer is
     * reused after the call returns.
     */
    default void onPacket(PacketKind kind, byte[] buffer, int offset, int length) {
    }
}
