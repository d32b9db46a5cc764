package dev.parley.signaling.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client that sends exactly the text it is given, for hostile-input tests. */
final class RawClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;
    private final StringBuilder parts = new StringBuilder();

    RawClient(String url) throws Exception {
        this(url, true);
    }

    /** With {@code reading} false the client takes its first message and then stops reading, like a hung app. */
    RawClient(String url, boolean reading) throws Exception {
        ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                parts.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(parts.toString()));
                    } catch (Exception e) {
                        received.add(JSON.createObjectNode().put("type", "unparseable"));
                    }
                    parts.setLength(0);
                }
                if (reading) {
                    w.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                closed.complete(code);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closed.complete(-1);
            }
        }).get(5, TimeUnit.SECONDS);
    }

    RawClient send(String text) throws Exception {
        ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        return this;
    }

    CompletableFuture<WebSocket> sendAsync(String text) {
        return ws.sendText(text, true);
    }

    /** The next message, which must be of this type. */
    JsonNode expect(String type) throws InterruptedException {
        JsonNode m = received.poll(5, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no '" + type + "' within 5 s");
        }
        if (!type.equals(m.path("type").asText())) {
            throw new AssertionError("expected '" + type + "' but got " + m);
        }
        return m;
    }

    /** The next message of this type, skipping others. */
    JsonNode await(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode m = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no '" + type + "' within " + timeout);
            }
            if (type.equals(m.path("type").asText())) {
                return m;
            }
        }
    }

    /** Drops the TCP connection without a close frame, as a crashed client or a dead network would. */
    void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        ws.abort();
    }
}
