package org.musai.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.musai.audio.MidiPlayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code musai ports}: the MIDI outputs that {@code play --port} can use. */
@Command(name = "ports", mixinStandardHelpOptions = true, description = "List the MIDI outputs.")
final class PortsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> ports = new MidiPlayer().outputPorts();
        if (ports.isEmpty()) {
            spec.commandLine().getOut().println("No MIDI outputs.");
        }
        ports.forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
