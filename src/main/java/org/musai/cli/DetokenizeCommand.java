package org.musai.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.Detokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai detokenize}: a dataset back to MIDI files, to hear what a model will learn from. */
@Command(name = "detokenize", mixinStandardHelpOptions = true,
        description = "Write each document of a dataset back as a MIDI file named after its source.")
final class DetokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--tokens_path"}, required = true, paramLabel = "DATASET", description = "Dataset folder.")
    Path dataset;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder for the MIDI files.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Arguments.outputFolder("-o", output);
        Detokenizer.Summary summary;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(); Dataset open = Dataset.open(dataset)) {
            summary = new Detokenizer().write(open, output,
                    new ConsoleProgress(spec.commandLine().getErr(), "files"), interrupt.token());
        }
        spec.commandLine().getOut().printf("Wrote %d MIDI files to %s (%d tokens could not be placed)%n",
                summary.files(), output.toAbsolutePath(), summary.skippedTokens());
        return ExitCodes.OK;
    }
}
