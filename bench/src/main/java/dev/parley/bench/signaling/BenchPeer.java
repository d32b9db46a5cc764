package dev.parley.bench.signaling;

import dev.parley.signaling.client.ClientOptions;
import dev.parley.signaling.client.ConnectionState;
import dev.parley.signaling.client.SignalingClient;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One benchmark client: a {@link SignalingClient} in a two-person room, which learns its partner's peer id
 * and then sends to it whatever the {@link LoadGenerator} asks, and times what the partner sends back.
 */
final class BenchPeer implements SignalingListener {

    private final boolean creator;
    private final RelayStats stats;
    private final SignalingClient client;
    /** Completes with the room code once the server says we are in. */
    final CompletableFuture<String> joined = new CompletableFuture<>();
    /** Completes with the partner's peer id, from {@code joined.peers} or {@code peer-joined}. */
    final CompletableFuture<String> partner = new CompletableFuture<>();
    private volatile boolean loadRunning;
    // Touched only by the load generator's thread.
    private long sends;

    BenchPeer(URI uri, ClientOptions options, boolean creator, RelayStats stats) {
        this.creator = creator;
        this.stats = stats;
        this.client = new SignalingClient(uri, this, options);
    }

    SignalingClient client() {
        return client;
    }

    void loadRunning(boolean running) {
        this.loadRunning = running;
    }

    /**
     * Sends the next message of this peer's cycle: one SDP (an offer from the creator, an answer from the
     * joiner) then two candidates, a rough mix of a real negotiation.
     */
    void sendNext() {
        String to = partner.getNow(null);
        long now = System.nanoTime();
        boolean queued;
        if (to == null) {
            queued = false;
        } else if (sends % 3 == 0) {
            queued = creator ? client.sendOffer(to, Payloads.sdp(now)) : client.sendAnswer(to, Payloads.sdp(now));
        } else {
            queued = client.sendCandidate(to, Payloads.candidate(now, 50_000 + (int) (sends % 10_000)));
        }
        sends++;
        if (queued) {
            stats.sent(now);
        } else {
            stats.sendFailures.increment();
        }
    }

    @Override
    public void onJoined(ServerMessage.Joined message, boolean rejoined) {
        if (!message.peers().isEmpty()) {
            partner.complete(message.peers().get(0).peerId());
        }
        joined.complete(message.room());
    }

    @Override
    public void onPeerJoined(PeerInfo peer) {
        partner.complete(peer.peerId());
    }

    @Override
    public void onOffer(String from, String sdp) {
        stats.received(Payloads.sentNanos(sdp), System.nanoTime());
    }

    @Override
    public void onAnswer(String from, String sdp) {
        stats.received(Payloads.sentNanos(sdp), System.nanoTime());
    }

    @Override
    public void onCandidate(String from, IceCandidateInit candidate) {
        stats.received(Payloads.sentNanos(candidate), System.nanoTime());
    }

    @Override
    public void onError(ErrorCode code, String message, String ref) {
        stats.error(code);
        if (!joined.isDone()) {
            joined.completeExceptionally(new IllegalStateException(code + ": " + message));
        }
    }

    @Override
    public void onStateChanged(ConnectionState state) {
        if (state == ConnectionState.CLOSED || state == ConnectionState.RECONNECTING) {
            if (loadRunning) {
                stats.droppedConnections.increment();
            }
            joined.completeExceptionally(new IllegalStateException("connection " + state));
            partner.completeExceptionally(new IllegalStateException("connection " + state));
        }
    }
}
