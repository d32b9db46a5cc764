package dev.parley.app;

import dev.parley.app.cli.ParleyCommand;
import dev.parley.app.logging.LogFolder;
import picocli.CommandLine;

/** Parley's entry point: no argument opens the desktop app; subcommands run headless tools. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogFolder.useThePlatformFolder(); // before the first logger: logback reads it when it configures itself
        int exit = ParleyCommand.commandLine().execute(args);
        System.exit(exit);
    }
}
