package dev.parley.signaling.client;

import dev.parley.signaling.protocol.ClientMessage;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.MessageCodec;
import dev.parley.signaling.protocol.ProtocolException;
import dev.parley.signaling.protocol.RoomCode;
import dev.parley.signaling.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signaling-v1 client on the JDK's {@link java.net.http.WebSocket}: typed sends, typed callbacks
 * ({@link SignalingListener}), a {@code ping} keepalive that notices a dead connection, and automatic
 * reconnect with exponential backoff that rejoins the same room.
 *
 * <p>On a rejoin the server gives this client a new peer id; the others see {@code peer-left} for the old
 * one and {@code peer-joined} for the new one (docs/signaling.md).
 */
public final class SignalingClient implements AutoCloseable {

    public static final URI DEFAULT_URI = URI.create("ws://127.0.0.1:8787/signal");

    private static final Logger LOG = LoggerFactory.getLogger(SignalingClient.class);
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-signaling-timers");
        t.setDaemon(true);
        return t;
    });

    private final URI uri;
    private final SignalingListener listener;
    private final ClientOptions options;
    private final MessageCodec codec = MessageCodec.shared();
    private final HttpClient http;
    private final ExecutorService ownCallbackThread;
    private final SerialExecutor callbacks;
    private final AtomicLong pingIds = new AtomicLong();
    private final Object lock = new Object();

    // Guarded by lock.
    private ConnectionState state = ConnectionState.NEW;
    private WebSocket socket;
    private long generation;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> keepalive;
    private ScheduledFuture<?> pendingReconnect;
    private Duration nextBackoff;
    private Rejoin rejoin;
    private boolean rejoining;
    private boolean closedForGood;
    private String peerId;

    private volatile long lastHeardNanos;

    /** What to send again after a reconnect: the room we were in, as whom, with which password. */
    private record Rejoin(String room, String name, String password) {
    }

    public SignalingClient(URI uri, SignalingListener listener) {
        this(uri, listener, ClientOptions.defaults());
    }

    public SignalingClient(URI uri, SignalingListener listener, ClientOptions options) {
        this.uri = uri;
        this.listener = listener;
        this.options = options;
        this.nextBackoff = options.reconnectInitialDelay();
        if (options.httpClient() != null) {
            this.http = options.httpClient();
        } else {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.connectTimeout());
            if (options.sslContext() != null) {
                builder.sslContext(options.sslContext());
            }
            this.http = builder.build();
        }
        if (options.callbackExecutor() != null) {
            this.ownCallbackThread = null;
            this.callbacks = new SerialExecutor(options.callbackExecutor());
        } else {
            this.ownCallbackThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "parley-signaling-events");
                t.setDaemon(true);
                return t;
            });
            this.callbacks = new SerialExecutor(ownCallbackThread);
        }
    }

    public URI uri() {
        return uri;
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** This client's peer id in its current room, or null. */
    public String peerId() {
        synchronized (lock) {
            return peerId;
        }
    }

    /**
     * Opens the connection. The future completes when it is open, or fails with a
     * {@link SignalingException} whose message can be shown to a person.
     */
    public CompletableFuture<Void> connect() {
        synchronized (lock) {
            if (state != ConnectionState.NEW) {
                return CompletableFuture.failedFuture(new IllegalStateException("connect() was already called"));
            }
            setState(ConnectionState.CONNECTING);
        }
        return open().thenApply(ws -> null);
    }

    private CompletableFuture<WebSocket> open() {
        long gen;
        synchronized (lock) {
            gen = ++generation;
        }
        return http.newWebSocketBuilder()
                .connectTimeout(options.connectTimeout())
                .buildAsync(uri, new Inbound(gen))
                .handle((ws, failure) -> {
                    if (failure != null) {
                        onOpenFailed(gen, failure);
                        throw new CompletionException(describe(unwrap(failure)));
                    }
                    onOpened(gen, ws);
                    return ws;
                });
    }

    private void onOpened(long gen, WebSocket ws) {
        Rejoin again;
        synchronized (lock) {
            if (gen != generation || state == ConnectionState.CLOSED) {
                ws.abort();
                return;
            }
            socket = ws;
            sendChain = CompletableFuture.completedFuture(null);
            lastHeardNanos = System.nanoTime();
            nextBackoff = options.reconnectInitialDelay();
            again = state == ConnectionState.RECONNECTING ? rejoin : null;
            rejoining = again != null;
            setState(ConnectionState.OPEN);
            long every = options.pingInterval().toMillis();
            keepalive = TIMERS.scheduleWithFixedDelay(() -> keepalive(gen), every, every, TimeUnit.MILLISECONDS);
        }
        if (again != null) {
            send(new ClientMessage.Join(again.room(), again.name(), again.password()));
        }
    }

    private void onOpenFailed(long gen, Throwable failure) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            if (state == ConnectionState.RECONNECTING) {
                LOG.debug("Reconnect failed: {}", unwrap(failure).toString());
                scheduleReconnect();
            } else if (state == ConnectionState.CONNECTING) {
                setState(ConnectionState.CLOSED);
            }
        }
    }

    /** Makes a room (capacity null = the server's default of 4); answered by onCreated then onJoined. */
    public boolean createRoom(String name, String password, Integer capacity) {
        return send(new ClientMessage.Create(name, password, capacity));
    }

    /**
     * Joins the room whose code a person typed; the code is normalised first.
     *
     * @throws IllegalArgumentException when the code cannot be a room code (fit to show a person)
     */
    public boolean joinRoom(String typedCode, String name, String password) {
        String code = RoomCode.normalize(typedCode).orElseThrow(() -> new IllegalArgumentException(
                "That is not a room code. A code looks like 7mq2k-xd41r."));
        return send(new ClientMessage.Join(RoomCode.display(code), name, password));
    }

    public boolean sendOffer(String to, String sdp) {
        return send(new ClientMessage.Offer(to, sdp));
    }

    public boolean sendAnswer(String to, String sdp) {
        return send(new ClientMessage.Answer(to, sdp));
    }

    /** Sends one trickled candidate; null says this side has no more candidates. */
    public boolean sendCandidate(String to, IceCandidateInit candidate) {
        return send(new ClientMessage.Candidate(to, candidate));
    }

    /** Tells one peer whether our microphone is muted and our camera off (the "state" extension). */
    public boolean sendState(String to, boolean muted, boolean cameraOff) {
        return send(new ClientMessage.State(to, muted, cameraOff));
    }

    /** Leaves the room; the connection stays open for another create or join. */
    public boolean leaveRoom() {
        synchronized (lock) {
            rejoin = null;
            peerId = null;
        }
        return send(new ClientMessage.Leave());
    }

    /**
     * Queues one message. Returns false (and drops it) while the connection is down: relayed messages name
     * peer ids that a reconnect makes stale anyway.
     */
    public boolean send(ClientMessage message) {
        String text = codec.encode(message);
        synchronized (lock) {
            if (state != ConnectionState.OPEN || socket == null) {
                LOG.debug("Not connected; dropped a '{}'", message.type());
                return false;
            }
            if (message instanceof ClientMessage.Join || message instanceof ClientMessage.Create) {
                pendingEntry = message;
            }
            WebSocket ws = socket;
            // The JDK WebSocket allows one outstanding send at a time: chain them.
            sendChain = sendChain.handle((r, e) -> null)
                    .thenCompose(ignored -> ws.sendText(text, true));
            return true;
        }
    }

    // The create or join awaiting its answer, to remember the password for a rejoin. Guarded by lock.
    private ClientMessage pendingEntry;

    private void keepalive(long gen) {
        long silentNanos = System.nanoTime() - lastHeardNanos;
        if (silentNanos > options.pingInterval().plus(options.pongTimeout()).toNanos()) {
            LOG.info("Signaling server stopped answering; reconnecting");
            WebSocket ws;
            synchronized (lock) {
                ws = gen == generation ? socket : null;
            }
            if (ws != null) {
                ws.abort();
                connectionLost(gen);
            }
            return;
        }
        send(new ClientMessage.Ping(pingIds.incrementAndGet()));
    }

    private void connectionLost(long gen) {
        synchronized (lock) {
            if (gen != generation || state == ConnectionState.CLOSED) {
                return;
            }
            cancelKeepalive();
            socket = null;
            peerId = null;
            if (!options.reconnect()) {
                setState(ConnectionState.CLOSED);
                return;
            }
            generation++;
            setState(ConnectionState.RECONNECTING);
            scheduleReconnect();
        }
    }

    // Caller holds lock.
    private void scheduleReconnect() {
        long base = nextBackoff.toMillis();
        long jittered = (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Duration doubled = nextBackoff.multipliedBy(2);
        nextBackoff = doubled.compareTo(options.reconnectMaxDelay()) > 0 ? options.reconnectMaxDelay() : doubled;
        pendingReconnect = TIMERS.schedule(() -> {
            synchronized (lock) {
                if (state != ConnectionState.RECONNECTING) {
                    return;
                }
            }
            open().exceptionally(e -> null);
        }, jittered, TimeUnit.MILLISECONDS);
    }

    private void dispatch(String text) {
        ServerMessage message;
        try {
            message = codec.decodeServer(text);
        } catch (ProtocolException e) {
            LOG.warn("Ignored a message from the server: {}", e.getMessage());
            return;
        }
        if (message instanceof ServerMessage.Joined joined) {
            boolean again;
            synchronized (lock) {
                again = rejoining;
                rejoining = false;
                peerId = joined.peerId();
                String password = pendingEntry instanceof ClientMessage.Join j ? j.password()
                        : pendingEntry instanceof ClientMessage.Create c ? c.password()
                        : rejoin != null ? rejoin.password() : null;
                String name = pendingEntry instanceof ClientMessage.Join j ? j.name()
                        : pendingEntry instanceof ClientMessage.Create c ? c.name()
                        : rejoin != null ? rejoin.name() : null;
                rejoin = name == null ? null : new Rejoin(joined.room(), name, password);
                pendingEntry = null;
            }
            callbacks.execute(() -> listener.onJoined(joined, again));
            return;
        }
        if (message instanceof ServerMessage.Error error
                && ("join".equals(error.ref()) || "create".equals(error.ref()))) {
            synchronized (lock) {
                if (rejoining || pendingEntry != null) {
                    // The room is gone or refused us on the way back in: stop trying it.
                    rejoining = false;
                    pendingEntry = null;
                    if (error.code() != dev.parley.signaling.protocol.ErrorCode.RATE_LIMITED) {
                        rejoin = null;
                    }
                }
            }
        }
        callbacks.execute(() -> deliver(message));
    }

    private void deliver(ServerMessage message) {
        if (message instanceof ServerMessage.Created m) {
            listener.onCreated(m.room());
        } else if (message instanceof ServerMessage.PeerJoined m) {
            listener.onPeerJoined(m.peer());
        } else if (message instanceof ServerMessage.PeerLeft m) {
            listener.onPeerLeft(m.peerId());
        } else if (message instanceof ServerMessage.Offer m) {
            listener.onOffer(m.from(), m.sdp());
        } else if (message instanceof ServerMessage.Answer m) {
            listener.onAnswer(m.from(), m.sdp());
        } else if (message instanceof ServerMessage.Candidate m) {
            listener.onCandidate(m.from(), m.candidate());
        } else if (message instanceof ServerMessage.State m) {
            listener.onState(m.from(), m.muted(), m.cameraOff());
        } else if (message instanceof ServerMessage.Error m) {
            listener.onError(m.code(), m.message(), m.ref());
        }
        // pong: hearing it was the point (lastHeardNanos).
    }

    // Caller holds lock.
    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        callbacks.execute(() -> listener.onStateChanged(next));
    }

    private void cancelKeepalive() {
        if (keepalive != null) {
            keepalive.cancel(false);
            keepalive = null;
        }
    }

    /** Closes the connection for good (a leave is implied); no reconnect follows. */
    @Override
    public void close() {
        WebSocket ws;
        CompletableFuture<?> chain;
        synchronized (lock) {
            if (closedForGood) {
                return;
            }
            closedForGood = true;
            generation++;
            cancelKeepalive();
            if (pendingReconnect != null) {
                pendingReconnect.cancel(false);
            }
            ws = socket;
            chain = sendChain;
            socket = null;
            rejoin = null;
            setState(ConnectionState.CLOSED);
        }
        if (ws != null) {
            chain.handle((r, e) -> null)
                    .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                    .orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> ws.abort());
        }
        shutdownCallbacks();
    }

    private void shutdownCallbacks() {
        if (ownCallbackThread != null) {
            // Let the CLOSED notification run, then stop the thread.
            callbacks.execute(ownCallbackThread::shutdown);
        }
    }

    private SignalingException describe(Throwable cause) {
        if (cause instanceof java.net.http.WebSocketHandshakeException) {
            return new SignalingException("The server at " + uri
                    + " answered, but not as a Parley signaling server. Check the server address.", cause);
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return new SignalingException("A secure connection to " + uri
                    + " could not be set up: its certificate is not trusted or TLS failed.", cause);
        }
        return new SignalingException("Cannot reach the signaling server at " + uri
                + ". Check the address and your network.", cause);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Reads one connection generation's frames; stale generations are ignored. */
    private final class Inbound implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder parts = new StringBuilder();
        private boolean overflow;

        Inbound(long gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            if (!overflow && parts.length() + data.length() > options.maxMessageChars()) {
                overflow = true;
                parts.setLength(0);
            }
            if (!overflow) {
                parts.append(data);
            }
            if (last) {
                if (overflow) {
                    LOG.warn("Dropped an oversized message from the signaling server");
                } else {
                    dispatch(parts.toString());
                }
                parts.setLength(0);
                overflow = false;
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            LOG.debug("Signaling connection closed by the server: {} {}", statusCode, reason);
            connectionLost(gen);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.debug("Signaling connection failed: {}", error.toString());
            connectionLost(gen);
        }
    }
}
