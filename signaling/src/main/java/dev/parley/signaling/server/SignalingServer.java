package dev.parley.signaling.server;

import dev.parley.signaling.protocol.MessageCodec;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parley signaling server (shared/protocol/signaling-v1.md) on Jetty 12: WebSocket at {@code /signal},
 * {@code GET /healthz}, optional TLS. Embeddable: the desktop app runs one in-process.
 */
public final class SignalingServer implements AutoCloseable {

    public static final String PATH = "/signal";
    public static final String HEALTH_PATH = "/healthz";
    /** What {@code /healthz} says as its {@code service}, so a client can tell a Parley server from anything else. */
    public static final String SERVICE_NAME = "parley-signaling";

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    private static final long CLOSE_GRACE_MILLIS = 200;

    private final ServerConfig config;
    private final RoomRegistry rooms;
    private final MessageCodec codec = MessageCodec.shared();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger admitted = new AtomicInteger();
    private final Server jetty;
    private final ServerConnector connector;
    private ScheduledExecutorService sweeper;

    public SignalingServer(ServerConfig config) {
        this.config = config;
        this.rooms = new RoomRegistry(config);
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("parley-signal");
        threads.setDaemon(true);
        this.jetty = new Server(threads);
        this.connector = config.tls() ? tlsConnector(config) : new ServerConnector(jetty);
        connector.setHost(config.host);
        connector.setPort(config.port);
        connector.setAcceptQueueSize(1024);
        jetty.addConnector(connector);

        WebSocketUpgradeHandler websocket = WebSocketUpgradeHandler.from(jetty, container -> {
            // Pieces of at most one frame limit reach the endpoint; it enforces the message limits itself
            // so that an oversized frame gets TOO_LARGE and the connection survives.
            container.setMaxFrameSize(config.maxFrameBytes);
            container.setAutoFragment(true);
            container.setMaxTextMessageSize(config.hardCloseBytes + 1);
            container.setMaxBinaryMessageSize(1024);
            container.setIdleTimeout(config.idleTimeout.plus(Duration.ofSeconds(30)));
            container.addMapping(PATH, (request, response, callback) -> new Connection(this, config, codec));
        });
        websocket.setHandler(new HealthHandler(this));
        jetty.setHandler(websocket);
        jetty.setStopTimeout(2_000);
    }

    private ServerConnector tlsConnector(ServerConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(config.keystorePassword);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    /** Binds and starts serving. Throws {@link SignalingServerException} with a plain reason if it cannot. */
    public SignalingServer start() {
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // Nothing more to release.
            }
            throw new SignalingServerException(describeStartFailure(e), e);
        }
        long tickMillis = Math.max(50, Math.min(1_000,
                Math.min(config.joinTimeout.toMillis(), config.idleTimeout.toMillis()) / 4));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-signal-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        LOG.info("Signaling server listening on {}://{}:{}{}", config.tls() ? "wss" : "ws", config.host, port(), PATH);
        return this;
    }

    private String describeStartFailure(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.net.BindException) {
            return "Port " + config.port + " on " + config.host + " is already in use.";
        }
        if (config.tls()) {
            return "Cannot start TLS with keystore " + config.keystore + ": " + root.getMessage();
        }
        return "Cannot start the signaling server: " + root.getMessage();
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The URL clients connect to, e.g. {@code ws://127.0.0.1:8787/signal}. */
    public String url() {
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return (config.tls() ? "wss" : "ws") + "://" + host + ":" + port() + PATH;
    }

    public int connectionCount() {
        return connections.size();
    }

    public int roomCount() {
        return rooms.roomCount();
    }

    public long relayedCount() {
        return rooms.relayedCount();
    }

    RoomRegistry rooms() {
        return rooms;
    }

    boolean admit(Connection connection) {
        if (admitted.incrementAndGet() > config.maxConnections) {
            admitted.decrementAndGet();
            return false;
        }
        connections.add(connection);
        return true;
    }

    void release(Connection connection) {
        if (connections.remove(connection)) {
            admitted.decrementAndGet();
        }
        rooms.leave(connection, false, System.nanoTime());
    }

    /** Closes a connection after a short grace, so that an error sent just before it can be read. */
    void closeLater(Connection connection, int statusCode, String reason) {
        ScheduledExecutorService s = sweeper;
        if (s != null && !s.isShutdown()) {
            s.schedule(() -> connection.close(statusCode, reason), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            connection.close(statusCode, reason);
        }
    }

    void releaseLater(Connection connection) {
        ScheduledExecutorService s = sweeper;
        if (s != null && !s.isShutdown()) {
            s.execute(connection::gone);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Connection c : connections) {
                c.checkTimeouts(now);
            }
            rooms.sweepEmptyRooms(now);
        } catch (RuntimeException e) {
            LOG.warn("Sweep failed", e);
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("Stopping Jetty: {}", e.toString());
        }
    }
}
