package dev.parley.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a small desktop command and returns what it printed; the theme detector's only window on the system. */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code command} and waits at most {@code timeout}; empty when it could not run, failed (exit code not 0)
     * or took too long (it is then killed). Never throws.
     */
    Optional<String> run(List<String> command, Duration timeout);

    /** Runs real processes (standard error discarded). */
    static CommandRunner processes() {
        return (command, timeout) -> {
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .start();
            } catch (IOException | RuntimeException notThere) {
                return Optional.empty();
            }
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                if (process.exitValue() != 0) {
                    return Optional.empty();
                }
                // The answers are a line or two: well inside the pipe's buffer, so reading after the exit is safe.
                try (InputStream out = process.getInputStream()) {
                    return Optional.of(new String(out.readNBytes(64 * 1024), StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
