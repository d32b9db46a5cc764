package dev.parley.app.call;

import dev.parley.signaling.client.SignalingClient;
import dev.parley.signaling.protocol.IceCandidateInit;
import java.util.function.Supplier;

/** A mesh's outgoing signaling through a {@link SignalingClient} (given lazily: the client is made after the mesh). */
public final class ClientSignaling implements MeshSignaling {

    private final Supplier<SignalingClient> client;

    public ClientSignaling(Supplier<SignalingClient> client) {
        this.client = client;
    }

    @Override
    public void sendOffer(String to, String sdp) {
        client.get().sendOffer(to, sdp);
    }

    @Override
    public void sendAnswer(String to, String sdp) {
        client.get().sendAnswer(to, sdp);
    }

    @Override
    public void sendCandidate(String to, IceCandidateInit candidate) {
        client.get().sendCandidate(to, candidate);
    }

    @Override
    public void sendState(String to, boolean muted, boolean cameraOff) {
        client.get().sendState(to, muted, cameraOff);
    }
}
