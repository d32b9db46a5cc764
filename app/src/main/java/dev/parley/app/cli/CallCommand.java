package dev.parley.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parley.app.call.HeadlessCall;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.media.VideoSource;
import dev.parley.rtc.media.synthetic.SyntheticVideoSource;
import dev.parley.rtc.media.synthetic.ToneSource;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley call}: a participant without a window, for demos, bots and tests. Joins (or with {@code --create}
 * makes) a room, sends a test pattern and a tone, stays for the duration, then writes what it received from each
 * person and exits 0.
 */
@Command(name = "call", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Joins a room headless, sends a test pattern and a tone, and reports what it received.")
public final class CallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--room", paramLabel = "CODE", description = "The room to join.")
    String room;

    @Option(names = "--create", description = "Make a new room and print its code first.")
    boolean create;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "ws://127.0.0.1:8787/signal",
            description = "Signaling server (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--name", paramLabel = "N", defaultValue = "Parley bot",
            description = "The name others see (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--video", paramLabel = "pattern|none", defaultValue = "pattern",
            description = "What to send as video: the moving test pattern, or nothing (default: ${DEFAULT-VALUE}).")
    String video;

    @Option(names = "--audio", paramLabel = "tone|none", defaultValue = "tone",
            description = "What to send as audio: a 440 Hz tone, or nothing (default: ${DEFAULT-VALUE}).")
    String audio;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to stay, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--stats-json", paramLabel = "FILE",
            description = "Write the final per-person stats to this file as JSON.")
    Path statsJson;

    @Option(names = "--relay-only", description = "Connect only through a TURN relay (hides your IP address).")
    boolean relayOnly;

    @Override
    public Integer call() throws Exception {
        if (create == (room != null)) {
            throw new ParameterException(spec.commandLine(), "Give either --room CODE or --create.");
        }
        PrintWriter out = spec.commandLine().getOut();
        VideoSource videoSource = switch (video) {
            case "pattern" -> SyntheticVideoSource.vga30();
            case "none" -> null;
            default -> throw new ParameterException(spec.commandLine(),
                    "--video is 'pattern' or 'none' (a camera needs the desktop app).");
        };
        AudioSource audioSource = switch (audio) {
            case "tone" -> new ToneSource(440, 0.3);
            case "none" -> null;
            default -> throw new ParameterException(spec.commandLine(),
                    "--audio is 'tone' or 'none' (a microphone needs the desktop app).");
        };
        try (HeadlessCall call = new HeadlessCall(server, videoSource, audioSource, relayOnly, line -> {
            out.println(line);
            out.flush();
        })) {
            Duration timeout = Duration.ofSeconds(10);
            String code = create ? call.create(name, timeout) : call.join(room, name, timeout);
            if (create) {
                out.println(code);
            }
            out.println("In room " + code + " as " + name + " for " + duration.toSeconds() + " s.");
            out.flush();
            Thread.sleep(duration.toMillis());
            call.collectStats();
            List<Map<String, Object>> peers = call.report();
            for (Map<String, Object> p : peers) {
                out.println(p.get("name") + ": " + p.get("framesDecoded") + " frames decoded, "
                        + p.get("audioSamples") + " audio samples.");
            }
            if (statsJson != null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("room", code);
                doc.put("name", name);
                doc.put("durationSeconds", duration.toMillis() / 1000.0);
                doc.put("peers", peers);
                Path parent = statsJson.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(statsJson.toFile(), doc);
            }
            out.flush();
            return 0;
        } finally {
            if (videoSource instanceof AutoCloseable c) {
                c.close();
            }
            if (audioSource instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
