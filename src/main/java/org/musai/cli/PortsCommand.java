package org.musai.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.musai.audio.MidiPlayer;
import org.musai.audio.MidiRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai ports}: the MIDI outputs that {@code play --port} can use, or the inputs {@code record} can. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List the MIDI outputs (for play --port), or with --inputs the inputs (for record --input).")
final class PortsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--inputs", description = "List the MIDI inputs (keyboards, virtual ports) instead.")
    boolean inputs;

    @Override
    public Integer call() {
        List<String> ports = inputs ? new MidiRecorder().inputPorts() : new MidiPlayer().outputPorts();
        if (ports.isEmpty()) {
            spec.commandLine().getOut().println(inputs ? "No MIDI inputs." : "No MIDI outputs.");
        }
        ports.forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
