package dev.parley.bench.signaling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link BenchServerMain} child JVM on this JVM's classpath. Stopped by closing its stdin, and if that
 * is not enough, through its own {@link Process} handle (never by name).
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(String maxHeap, int maxConnections, int maxRooms) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + maxHeap, "-Xms64m"));
        // For diagnosis, e.g. BENCH_SERVER_JAVA_OPTS=-Xlog:gc:file=/tmp/server-gc.log
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServerMain.class.getName(),
                "--max-connections", Integer.toString(maxConnections),
                "--max-rooms", Integer.toString(maxRooms)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new ServerProcess(p, readPort(p, Duration.ofSeconds(30)));
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static int readPort(Process p, Duration timeout) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    if (l.startsWith(BenchServerMain.PORT_LINE_PREFIX)) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String l = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (l == null) {
                throw new IOException("The server process ended before it was listening (exit "
                        + (p.isAlive() ? "?" : Integer.toString(p.exitValue())) + ").");
            }
            return Integer.parseInt(l.substring(BenchServerMain.PORT_LINE_PREFIX.length()).trim());
        } catch (TimeoutException e) {
            throw new IOException("The server process did not report its port within " + timeout.toSeconds() + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the server.", e);
        } catch (ExecutionException e) {
            throw new IOException("Cannot read the server's port.", e.getCause());
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    URI signalUri() {
        return URI.create("ws://127.0.0.1:" + port + "/signal");
    }

    ServerHealth health() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("healthz answered " + response.statusCode());
        }
        return ServerHealth.parse(response.body());
    }

    /** Closes the child's stdin so it stops itself; falls back to signals on its handle. Bounded in time. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: the process is on its way out.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
