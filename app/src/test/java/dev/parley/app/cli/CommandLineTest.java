package dev.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ParleyCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Parley ").doesNotContain("unknown").doesNotContain("${");
        assertThat(out.toString()).contains(VersionProvider.version());
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpListsTheCommandsAndTheDefaultServer() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "--server", "ws://127.0.0.1:8787/signal", "--version");
        out.getBuffer().setLength(0);
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--host", "--tls-keystore");
    }

    @Test
    void mistakesAreExplainedWithExitCodeTwo() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
        err.getBuffer().setLength(0);
        assertThat(run("serve", "--port", "seventy")).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
        err.getBuffer().setLength(0);
        assertThat(run("serve", "--port", "1", "--tls-keystore", "/nonexistent/keystore.p12")).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read the keystore");
    }
}
