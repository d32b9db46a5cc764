package dev.parley.signaling.server;

import dev.parley.signaling.protocol.IceServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Everything a signaling server can be told; the defaults are the limits of signaling-v1. */
public final class ServerConfig {

    public static final int DEFAULT_PORT = 8787;

    final String host;
    final int port;
    final Path keystore;
    final String keystorePassword;
    final int maxFrameBytes;
    final long hardCloseBytes;
    final int messagesPerSecond;
    final int burstMessages;
    final Duration joinTimeout;
    final Duration idleTimeout;
    final int maxConnections;
    final int maxRooms;
    final Duration emptyRoomGrace;
    final long maxQueuedBytesPerConnection;
    final int passwordIterations;
    final List<IceServer> iceServers;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.keystore = b.keystore;
        this.keystorePassword = b.keystorePassword;
        this.maxFrameBytes = b.maxFrameBytes;
        this.hardCloseBytes = b.hardCloseBytes;
        this.messagesPerSecond = b.messagesPerSecond;
        this.burstMessages = b.burstMessages;
        this.joinTimeout = b.joinTimeout;
        this.idleTimeout = b.idleTimeout;
        this.maxConnections = b.maxConnections;
        this.maxRooms = b.maxRooms;
        this.emptyRoomGrace = b.emptyRoomGrace;
        this.maxQueuedBytesPerConnection = b.maxQueuedBytesPerConnection;
        this.passwordIterations = b.passwordIterations;
        this.iceServers = List.copyOf(b.iceServers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return keystore != null;
    }

    /** Builder with the protocol's default limits. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path keystore;
        private String keystorePassword;
        private int maxFrameBytes = 64 * 1024;
        private long hardCloseBytes = 4L * 1024 * 1024;
        private int messagesPerSecond = 50;
        private int burstMessages = 100;
        private Duration joinTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private int maxConnections = 10_000;
        private int maxRooms = 5_000;
        private Duration emptyRoomGrace = Duration.ofSeconds(15);
        private long maxQueuedBytesPerConnection = 1024 * 1024;
        private int passwordIterations = 20_000;
        private final List<IceServer> iceServers = new ArrayList<>();

        private Builder() {
        }

        /** The address to bind; "0.0.0.0" or "::" for every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to bind; 0 picks a free one (read it back from {@link SignalingServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("A port is a number from 0 to 65535.");
            }
            this.port = port;
            return this;
        }

        /** Serve wss:// with the certificate in this PKCS#12 keystore. */
        public Builder tls(Path pkcs12, String password) {
            this.keystore = pkcs12;
            this.keystorePassword = password;
            return this;
        }

        /** Frames larger than this get {@code TOO_LARGE} and are dropped. */
        public Builder maxFrameBytes(int bytes) {
            this.maxFrameBytes = bytes;
            return this;
        }

        /** A single message this large is not worth reading to the end: the connection is closed. */
        public Builder hardCloseBytes(long bytes) {
            this.hardCloseBytes = bytes;
            return this;
        }

        /** Sustained messages per second per connection, and the burst allowed above it. */
        public Builder rateLimit(int perSecond, int burst) {
            this.messagesPerSecond = perSecond;
            this.burstMessages = burst;
            return this;
        }

        /** Close a connection that has not joined a room in this time. */
        public Builder joinTimeout(Duration timeout) {
            this.joinTimeout = timeout;
            return this;
        }

        /** Close a connection that has sent nothing, not even a ping, in this time. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /** Connections beyond this are told {@code SERVER_BUSY} and closed. */
        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        /** Rooms beyond this are refused with {@code SERVER_BUSY}. */
        public Builder maxRooms(int max) {
            this.maxRooms = max;
            return this;
        }

        /**
         * How long a room outlives the drop of its last peer, so that a lone peer whose network blinked can
         * reconnect into it. A room whose last peer leaves on purpose ends at once.
         */
        public Builder emptyRoomGrace(Duration grace) {
            this.emptyRoomGrace = grace;
            return this;
        }

        /** A client that does not read its messages is disconnected once this much is queued for it. */
        public Builder maxQueuedBytesPerConnection(long bytes) {
            this.maxQueuedBytesPerConnection = bytes;
            return this;
        }

        /** PBKDF2 iterations for room passwords. */
        public Builder passwordIterations(int iterations) {
            this.passwordIterations = iterations;
            return this;
        }

        /** An ICE server to recommend to every client in {@code joined.iceServers}. */
        public Builder addIceServer(IceServer server) {
            this.iceServers.add(server);
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
