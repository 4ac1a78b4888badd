package org.musai.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.musai.audio.MidiPlayer;
import org.musai.midi.SmfReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code musai play}: a MIDI file through the synthesizer or a MIDI output port. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play a MIDI file through Java's synthesizer or a MIDI output port (see 'musai ports').")
final class PlayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IN.mid", description = "The MIDI file.")
    Path input;

    @Option(names = "--port", paramLabel = "NAME", description = "A MIDI output, such as a DAW's virtual input.")
    String port;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "A soundfont for the synthesizer.")
    Path soundfont;

    @Override
    public Integer call() throws Exception {
        Arguments.existingFile("IN.mid", input);
        if (soundfont != null) {
            Arguments.existingFile("--soundfont", soundfont);
        }
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            new MidiPlayer().play(new SmfReader().read(input), port, soundfont, interrupt.token());
        }
        return ExitCodes.OK;
    }
}
