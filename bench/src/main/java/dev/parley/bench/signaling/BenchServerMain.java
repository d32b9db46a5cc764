package dev.parley.bench.signaling;

import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The signaling server as its own JVM for {@link SignalingBench}, so that the server's heap, threads and
 * CPU are not mixed with those of 5,000 clients. Loopback only, port chosen by the OS.
 *
 * <p>Protocol with the parent: one line {@code PORT <n>} on stdout once listening, then it serves until
 * its stdin reaches end of file. Tying its life to that pipe means it also ends when the parent dies.
 */
public final class BenchServerMain {

    static final String PORT_LINE_PREFIX = "PORT ";

    private BenchServerMain() {
    }

    public static void main(String[] args) throws IOException {
        int maxConnections = intArg(args, "--max-connections", 10_000);
        int maxRooms = intArg(args, "--max-rooms", 5_000);
        // The protocol's per-connection limits stay at their defaults: the benchmark must live within them.
        int perSecond = intArg(args, "--rate-limit", 50);
        int burst = intArg(args, "--burst", 100);

        SignalingServer server = new SignalingServer(ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .maxConnections(maxConnections)
                .maxRooms(maxRooms)
                .rateLimit(perSecond, burst)
                .build()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-server-stop"));

        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(PORT_LINE_PREFIX + server.port());

        while (System.in.read() >= 0) {
            // The parent never writes; we only wait for end of file.
        }
        System.exit(0);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
