package org.musai.cli;

import picocli.CommandLine;

/** Entry point of the {@code musai} command. Never touches JavaFX: it must run on machines without a display. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command line with its error handling, as tests run it. */
    public static CommandLine newCommandLine() {
        org.musai.io.QuietPlatformLogs.apply();
        CommandLine commandLine = new CommandLine(new MusaiCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::badArguments);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
