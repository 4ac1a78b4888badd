package org.musai.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musai.audio.WavRenderer;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musai render}: MIDI to WAV with Java's synthesizer, no audio device needed. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a MIDI file to WAV with Java's synthesizer (built-in sounds or an SF2 soundfont).")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN.mid", description = "The MIDI file.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.wav", description = "The WAV file to write.")
    Path output;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "A soundfont (default: the built-in sounds).")
    Path soundfont;

    @Option(names = "--max-minutes", paramLabel = "N", defaultValue = "60",
            description = "Refuse pieces longer than this (default ${DEFAULT-VALUE}; an hour of WAV is about 635 MB).")
    int maxMinutes;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--max-minutes", maxMinutes, 1);
        Arguments.existingFile("IN.mid", input);
        Arguments.outputFile("-o", output);
        if (soundfont != null) {
            Arguments.existingFile("--soundfont", soundfont);
        }
        Score score = new SmfReader().read(input);
        long start = System.nanoTime();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            new WavRenderer(Duration.ofMinutes(maxMinutes)).render(score, soundfont, output, interrupt.token());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Rendered %s to %s in %.1f s%n", input, output,
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
