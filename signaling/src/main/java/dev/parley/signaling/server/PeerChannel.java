package dev.parley.signaling.server;

import dev.parley.signaling.protocol.ServerMessage;

/** One client connection as the room logic sees it: something to send to and to close. */
interface PeerChannel {

    /** Queues a message; never blocks. */
    void send(ServerMessage message);

    /** Whether this connection may have one more room password checked now (each check is costly). */
    boolean tryPasswordCheck(long nowNanos);

    /** Closes the connection with a WebSocket status code (RFC 6455 section 7.4) and a short reason. */
    void close(int statusCode, String reason);
}
