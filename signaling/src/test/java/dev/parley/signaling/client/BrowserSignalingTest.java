package dev.parley.signaling.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.PeerInfo;
import dev.parley.signaling.protocol.ServerMessage;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page in headless Chromium speaks signaling-v1 with plain {@code WebSocket} and {@code JSON.stringify}: it joins
 * the room a Parley client made, offers, trickles (including end-of-candidates) and leaves.
 */
class BrowserSignalingTest {

    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

    @Test
    void aBrowserPageMeetsAParleyClientInARoom(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium is not installed (apt-get install chromium; .ci/run does this)");
        try (SignalingServer server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0).build())
                .start()) {
            RecordingListener parley = new RecordingListener();
            try (SignalingClient client = new SignalingClient(URI.create(server.url()), parley)) {
                client.connect().get(5, TimeUnit.SECONDS);
                client.createRoom("Parley", null, null);
                String room = ((ServerMessage.Joined) parley.await("joined").a()).room();

                Path page = dir.resolve("browser-peer.html");
                try (InputStream in = getClass().getResourceAsStream("browser-peer.html")) {
                    Files.write(page, in.readAllBytes());
                }
                String url = page.toUri() + "?server=" + URLEncoder.encode(server.url(), StandardCharsets.UTF_8)
                        + "&room=" + URLEncoder.encode(room.toUpperCase(), StandardCharsets.UTF_8);
                Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
                        "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
                        url).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
                try {
                    PeerInfo browser = (PeerInfo) parley.await("peer-joined", Duration.ofSeconds(20)).a();
                    assertThat(browser.name()).isEqualTo("Brøwser 🌐");
                    RecordingListener.Event offer = parley.await("offer", Duration.ofSeconds(5));
                    assertThat(offer.a()).isEqualTo(browser.peerId());
                    assertThat((String) offer.b()).startsWith("v=0 offer from Mozilla");
                    RecordingListener.Event candidate = parley.await("candidate");
                    assertThat(candidate.b()).isEqualTo(
                            new IceCandidateInit("candidate:1 1 udp 1 192.0.2.9 9 typ host", "0", 0));
                    assertThat(parley.await("candidate").b()).as("end-of-candidates as null").isNull();

                    client.sendAnswer(browser.peerId(), "v=0 answer");
                    assertThat(parley.await("peer-left", Duration.ofSeconds(5)).a()).isEqualTo(browser.peerId());
                } finally {
                    chromium.destroy();
                    if (!chromium.waitFor(5, TimeUnit.SECONDS)) {
                        chromium.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }
}
