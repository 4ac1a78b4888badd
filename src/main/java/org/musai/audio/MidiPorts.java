package org.musai.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/** The MIDI devices of this machine by name: outputs that receive notes, inputs that send them. */
final class MidiPorts {

    /** Hardware outputs, virtual ports and synthesizers: what can receive notes. */
    static final Predicate<MidiDevice> OUTPUT = device -> !(device instanceof Sequencer)
            && device.getMaxReceivers() != 0;
    /** Keyboards and virtual ports: what can send notes (not a sequencer, not a synthesizer). */
    static final Predicate<MidiDevice> INPUT = device -> !(device instanceof Sequencer)
            && !(device instanceof Synthesizer) && device.getMaxTransmitters() != 0;

    private MidiPorts() {
    }

    static List<String> names(Predicate<MidiDevice> kind) {
        List<String> ports = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                if (kind.test(MidiSystem.getMidiDevice(info))) {
                    ports.add(info.getName());
                }
            } catch (MidiUnavailableException e) {
                // a device that vanished while listing is simply not offered
            }
        }
        return ports;
    }

    /** Opens the device of this kind and name; {@code what} names the kind in the refusal. */
    static MidiDevice open(String name, Predicate<MidiDevice> kind, String what)
            throws MidiUnavailableException, AudioException {
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice device = MidiSystem.getMidiDevice(info);
            if (info.getName().equals(name) && kind.test(device)) {
                device.open();
                return device;
            }
        }
        throw new AudioException("no MIDI " + what + " named '" + name + "'; connected " + what + "s: "
                + names(kind));
    }
}
