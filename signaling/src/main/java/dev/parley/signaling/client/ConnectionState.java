package dev.parley.signaling.client;

/** Where a {@link SignalingClient} stands with its server. */
public enum ConnectionState {
    /** Not connected yet. */
    NEW,
    /** Opening the WebSocket. */
    CONNECTING,
    /** Connected; messages flow. */
    OPEN,
    /** The connection dropped; trying again with backoff and rejoining the room when back. */
    RECONNECTING,
    /** Closed for good by {@link SignalingClient#close()}. */
    CLOSED
}
