package dev.parley.app.room;

import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import dev.parley.signaling.server.SignalingServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the signaling server to use. A configured server is used as it is. With the default, a Parley
 * server already on this machine (another Parley window, say) is shared; if none answers, one is started
 * in-process on 127.0.0.1:8787 or the next free port, so two windows on one machine meet with no setup.
 */
public final class SignalingServerLocator {

    public static final URI DEFAULT_URI = URI.create("ws://127.0.0.1:" + ServerConfig.DEFAULT_PORT + "/signal");
    static final int PORTS_TO_TRY = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServerLocator.class);

    private final int basePort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(700)).build();

    public SignalingServerLocator() {
        this(ServerConfig.DEFAULT_PORT);
    }

    SignalingServerLocator(int basePort) {
        this.basePort = basePort;
    }

    /** Where to connect, and the embedded server to close on exit if one was started. */
    public record Located(URI uri, SignalingServer embedded) {
        public boolean isEmbedded() {
            return embedded != null;
        }
    }

    public Located locate(URI configured) {
        if (configured != null && !configured.equals(DEFAULT_URI)) {
            return new Located(configured, null);
        }
        for (int port = basePort; port < basePort + PORTS_TO_TRY; port++) {
            switch (probe(port)) {
                case PARLEY:
                    LOG.info("Using the Parley signaling server already running on port {}", port);
                    return new Located(URI.create("ws://127.0.0.1:" + port + "/signal"), null);
                case NOTHING:
                    try {
                        SignalingServer server = new SignalingServer(
                                ServerConfig.builder().host("127.0.0.1").port(port).build()).start();
                        LOG.info("Started the embedded signaling server on port {}", port);
                        return new Located(URI.create(server.url()), server);
                    } catch (SignalingServerException e) {
                        // Another program took the port between the probe and the bind; maybe it is Parley.
                        if (probe(port) == Probe.PARLEY) {
                            return new Located(URI.create("ws://127.0.0.1:" + port + "/signal"), null);
                        }
                    }
                    break;
                default:
                    LOG.info("Port {} is used by another program; trying the next one", port);
            }
        }
        throw new SignalingServerException("Could not start a signaling server on ports " + basePort + " to "
                + (basePort + PORTS_TO_TRY - 1) + ": they are all in use by other programs.", null);
    }

    enum Probe { PARLEY, NOTHING, SOMETHING_ELSE }

    Probe probe(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofMillis(1_500)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && response.body().contains("\"service\":\"" + SignalingServer.SERVICE_NAME + "\"")
                    ? Probe.PARLEY : Probe.SOMETHING_ELSE;
        } catch (ConnectException e) {
            return Probe.NOTHING;
        } catch (HttpTimeoutException e) {
            return Probe.SOMETHING_ELSE;
        } catch (IOException e) {
            // Something listens but does not speak HTTP/1.1 as expected.
            return Probe.SOMETHING_ELSE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.SOMETHING_ELSE;
        }
    }
}
