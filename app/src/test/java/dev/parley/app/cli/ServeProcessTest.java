package dev.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.Main;
import dev.parley.signaling.client.SignalingClient;
import dev.parley.signaling.client.SignalingListener;
import dev.parley.signaling.protocol.ServerMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code parley serve} as its own process: it listens, answers /healthz, hosts rooms, and stops on a signal. */
class ServeProcessTest {

    @Test
    void serveRunsAStandaloneServerUntilStopped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--host", "127.0.0.1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (Exception e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(line).contains("listening on ws://127.0.0.1:");
            Matcher m = Pattern.compile("ws://127\\.0\\.0\\.1:(\\d+)/signal").matcher(line);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"service\":\"parley-signaling\"");

            CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
            try (SignalingClient client = new SignalingClient(URI.create(m.group()), new SignalingListener() {
                @Override
                public void onJoined(ServerMessage.Joined j, boolean rejoined) {
                    joined.complete(j);
                }
            })) {
                client.connect().get(5, TimeUnit.SECONDS);
                client.createRoom("Headless", null, null);
                assertThat(joined.get(5, TimeUnit.SECONDS).room()).matches("[0-9a-z]{5}-[0-9a-z]{5}");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
    }
}
