package dev.parley.signaling.client;

import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;

/**
 * Typed callbacks of a {@link SignalingClient}. They are called one at a time, in the order the server
 * sent the messages, on the client's callback executor; every method has a do-nothing default.
 */
public interface SignalingListener {

    default void onStateChanged(ConnectionState state) {
    }

    /** A room was made for you; {@code room} is its code in display form. {@link #onJoined} follows. */
    default void onCreated(String room) {
    }

    /**
     * You are in {@code joined.room()}. As the newcomer, offer to every peer in {@code joined.peers()}.
     * {@code rejoined} is true when this follows an automatic reconnect: you have a new peer id and the
     * others saw you leave and come back.
     */
    default void onJoined(ServerMessage.Joined joined, boolean rejoined) {
    }

    default void onPeerJoined(PeerInfo peer) {
    }

    default void onPeerLeft(String peerId) {
    }

    default void onOffer(String from, String sdp) {
    }

    default void onAnswer(String from, String sdp) {
    }

    /** A trickled candidate from {@code from}; null means that peer has no more candidates. */
    default void onCandidate(String from, IceCandidateInit candidate) {
    }

    /** Another peer's microphone/camera state (the "state" extension; docs/signaling.md). */
    default void onState(String from, boolean muted, boolean cameraOff) {
    }

    /** The server refused something; {@code message} is fit to show a person. */
    default void onError(ErrorCode code, String message, String ref) {
    }
}
