package org.musai.cli;

import picocli.CommandLine.Command;

/** The {@code musai} command: lists the subcommands. */
@Command(name = "musai", mixinStandardHelpOptions = true, versionProvider = VersionLines.class,
        description = "Make and use a MIDI-generating model on your own machine.",
        subcommands = {TokenizeCommand.class, DetokenizeCommand.class, InspectCommand.class, TrainCommand.class,
                GenerateCommand.class,
                RenderCommand.class, PlayCommand.class, RecordCommand.class, PortsCommand.class, EvalCommand.class,
                BenchCommand.class,
                StudioCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:internal error", "2:bad input (arguments, files, datasets)", "130:cancelled"})
final class MusaiCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    Verbose verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
