package dev.parley.app;

import dev.parley.app.cli.ParleyCommand;
import picocli.CommandLine;

/** Parley's entry point: no argument opens the desktop app; subcommands run headless tools. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = ParleyCommand.commandLine().execute(args);
        System.exit(exit);
    }
}
