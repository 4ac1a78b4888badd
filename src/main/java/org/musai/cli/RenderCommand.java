package org.musai.cli;

import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        Score score = new SmfReader().read(input);
        long start = System.nanoTime();
        new WavRenderer().render(score, soundfont, output);
        spec.commandLine().getOut().printf(Locale.ROOT, "Rendered %s to %s in %.1f s%n", input, output,
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
