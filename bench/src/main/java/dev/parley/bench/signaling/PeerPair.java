package dev.parley.bench.signaling;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Two clients in one room of capacity two: the creator makes it, the joiner enters by its code. */
final class PeerPair {

    final BenchPeer creator;
    final BenchPeer joiner;

    PeerPair(BenchPeer creator, BenchPeer joiner) {
        this.creator = creator;
        this.joiner = joiner;
    }

    /** Connects both, creates and joins the room; completes once each side knows the other's peer id. */
    CompletableFuture<Void> setUp(Duration timeout) {
        return creator.client().connect()
                .thenCompose(v -> {
                    creator.client().createRoom("bench-creator", null, 2);
                    return creator.joined;
                })
                .thenCompose(code -> joiner.client().connect().thenCompose(v -> {
                    joiner.client().joinRoom(code, "bench-joiner", null);
                    return joiner.joined;
                }))
                .thenCompose(code -> creator.partner)
                .thenCompose(id -> joiner.partner)
                .<Void>thenApply(id -> null)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() {
        creator.client().close();
        joiner.client().close();
    }
}
