package dev.parley.app.call;

import dev.parley.signaling.client.ConnectionState;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import java.util.List;

/** One signaling client, several listeners (the room's bookkeeping and its {@link MeshCall}), called in order. */
public final class SignalingTee implements SignalingListener {

    private final List<SignalingListener> listeners;

    public SignalingTee(SignalingListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void onStateChanged(ConnectionState state) {
        listeners.forEach(l -> l.onStateChanged(state));
    }

    @Override
    public void onCreated(String room) {
        listeners.forEach(l -> l.onCreated(room));
    }

    @Override
    public void onJoined(ServerMessage.Joined joined, boolean rejoined) {
        listeners.forEach(l -> l.onJoined(joined, rejoined));
    }

    @Override
    public void onPeerJoined(PeerInfo peer) {
        listeners.forEach(l -> l.onPeerJoined(peer));
    }

    @Override
    public void onPeerLeft(String peerId) {
        listeners.forEach(l -> l.onPeerLeft(peerId));
    }

    @Override
    public void onOffer(String from, String sdp) {
        listeners.forEach(l -> l.onOffer(from, sdp));
    }

    @Override
    public void onAnswer(String from, String sdp) {
        listeners.forEach(l -> l.onAnswer(from, sdp));
    }

    @Override
    public void onCandidate(String from, IceCandidateInit candidate) {
        listeners.forEach(l -> l.onCandidate(from, candidate));
    }

    @Override
    public void onError(ErrorCode code, String message, String ref) {
        listeners.forEach(l -> l.onError(code, message, ref));
    }
}
