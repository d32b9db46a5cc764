package dev.parley.signaling.server;

import static dev.parley.signaling.server.ServerFixture.assertNothingLeaks;
import static dev.parley.signaling.server.ServerFixture.testConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against a real server: each bad client gets the specified error or disconnect, everyone else
 * keeps being served, and connections and rooms return to zero.
 */
class HostileClientTest {

    private SignalingServer server;
    private final List<RawClient> clients = new ArrayList<>();

    private void start(ServerConfig.Builder config) {
        server = new SignalingServer(config.build()).start();
    }

    private RawClient connect() throws Exception {
        RawClient c = new RawClient(server.url());
        clients.add(c);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(RawClient::close);
        if (server != null) {
            assertNothingLeaks(server);
            server.close();
        }
    }

    /** Two peers in a room of their own, to prove they keep working while someone else misbehaves. */
    private final class Bystanders {
        final RawClient a;
        final RawClient b;
        final String bId;
        private int n;

        Bystanders() throws Exception {
            a = connect();
            b = connect();
            a.send("{\"type\":\"create\",\"name\":\"A\"}");
            String room = a.expect("created").get("room").asText();
            a.expect("joined");
            b.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"B\"}");
            bId = b.expect("joined").get("peerId").asText();
            a.expect("peer-joined");
        }

