package dev.parley.signaling.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.signaling.protocol.IceCandidateInit;
import dev.parley.signaling.protocol.ServerMessage;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import dev.parley.signaling.server.SignalingServerException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What an operator relies on: /healthz, wss with a PKCS#12 keystore, clear start failures, and quiet logs. */
class ServerOperationsTest {

    private static ServerConfig.Builder config() {
        return ServerConfig.builder().host("127.0.0.1").port(0).passwordIterations(1_000);
    }

    @Test
    void healthzReportsAParleyServerAndItsCounts() throws Exception {
        try (SignalingServer server = new SignalingServer(config().build()).start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("content-type")).hasValueSatisfying(v -> v.startsWith("application/json"));
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("service").asText()).isEqualTo(SignalingServer.SERVICE_NAME);
            assertThat(body.get("connections").asInt()).isZero();
            assertThat(body.get("heapUsedBytes").asLong()).isPositive();

            RecordingListener l = new RecordingListener();
            try (SignalingClient c = new SignalingClient(URI.create(server.url()), l)) {
                c.connect().get(5, TimeUnit.SECONDS);
                c.createRoom("Ada", null, null);
                l.await("joined");
                JsonNode during = new ObjectMapper().readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(during.get("connections").asInt()).isEqualTo(1);
                assertThat(during.get("rooms").asInt()).isEqualTo(1);
            }
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/other")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/signal")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isBetween(400, 499);
        }
    }

    @Test
    void servesWssFromAPkcs12Keystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "parley", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        try (SignalingServer server = new SignalingServer(config().tls(keystore, "changeit").build()).start()) {
            assertThat(server.url()).startsWith("wss://127.0.0.1:");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);

            RecordingListener l = new RecordingListener();
            try (SignalingClient c = new SignalingClient(URI.create(server.url()), l,
                    ClientOptions.defaults().withSslContext(tls))) {
                c.connect().get(10, TimeUnit.SECONDS);
                c.createRoom("Secure", null, null);
                assertThat(((ServerMessage.Joined) l.await("joined").a()).peers()).isEmpty();
            }

            // A client that does not trust the certificate is told so in words.
            try (SignalingClient untrusting = new SignalingClient(URI.create(server.url()), new RecordingListener())) {
                Throwable failure = untrusting.connect().handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
                assertThat(failure).hasCauseInstanceOf(SignalingException.class);
                assertThat(failure.getCause().getMessage()).contains("certificate");
            }
        }
    }

    @Test
    void aTakenPortIsReportedPlainly() {
        try (SignalingServer first = new SignalingServer(config().build()).start()) {
            SignalingServer second = new SignalingServer(config().port(first.port()).build());
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(second::start);
            assertThat(failure).isInstanceOf(SignalingServerException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void logsHoldNoSdpNoCandidatesAndNoPasswords() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String secretSdp = "v=0 SDP-MARKER-7731";
        String secretIp = "203.0.113.77";
        String secretPassword = "PASSWORD-MARKER-5521";
        try (SignalingServer server = new SignalingServer(config().build()).start()) {
            RecordingListener a = new RecordingListener();
            RecordingListener b = new RecordingListener();
            try (SignalingClient ca = new SignalingClient(URI.create(server.url()), a);
                 SignalingClient cb = new SignalingClient(URI.create(server.url()), b)) {
                ca.connect().get(5, TimeUnit.SECONDS);
                cb.connect().get(5, TimeUnit.SECONDS);
                ca.createRoom("A", secretPassword, null);
                ServerMessage.Joined room = (ServerMessage.Joined) a.await("joined").a();
                cb.joinRoom(room.room(), "B", "wrong-" + secretPassword);
                b.await("error");
                cb.joinRoom(room.room(), "B", secretPassword);
                ServerMessage.Joined joined = (ServerMessage.Joined) b.await("joined").a();
                // A refused relay carrying the secrets must not be echoed into the logs either.
                cb.send(new dev.parley.signaling.protocol.ClientMessage.Offer("nobody", secretSdp));
                b.await("error");
                cb.sendOffer(room.peerId(), secretSdp);
                ca.sendAnswer(joined.peerId(), secretSdp);
                ca.sendCandidate(joined.peerId(),
                        new IceCandidateInit("candidate:1 1 udp 1 " + secretIp + " 9 typ host", "0", 0));
                a.await("offer", Duration.ofSeconds(5));
                b.await("candidate");
            }
        } finally {
            root.detachAppender(captured);
        }
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain("SDP-MARKER", secretIp, "PASSWORD-MARKER");
        }
    }
}
