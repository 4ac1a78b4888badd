package org.musai.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musai.audio.MidiRecorder;
import org.musai.audio.RecordingListener;
import org.musai.audio.RecordingSettings;
import org.musai.midi.Score;
import org.musai.midi.SmfWriter;
import org.musai.midi.TimeSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai record}: a take from a MIDI keyboard, as the studio's Record does. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record a MIDI file from a MIDI keyboard: a count-in on a click, then the bars asked for.",
                "Ctrl-C ends the take early and keeps what was played. 'musai ports --inputs' lists the inputs."},
        footer = {"", "Example: musai record -o take.mid --tempo 96 --bars 8 && musai generate --primer take.mid"})
final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mid",
            description = "The MIDI file to write.")
    Path output;

    @Option(names = "--input", paramLabel = "NAME", description = "The MIDI input (default: the only one connected).")
    String input;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120",
            description = "Tempo (default ${DEFAULT-VALUE}).")
    double tempo;

    @Option(names = "--meter", paramLabel = "N/D", defaultValue = "4/4",
            description = "Time signature (default ${DEFAULT-VALUE}).")
    String meter;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "8",
            description = "Bars to record (default ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--count-in", paramLabel = "BARS", defaultValue = "1",
            description = "Bars of click before the take, 0-4 (default ${DEFAULT-VALUE}).")
    int countIn;

    @Option(names = "--no-quantize", description = "Keep the timing as played (default: snap to sixteenth notes).")
    boolean free;

    @Option(names = "--no-click", description = "No click while recording (the count-in still clicks).")
    boolean silent;

    @Override
    public Integer call() throws Exception {
        Arguments.outputFile("-o", output);
        TimeSignature signature = TimeSignature.parse(meter);
        RecordingSettings settings = new RecordingSettings(tempo, signature, bars, countIn, !free, !silent);
        MidiRecorder recorder = new MidiRecorder();
        String port = input != null ? input : onlyInput(recorder.inputPorts());
        Score take;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            take = recorder.record(port, settings, interrupt.token(), new RecordingListener() {
                @Override
                public void beat(int bar, int beat) {
                    if (beat == 1) {
                        spec.commandLine().getErr().println(bar < 0 ? "count-in " + (-bar) : "bar " + bar + " of "
                                + bars);
                    }
                }
            });
            new SmfWriter().write(take, output);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d notes in %d tracks at %s bpm, %s%n", output,
                take.noteCount(), take.tracks().size(), Arguments.plain(tempo), meter);
        return ExitCodes.OK;
    }

    private static String onlyInput(List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no MIDI input is connected: connect a keyboard (or a virtual MIDI "
                    + "port) and run again");
        }
        if (inputs.size() > 1) {
            throw new IllegalArgumentException("several MIDI inputs are connected; choose one with --input: "
                    + inputs);
        }
        return inputs.get(0);
    }
}