        void stillRelay() throws Exception {
            String sdp = "v=0 still-alive " + (++n);
            a.send("{\"type\":\"offer\",\"to\":\"" + bId + "\",\"sdp\":\"" + sdp + "\"}");
            assertThat(b.await("offer", Duration.ofSeconds(5)).get("sdp").asText()).isEqualTo(sdp);
        }
    }

    private static void assertError(RawClient c, String code) throws Exception {
        JsonNode error = c.expect("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private static void assertStillOpen(RawClient c) throws Exception {
        c.send("{\"type\":\"ping\",\"id\":\"alive\"}");
        assertThat(c.expect("pong").get("id").asText()).isEqualTo("alive");
    }

    @Test
    void malformedFramesGetBadMessageAndTheConnectionStays() throws Exception {
        start(testConfig());
        Bystanders others = new Bystanders();
        RawClient bad = connect();
        String[] frames = {
            "not json", "[1,2,3]", "{\"no\":\"type\"}", "{\"type\":42}",
            "{\"type\":\"join\",\"room\":123,\"name\":\"x\"}",
            "{\"type\":\"join\",\"name\":\"x\"}",
            "{\"type\":\"create\",\"name\":\"x\",\"capacity\":\"four\"}",
            "{\"type\":\"create\"}",
            "{\"type\":\"offer\",\"to\":\"" + others.bId + "\"}",
            "{\"type\":\"candidate\",\"to\":\"" + others.bId + "\"}",
            "{\"type\":\"join\",\"room\":\"abc\",\"name\":\"\\ud800\"}",
            "{\"type\":\"ping\",\"id\":{\"nested\":true}}",
        };
        for (String frame : frames) {
            bad.send(frame);
            assertError(bad, "BAD_MESSAGE");
        }
        bad.send("{\"type\":\"teleport\",\"to\":\"moon\"}");
        JsonNode unknown = bad.expect("error");
        assertThat(unknown.get("code").asText()).isEqualTo("UNKNOWN_TYPE");
        assertThat(unknown.get("ref").asText()).isEqualTo("teleport");
        assertStillOpen(bad);
        others.stillRelay();
        // A malformed relay never reached the bystander.
        assertThat(others.b.received).isEmpty();
    }

    @Test
    void aOneMebibyteFrameIsTooLargeAndDroppedButTheConnectionStays() throws Exception {
        start(testConfig());
        Bystanders others = new Bystanders();
        RawClient big = connect();
        String huge = "{\"type\":\"offer\",\"to\":\"" + others.bId + "\",\"sdp\":\"" + "a".repeat(1 << 20) + "\"}";
        big.send(huge);
        assertError(big, "TOO_LARGE");
        assertStillOpen(big);
        // Just under the limit still passes.
        big.send("{\"type\":\"ping\",\"id\":\"" + "x".repeat(10) + "\",\"pad\":\"" + "p".repeat(60_000) + "\"}");
        assertThat(big.expect("pong").get("id").asText()).hasSize(10);
        others.stillRelay();
        assertThat(others.b.received).isEmpty();
    }

    @Test
    void aFrameFarBeyondAnyLimitClosesTheConnection() throws Exception {
        start(testConfig().hardCloseBytes(2 * 1024 * 1024));
        Bystanders others = new Bystanders();
        RawClient huge = connect();
        huge.sendAsync("\"" + "z".repeat(3 * 1024 * 1024) + "\"");
        assertThat(huge.closed.get(10, TimeUnit.SECONDS)).isIn(1009, -1);
        others.stillRelay();
    }

    @Test
    void aBurstOfAThousandMessagesIsRateLimitedThenDisconnected() throws Exception {
        start(testConfig());
        Bystanders others = new Bystanders();
        RawClient flood = connect();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < 1000; i++) {
            String ping = "{\"type\":\"ping\",\"id\":" + i + "}";
            chain = chain.thenCompose(x -> flood.sendAsync(ping)).exceptionally(e -> null);
        }
        sends.add(chain);
        assertThat(flood.closed.get(10, TimeUnit.SECONDS)).isIn(1008, -1);
        int pongs = 0;
        boolean limited = false;
        for (JsonNode m : flood.received) {
            if (m.get("type").asText().equals("pong")) {
                pongs++;
            } else if (m.get("type").asText().equals("error")) {
                assertThat(m.get("code").asText()).isEqualTo("RATE_LIMITED");
                limited = true;
            }
        }
        assertThat(limited).isTrue();
        assertThat(pongs).isBetween(50, 200);
        others.stillRelay();
    }

    @Test
    void unicodeEdgeCasesReachThePeerIntact() throws Exception {
        start(testConfig());
        RawClient a = connect();
        a.send("{\"type\":\"create\",\"name\":\"\\uD83D\\uDC69\\u200D\\uD83D\\uDCBB Zoë\"}");
        String room = a.expect("created").get("room").asText();
        a.expect("joined");
        RawClient b = connect();
        // Right-to-left text, a combining accent and a BOM-like character in a name; full-width room code.
        StringBuilder fullWidth = new StringBuilder();
        for (char ch : room.toUpperCase().toCharArray()) {
            fullWidth.append(Character.isLetterOrDigit(ch) ? (char) (ch - 0x20 + 0xFF00) : ch);
        }
        b.send("{\"type\":\"join\",\"room\":\"" + fullWidth + "\",\"name\":\"مرحبا e\\u0301 \\uFEFF\"}");
        JsonNode joined = b.expect("joined");
        assertThat(joined.get("peers").get(0).get("name").asText()).isEqualTo("\uD83D\uDC69\u200D\uD83D\uDCBB Zoë");
        JsonNode announced = a.expect("peer-joined");
        assertThat(announced.get("peer").get("name").asText()).isEqualTo("مرحبا e\u0301 \uFEFF".strip());
        String aId = joined.get("peers").get(0).get("peerId").asText();
        String sdp = "v=0\\r\\ns=\\u00e9\\u4e2d\\ud83d\\ude00\\u0000";
        b.send("{\"type\":\"offer\",\"to\":\"" + aId + "\",\"sdp\":\"" + sdp + "\"}");
        assertThat(a.expect("offer").get("sdp").asText()).isEqualTo("v=0\r\ns=é中😀\u0000");
        b.send("{\"type\":\"offer\",\"to\":\"" + aId + "\",\"sdp\":\"broken \\udc00 surrogate\"}");
        assertError(b, "BAD_MESSAGE");
    }

    @Test
    void aClientThatSaysNothingIsClosed() throws Exception {
        start(testConfig().joinTimeout(Duration.ofMillis(400)).idleTimeout(Duration.ofMillis(800)));
        RawClient silent = connect();
        long t0 = System.nanoTime();
        assertThat(silent.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));

        // Joined but silent: the idle timeout applies, and the room hears that it left.
        RawClient a = connect();
        RawClient quiet = connect();
        a.send("{\"type\":\"create\",\"name\":\"A\"}");
        String room = a.expect("created").get("room").asText();
        a.expect("joined");
        quiet.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"Q\"}");
        String quietId = quiet.expect("joined").get("peerId").asText();
        a.expect("peer-joined");
        CompletableFuture<Void> keepAlive = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 15; i++) {
                    a.send("{\"type\":\"ping\"}");
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(quiet.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(a.await("peer-left", Duration.ofSeconds(3)).get("peerId").asText()).isEqualTo(quietId);
        keepAlive.get(5, TimeUnit.SECONDS);
        assertThat(a.closed).isNotDone();
    }

    @Test
    void aDroppedPeerIsAnnouncedAsLeftWithinTwoSeconds() throws Exception {
        start(testConfig());
        RawClient a = connect();
        RawClient b = connect();
        a.send("{\"type\":\"create\",\"name\":\"A\"}");
        String room = a.expect("created").get("room").asText();
        a.expect("joined");
        b.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"B\"}");
        String bId = b.expect("joined").get("peerId").asText();
        a.expect("peer-joined");
        long t0 = System.nanoTime();
        b.abort();
        JsonNode left = a.await("peer-left", Duration.ofSeconds(2));
        assertThat(left.get("peerId").asText()).isEqualTo(bId);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void connectionsBeyondTheLimitAreToldTheServerIsBusy() throws Exception {
        start(testConfig().maxConnections(2));
        RawClient one = connect();
        RawClient two = connect();
        RawClient three = connect();
        assertError(three, "SERVER_BUSY");
        assertThat(three.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1013);
        assertStillOpen(one);
        assertStillOpen(two);
        one.close();
        ServerFixture.eventually(Duration.ofSeconds(5), () -> server.connectionCount() == 1, "one slot frees up");
        RawClient four = connect();
        assertStillOpen(four);
    }

    @Test
    void aClientThatStopsReadingIsDroppedBeforeItCostsTheServerMemory() throws Exception {
        start(testConfig().maxQueuedBytesPerConnection(256 * 1024).rateLimit(10_000, 10_000));
        RawClient sender = connect();
        sender.send("{\"type\":\"create\",\"name\":\"Sender\"}");
        String room = sender.expect("created").get("room").asText();
        sender.expect("joined");
        RawClient stuck = new RawClient(server.url(), false);
        clients.add(stuck);
        stuck.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"Stuck\"}");
        String stuckId = sender.expect("peer-joined").get("peer").get("peerId").asText();

        String offer = "{\"type\":\"offer\",\"to\":\"" + stuckId + "\",\"sdp\":\"" + "s".repeat(60_000) + "\"}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean dropped = false;
        while (!dropped && System.nanoTime() < deadline) {
            sender.send(offer);
            JsonNode m = sender.received.poll();
            while (m != null) {
                if (m.get("type").asText().equals("peer-left")) {
                    dropped = true;
                }
                m = sender.received.poll();
            }
        }
        assertThat(dropped).as("the stuck reader was dropped and its room told").isTrue();
        sender.send("{\"type\":\"ping\",\"id\":\"after\"}");
        assertThat(sender.await("pong", Duration.ofSeconds(5)).get("id").asText()).isEqualTo("after");
    }

    @Test
    void passwordGuessingIsSlowedButTheGuesserStaysConnected() throws Exception {
        start(testConfig());
        RawClient owner = connect();
        owner.send("{\"type\":\"create\",\"name\":\"Owner\",\"password\":\"right\"}");
        String room = owner.expect("created").get("room").asText();
        owner.expect("joined");
        RawClient guesser = connect();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            guesser.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"G\",\"password\":\"guess" + i + "\"}");
            codes.add(guesser.expect("error").get("code").asText());
        }
        assertThat(codes.subList(0, 3)).containsOnly("UNAUTHORIZED");
        assertThat(codes.subList(3, 6)).contains("RATE_LIMITED");
        assertStillOpen(guesser);
        Thread.sleep(1_100);
        guesser.send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"G\",\"password\":\"right\"}");
        assertThat(guesser.expect("joined").get("peers")).hasSize(1);
    }
}
