package dev.parley.rtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.rtc.peer.IceCandidate;
import dev.parley.rtc.peer.PeerConnection;
import dev.parley.rtc.peer.PeerConnectionListener;
import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RtcConfiguration;
import dev.parley.rtc.peer.SessionDescription;
import dev.parley.rtc.srtp.SrtpError;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser: headless Chromium (Debian's package, installed by .ci/run) answers Parley's offer from a page on
 * loopback. Chromium is then the DTLS client, so Parley's DTLS 1.2 server meets its real ClientHello (DTLS 1.3
 * offered, post-quantum key share, fragmented over two datagrams, shared/interop/INTEROP.md), and Parley decrypts
 * the Opus RTP of Chromium's fake microphone.
 */
class ChromiumInteropTest {

    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");

    @Test
    void chromiumAnswersParleyAndItsAudioArrives(@TempDir Path profile) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium is not installed (apt-get install chromium; .ci/run does this)");
        BlockingQueue<String> parleyCandidates = new LinkedBlockingQueue<>();
        List<String> browserLog = new CopyOnWriteArrayList<>();
        BlockingQueue<PeerConnectionState> states = new LinkedBlockingQueue<>();
        AtomicInteger opus = new AtomicInteger();

        try (PeerConnection parley = new PeerConnection(RtcConfiguration.loopback())) {
            parley.addTrack("audio");
            parley.addListener(new PeerConnectionListener() {
                @Override
                public void onIceCandidate(IceCandidate candidate) {
                    if (!candidate.isEndOfCandidates()) {
                        parleyCandidates.add(candidate.candidate());
                    }
                }

                @Override
                public void onConnectionStateChange(PeerConnectionState state) {
                    states.add(state);
                }

                @Override
                public void onRtp(byte[] buffer, int offset, int length) {
                    if ((buffer[offset + 1] & 0x7f) == 111) {
                        opus.incrementAndGet();
                    }
                }
            });
            SessionDescription offer = parley.createOffer().get(5, TimeUnit.SECONDS);
            parley.setLocalDescription(offer).get(5, TimeUnit.SECONDS);

            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] page;
            try (InputStream in = getClass().getResourceAsStream("chromium-peer.html")) {
                page = in.readAllBytes();
            }
            http.createContext("/", x -> respond(x, page, "text/html"));
            http.createContext("/offer", x -> respond(x, offer.sdp().getBytes(StandardCharsets.UTF_8), "text/plain"));
            http.createContext("/answer", x -> {
                String answer = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                parley.setRemoteDescription(new SessionDescription(SessionDescription.Type.ANSWER, answer));
                respond(x, new byte[0], "text/plain");
            });
            http.createContext("/candidates", x -> {
                StringBuilder lines = new StringBuilder();
                String line;
                while ((line = parleyCandidates.poll()) != null) {
                    lines.append(line).append('\n');
                }
                respond(x, lines.toString().getBytes(StandardCharsets.UTF_8), "text/plain");
            });
            http.createContext("/log", x -> {
                browserLog.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                respond(x, new byte[0], "text/plain");
            });
            http.start();
            Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--allow-loopback-in-peer-connection",
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/")
                    .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                PeerConnectionState s;
                do {
                    s = states.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } while (s != null && s != PeerConnectionState.CONNECTED && s != PeerConnectionState.FAILED);
                assertThat(s).as("Parley connected to Chromium; browser said " + browserLog)
                        .isEqualTo(PeerConnectionState.CONNECTED);
                while (opus.get() < 25 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(opus.get()).as("Opus RTP from Chromium decrypted").isGreaterThanOrEqualTo(25);
                assertThat(parley.rejectedPackets(SrtpError.AUTH_FAILED)).isZero();
                assertThat(parley.srtpProfile()).isPresent();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!browserLog.contains("state connected") && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(browserLog).as("Chromium's own connection state").contains("state connected");
            } finally {
                // Chromium's helper processes (renderer, GPU, crashpad) can outlive the browser for a moment and
                // still write to the profile: end and wait for all of them before the profile is deleted.
                List<ProcessHandle> helpers = chromium.descendants().toList();
                chromium.destroy();
                if (!chromium.waitFor(5, TimeUnit.SECONDS)) {
                    chromium.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                for (ProcessHandle helper : helpers) {
                    helper.destroy();
                    try {
                        helper.onExit().get(5, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        helper.destroyForcibly();
                        helper.onExit().get(5, TimeUnit.SECONDS);
                    }
                }
                http.stop(0);
            }
        }
    }

    private static void respond(HttpExchange exchange, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
