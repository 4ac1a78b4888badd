package org.musai.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Transmitter;
import org.musai.audio.MidiRecorder;
import org.musai.audio.RecordingListener;
import org.musai.midi.Score;
import org.musai.midi.SmfWriter;
import org.musai.studio.generate.TakeSource;

/**
 * Java's sequencer as a musician at a MIDI keyboard: it plays a score into the recorder in real time, coming in on
 * the take's first beat after the count-in. For the screenshots, which want a take under way; tests use
 * {@link org.musai.audio.ScriptedKeyboard}, whose timing does not depend on the machine.
 */
public final class SequencerKeyboard implements AutoCloseable {

    private final Sequencer sequencer;
    private final Transmitter keys;

    public SequencerKeyboard(Score music) throws MidiUnavailableException, InvalidMidiDataException, IOException {
        sequencer = MidiSystem.getSequencer(false);
        sequencer.open();
        sequencer.setSequence(MidiSystem.getSequence(new ByteArrayInputStream(new SmfWriter().toBytes(music))));
        keys = sequencer.getTransmitter();
    }

    /** Takes recorded from this keyboard, without a click. */
    public TakeSource takes() {
        return (settings, stop, listener) -> new MidiRecorder().record(keys, null, settings, stop,
                new RecordingListener() {
                    @Override
                    public void beat(int bar, int beat) {
                        listener.beat(bar, beat);
                        if (bar == 1 && beat == 1) {
                            sequencer.start();
                        }
                    }

                    @Override
                    public void taken(Score soFar) {
                        listener.taken(soFar);
                    }
                }, org.musai.audio.MidiClock.SYSTEM);
    }

    @Override
    public void close() {
        sequencer.close();
    }
}
