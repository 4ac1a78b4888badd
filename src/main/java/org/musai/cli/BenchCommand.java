package org.musai.cli;

import picocli.CommandLine.Command;

/** {@code musai bench}: machine-readable timings of the hot paths, and the quality of a model's music. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a hot path, or judge a model's music, and print the figures.",
        subcommands = {BenchTokenizeCommand.class, BenchTrainCommand.class, BenchGenerateCommand.class,
                BenchQualityCommand.class, BenchInfillCommand.class, BenchStudioCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
