package dev.parley.app.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignalingServerLocatorTest {

    /** A run of free ports, so tests do not collide with a Parley the developer has open on 8787. */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                base = probe.getLocalPort();
            }
            if (base + SignalingServerLocator.PORTS_TO_TRY > 65535) {
                continue;
            }
            boolean allFree = true;
            for (int p = base; p < base + 3 && allFree; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    allFree = true;
                } catch (IOException e) {
                    allFree = false;
                }
            }
            if (allFree) {
                return base;
            }
        }
        throw new IllegalStateException("no run of free ports");
    }

    @Test
    void aConfiguredServerIsUsedAsItIs() {
        URI remote = URI.create("wss://signal.example.org/signal");
        SignalingServerLocator.Located located = new SignalingServerLocator(1).locate(remote);
        assertThat(located.uri()).isEqualTo(remote);
        assertThat(located.isEmbedded()).isFalse();
    }

    @Test
    void withNothingRunningAnEmbeddedServerStartsAndASecondWindowSharesIt() throws Exception {
        int base = freeBasePort();
        SignalingServerLocator.Located first = new SignalingServerLocator(base).locate(SignalingServerLocator.DEFAULT_URI);
        try {
            assertThat(first.isEmbedded()).isTrue();
            assertThat(first.uri()).isEqualTo(URI.create("ws://127.0.0.1:" + base + "/signal"));
            SignalingServerLocator.Located second = new SignalingServerLocator(base).locate(SignalingServerLocator.DEFAULT_URI);
            assertThat(second.isEmbedded()).isFalse();
            assertThat(second.uri()).isEqualTo(first.uri());
        } finally {
            first.embedded().close();
        }
    }

    @Test
    void aPortHeldByAnotherProgramIsSkipped() throws Exception {
        int base = freeBasePort();
        try (ServerSocket squatter = new ServerSocket(base, 50, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> {
                while (!squatter.isClosed()) {
                    try (Socket s = squatter.accept(); OutputStream out = s.getOutputStream()) {
                        s.getInputStream().read(new byte[1024]);
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            responder.setDaemon(true);
            responder.start();
            SignalingServerLocator.Located located = new SignalingServerLocator(base).locate(SignalingServerLocator.DEFAULT_URI);
            try {
                assertThat(located.isEmbedded()).isTrue();
                assertThat(located.uri().getPort()).isEqualTo(base + 1);
            } finally {
                located.embedded().close();
            }
        }
    }

    @Test
    void aParleyServerOnTheBasePortIsRecognised() throws Exception {
        int base = freeBasePort();
        try (SignalingServer running = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(base).build()).start()) {
            SignalingServerLocator locator = new SignalingServerLocator(base);
            assertThat(locator.probe(base)).isEqualTo(SignalingServerLocator.Probe.PARLEY);
            assertThat(locator.probe(base + 1)).isEqualTo(SignalingServerLocator.Probe.NOTHING);
            assertThat(locator.locate(SignalingServerLocator.DEFAULT_URI).isEmbedded()).isFalse();
        }
    }
}
