package dev.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Two headless participants ({@code parley call}) meet in a room and report what they received. */
class CallCommandTest {

    @TempDir
    Path dir;

    @Test
    void aCreatorAndAJoinerSeeAndHearEachOtherAndWriteTheirStats() throws Exception {
        try (SignalingServer server = new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0)
                .passwordIterations(1_000).build()).start()) {
            StringWriter creatorOut = new StringWriter();
            // Its own thread: the command sleeps for its duration, and on a 2-core machine the common pool has one
            // thread, which the signaling clients' callbacks need too.
            ExecutorService creatorThread = Executors.newSingleThreadExecutor();
            CompletableFuture<Integer> creator = CompletableFuture.supplyAsync(() -> run(creatorOut,
                    "call", "--create", "--server", server.url(), "--name", "Ana", "--duration", "12s",
                    "--stats-json", dir.resolve("ana.json").toString()), creatorThread);
            creatorThread.shutdown();
            String code = awaitCode(creatorOut);
            StringWriter joinerOut = new StringWriter();
            int joined = run(joinerOut, "call", "--room", code, "--server", server.url(), "--name", "Ben",
                    "--duration", "8s", "--stats-json", dir.resolve("ben.json").toString());
            assertThat(joined).as(joinerOut.toString()).isZero();
            assertThat(creator.get(30, TimeUnit.SECONDS)).as(creatorOut.toString()).isZero();

            JsonNode ben = new ObjectMapper().readTree(dir.resolve("ben.json").toFile());
            assertThat(ben.get("room").asText()).isEqualTo(code);
            JsonNode fromAna = ben.get("peers").get(0);
            String report = ben.toPrettyString() + "\n" + joinerOut;
            assertThat(fromAna.get("name").asText()).isEqualTo("Ana");
            // Video decoded: how much is MeshCallTest's business (after warm-up; here the codecs may still run
            // interpreted in a cold JVM, so a few seconds carry only a few frames).
            assertThat(fromAna.get("framesDecoded").asLong()).as("video decoded: %s", report).isPositive();
            assertThat(fromAna.get("audibleSamples").asLong()).as(report).isGreaterThan(48_000);
            assertThat(fromAna.get("localCandidateType").asText()).isEqualTo("host");
            assertThat(fromAna.has("rttMillis")).isTrue();
            assertThat(joinerOut.toString()).contains("Ana: ").contains("frames decoded");

            JsonNode ana = new ObjectMapper().readTree(dir.resolve("ana.json").toFile());
            JsonNode fromBen = ana.get("peers").get(0);
            assertThat(fromBen.get("name").asText()).isEqualTo("Ben");
            assertThat(fromBen.get("framesDecoded").asLong()).isPositive();
            assertThat(creatorOut.toString()).contains("Ben is in the room.").contains("Ben left.");
        }
    }

    @Test
    void badArgumentsAreExplainedNotThrown() {
        StringWriter err = new StringWriter();
        CommandLine cli = ParleyCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("call", "--duration", "soon")).isNotZero();
        assertThat(err.toString()).contains("not a duration");
        assertThat(cli.execute("call")).isNotZero();
        assertThat(err.toString()).contains("Give either --room CODE or --create");
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = ParleyCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private static String awaitCode(StringWriter out) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (String line : out.toString().split("\\R")) {
                if (line.matches("[0-9a-z]{5}-[0-9a-z]{5}")) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no room code printed: " + out);
    }
}
