package dev.parley.capture.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A machine without a sound card, in a child JVM whose ALSA configuration (test resource asound-none.conf) defines no
 * device: Java Sound sees no line, and Parley lists no microphone or speaker and opens none, without an exception.
 */
class NoSoundCardTest {

    @Test
    void noDevicesAreListedAndOpeningSaysSo() throws Exception {
        Path config = Path.of(NoSoundCardTest.class.getResource("/asound-none.conf").toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), NoSoundCardProbe.class.getName());
        builder.environment().put("ALSA_CONFIG_PATH", config.toString());
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process child = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = child.getInputStream()) {
                in.transferTo(output);
            } catch (java.io.IOException e) {
                // The child died; its exit code tells.
            }
        });
        reader.start();
        boolean ended = child.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(ended).as("child ended in time; output: %s", text).isTrue();
        assertThat(child.exitValue()).as(text).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(15.0);

        Map<String, String> report = new HashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                report.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(report).as(text).containsKeys("javaSoundCapture", "microphones", "speakers", "microphone",
                "speaker", "listMillis");
        // The configuration really hides every device from Java Sound ...
        assertThat(report.get("javaSoundCapture")).isEqualTo("none");
        assertThat(report.get("javaSoundMixers")).isEqualTo("0");
        // ... and Parley reports "no device" plainly.
        assertThat(report.get("microphones")).isEqualTo("0");
        assertThat(report.get("speakers")).isEqualTo("0");
        assertThat(report.get("microphone")).isEqualTo("NO_MICROPHONE");
        assertThat(report.get("speaker")).isEqualTo("NO_SPEAKER");
        assertThat(report.get("microphoneMessage")).startsWith("No microphone found.");
        assertThat(Long.parseLong(report.get("listMillis"))).isLessThan(SoundDevices.LIST_TIMEOUT_MS);
        assertThat(List.of(text.split("\\R"))).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
    }
}
