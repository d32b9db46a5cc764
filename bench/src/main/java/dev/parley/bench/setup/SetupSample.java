package dev.parley.bench.setup;

/**
 * One call's milestones, each in nanoseconds after {@code createOffer} was called on the offerer, or -1 when the
 * milestone was not reached (then {@code failure} says why).
 *
 * @param signaledNanos    the offer/answer exchange done: the offerer's setRemoteDescription(answer) completed
 * @param iceNanos         both sides' ICE connection state connected
 * @param connectedNanos   both sides' connection state connected (ICE connected and DTLS done, SRTP keys in place)
 * @param firstPacketNanos the answerer has the first RTP packet from the offerer, authenticated and decrypted
 * @param failure          null when every milestone was reached
 */
record SetupSample(long signaledNanos, long iceNanos, long connectedNanos, long firstPacketNanos, String failure) {

    boolean ok() {
        return failure == null;
    }

    static SetupSample failed(long signaledNanos, long iceNanos, long connectedNanos, String failure) {
        return new SetupSample(signaledNanos, iceNanos, connectedNanos, -1, failure);
    }
}
