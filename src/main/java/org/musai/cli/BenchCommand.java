package org.musai.cli;

import picocli.CommandLine.Command;

/** {@code musai bench}: machine-readable timings of the hot paths. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time a hot path and print its figures.",
        subcommands = {BenchTokenizeCommand.class, BenchTrainCommand.class, BenchGenerateCommand.class, BenchStudioCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
