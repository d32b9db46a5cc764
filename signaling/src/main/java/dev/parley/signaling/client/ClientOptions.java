package dev.parley.signaling.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * How a {@link SignalingClient} behaves: timeouts, keepalive, reconnect backoff, and the threads it uses.
 * Immutable; {@code with…} returns a changed copy.
 */
public record ClientOptions(
        Duration connectTimeout,
        Duration pingInterval,
        Duration pongTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        boolean reconnect,
        int maxMessageChars,
        HttpClient httpClient,
        SSLContext sslContext,
        Executor callbackExecutor) {

    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofSeconds(10), true, 1 << 20, null, null, null);
    }

    public ClientOptions withPing(Duration interval, Duration timeout) {
        return new ClientOptions(connectTimeout, interval, timeout, reconnectInitialDelay, reconnectMaxDelay,
                reconnect, maxMessageChars, httpClient, sslContext, callbackExecutor);
    }

    public ClientOptions withReconnect(boolean enabled, Duration initialDelay, Duration maxDelay) {
        return new ClientOptions(connectTimeout, pingInterval, pongTimeout, initialDelay, maxDelay,
                enabled, maxMessageChars, httpClient, sslContext, callbackExecutor);
    }

    /** Share one HTTP client (and its selector thread) among many signaling clients. */
    public ClientOptions withHttpClient(HttpClient client) {
        return new ClientOptions(connectTimeout, pingInterval, pongTimeout, reconnectInitialDelay,
                reconnectMaxDelay, reconnect, maxMessageChars, client, sslContext, callbackExecutor);
    }

    /** Trust settings for wss:// (ignored when an HTTP client is given). */
    public ClientOptions withSslContext(SSLContext context) {
        return new ClientOptions(connectTimeout, pingInterval, pongTimeout, reconnectInitialDelay,
                reconnectMaxDelay, reconnect, maxMessageChars, httpClient, context, callbackExecutor);
    }

    /** Where listener callbacks run; by default each client has one thread of its own. */
    public ClientOptions withCallbackExecutor(Executor executor) {
        return new ClientOptions(connectTimeout, pingInterval, pongTimeout, reconnectInitialDelay,
                reconnectMaxDelay, reconnect, maxMessageChars, httpClient, sslContext, executor);
    }
}
