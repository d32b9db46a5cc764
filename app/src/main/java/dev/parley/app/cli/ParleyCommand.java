package dev.parley.app.cli;

import dev.parley.app.DesktopLauncher;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley [--server URL]}: opens the desktop app. Subcommands run headless. */
@Command(name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Peer-to-peer video calls for two to four people.%n",
            "With no command, opens the desktop app. Without --server it uses the Parley signaling server "
                + "on this computer, starting one itself if none is running.%n"
        },
        subcommands = {ServeCommand.class, CallCommand.class, CommandLine.HelpCommand.class})
public final class ParleyCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL",
            description = "Signaling server, e.g. wss://signal.example.org/signal (default: ${DEFAULT-VALUE}).",
            defaultValue = "ws://127.0.0.1:8787/signal")
    URI server;

    /** The configured command line, with Parley's error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ParleyCommand());
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("Parley: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() {
        return new DesktopLauncher(server).run();
    }
}
