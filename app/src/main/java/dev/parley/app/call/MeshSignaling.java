package dev.parley.app.call;

import dev.parley.signaling.protocol.IceCandidateInit;

/** What a {@link MeshCall} sends through the signaling server (a {@code SignalingClient} in the app). */
public interface MeshSignaling {

    void sendOffer(String to, String sdp);

    void sendAnswer(String to, String sdp);

    /** A trickled candidate; {@code null} = no more candidates. */
    void sendCandidate(String to, IceCandidateInit candidate);

    /** Our microphone/camera state for one peer (the "state" extension, docs/signaling.md). */
    default void sendState(String to, boolean muted, boolean cameraOff) {
    }
}
