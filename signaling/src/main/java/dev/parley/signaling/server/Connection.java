package dev.parley.signaling.server;

import dev.parley.signaling.protocol.ClientMessage;
import dev.parley.signaling.protocol.ErrorCode;
import dev.parley.signaling.protocol.MessageCodec;
import dev.parley.signaling.protocol.ProtocolException;
import dev.parley.signaling.protocol.ServerMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: frames in (size and rate limited, decoded, handed to the rooms), messages out
 * (queued without blocking, with a cap so a client that stops reading cannot grow the server's memory).
 * Whatever one client sends, only that client is answered or closed. Public only because Jetty binds its
 * listener methods reflectively.
 */
public final class Connection implements Session.Listener.AutoDemanding, PeerChannel {

    static final int CLOSE_NORMAL = 1000;
    static final int CLOSE_POLICY = 1008;
    static final int CLOSE_TOO_BIG = 1009;
    static final int CLOSE_TRY_AGAIN_LATER = 1013;

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final SignalingServer server;
    private final ServerConfig config;
    private final MessageCodec codec;
    private final long openedNanos;
    private final TokenBucket rate;
    private final StringBuilder pending = new StringBuilder();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile long lastHeardNanos;
    private volatile Session session;
    private final TokenBucket passwordChecks;
    private long frameBytes;
    private boolean oversized;
    private boolean closing;

    Connection(SignalingServer server, ServerConfig config, MessageCodec codec) {
        this.server = server;
        this.config = config;
        this.codec = codec;
        this.openedNanos = System.nanoTime();
        this.lastHeardNanos = openedNanos;
        this.rate = new TokenBucket(config.messagesPerSecond, config.burstMessages, openedNanos);
        // Each password check costs a PBKDF2 run: one per second per connection, a few in a burst.
        this.passwordChecks = new TokenBucket(1, 3, openedNanos);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        if (!server.admit(this)) {
            sendError(ErrorCode.SERVER_BUSY, "The server is full right now. Try again in a minute.", null);
            close(CLOSE_TRY_AGAIN_LATER, "server busy");
        }
    }

    // Frames arrive in pieces (the server auto-fragments at the frame limit), so an oversized message is
    // counted and dropped piece by piece and never held whole in memory.
    @Override
    public void onWebSocketPartialText(String fragment, boolean last) {
        lastHeardNanos = System.nanoTime();
        if (closing) {
            return;
        }
        frameBytes += utf8Length(fragment);
        if (frameBytes > config.hardCloseBytes) {
            closing = true;
            sendError(ErrorCode.TOO_LARGE, "That message is far too large; closing the connection.", null);
            close(CLOSE_TOO_BIG, "message too large");
            return;
        }
        if (!oversized) {
            if (frameBytes > config.maxFrameBytes) {
                oversized = true;
                pending.setLength(0);
                pending.trimToSize();
            } else {
                pending.append(fragment);
            }
        }
        if (!last) {
            return;
        }
        String text = oversized ? null : pending.toString();
        boolean wasOversized = oversized;
        pending.setLength(0);
        if (pending.capacity() > 4096) {
            pending.trimToSize();
        }
        frameBytes = 0;
        oversized = false;
        onMessage(text, wasOversized);
    }

    private void onMessage(String text, boolean wasOversized) {
        long now = System.nanoTime();
        if (!rate.tryTake(now)) {
            closing = true;
            sendError(ErrorCode.RATE_LIMITED, "You are sending messages too fast; disconnecting.", null);
            // Close a moment later, reading and dropping meanwhile: closing at once while the client is still
            // sending makes the kernel reset the connection, and the client would never read why.
            server.closeLater(this, CLOSE_POLICY, "rate limited");
            return;
        }
        if (wasOversized) {
            sendError(ErrorCode.TOO_LARGE, "That message is larger than " + config.maxFrameBytes / 1024
                    + " KiB and was dropped.", null);
            return;
        }
        try {
            ClientMessage message = codec.decodeClient(text);
            server.rooms().handle(this, message, now);
        } catch (ProtocolException e) {
            sendError(e.code(), e.getMessage(), e.ref());
        } catch (RuntimeException e) {
            // A bug of ours must not cost the client its connection, nor anyone else theirs.
            LOG.warn("Failed to handle a message", e);
            sendError(ErrorCode.BAD_MESSAGE, "The server could not handle that message.", null);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gone();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Connection error: {}", cause.toString());
        gone();
    }

    void gone() {
        if (gone.compareAndSet(false, true)) {
            server.release(this);
        }
    }

    @Override
    public void send(ServerMessage message) {
        Session s = session;
        if (s == null || gone.get() || !s.isOpen()) {
            return;
        }
        String text = codec.encode(message);
        long size = utf8Length(text);
        if (queuedBytes.addAndGet(size) > config.maxQueuedBytesPerConnection) {
            LOG.debug("Closing a connection that does not read its messages");
            s.disconnect();
            // Not gone() here: we may be inside a room's broadcast; the close callback releases us.
            server.releaseLater(this);
            return;
        }
        s.sendText(text, Callback.from(() -> queuedBytes.addAndGet(-size), failure -> queuedBytes.addAndGet(-size)));
    }

    @Override
    public boolean tryPasswordCheck(long nowNanos) {
        synchronized (passwordChecks) {
            return passwordChecks.tryTake(nowNanos);
        }
    }

    @Override
    public void close(int statusCode, String reason) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(statusCode, reason, Callback.NOOP);
        }
    }

    private void sendError(ErrorCode code, String message, String ref) {
        send(new ServerMessage.Error(code, message, ref));
    }

    /** Closes this connection if it outstayed the join or idle timeout. */
    void checkTimeouts(long nowNanos) {
        if (gone.get()) {
            return;
        }
        if (nowNanos - lastHeardNanos > config.idleTimeout.toNanos()) {
            close(CLOSE_POLICY, "idle");
        } else if (nowNanos - openedNanos > config.joinTimeout.toNanos() && !server.rooms().isInRoom(this)) {
            close(CLOSE_POLICY, "no room joined");
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
