package org.musai.audio;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;

/**
 * Plays a score through Java's synthesizer or a MIDI output port (such as a DAW's virtual input), and lists the
 * ports. The calling thread waits until the music ends or is cancelled.
 */
public final class MidiPlayer {

    /** How often a playing score looks at cancellation and reports its position. */
    static final long POSITION_MILLIS = 20;

    /** The MIDI outputs that can receive notes: hardware, virtual ports and synthesizers. */
    public List<String> outputPorts() {
        List<String> ports = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                if (!(device instanceof Sequencer) && device.getMaxReceivers() != 0) {
                    ports.add(info.getName());
                }
            } catch (MidiUnavailableException e) {
                // a device that vanished while listing is simply not offered
            }
        }
        return ports;
    }

    /** Plays to a port by name, or to the synthesizer (with an optional soundfont) when the port is null. */
    public void play(Score score, String port, Path soundfont, CancellationToken cancel) throws AudioException {
        play(score, port, soundfont, cancel, PlaybackMonitor.NONE);
    }

    /**
     * Plays as {@link #play(Score, String, Path, CancellationToken)}, reporting the position to the monitor and
     * muting the tracks it names as it goes (the studio's playhead, mute and solo).
     */
    public void play(Score score, String port, Path soundfont, CancellationToken cancel, PlaybackMonitor monitor)
            throws AudioException {
        MidiDevice output = null;
        Sequencer sequencer = null;
        try {
            output = port == null ? openSynthesizer(soundfont) : openPort(port);
            Receiver receiver = output.getReceiver();
            sequencer = MidiSystem.getSequencer(false);
            sequencer.open();
            sequencer.getTransmitter().setReceiver(receiver);
            sequencer.setSequence(TimedEvents.sequence(score));
            sequencer.start();
            while (sequencer.isRunning() && !cancel.isCancelled()) {
                monitor.position(sequencer.getTickPosition());
                for (int t = 0; t < score.tracks().size(); t++) {
                    // the file's first track is the conductor (tempo and meter), so score track t is t + 1
                    boolean muted = monitor.muted(t);
                    if (sequencer.getTrackMute(t + 1) != muted) {
                        sequencer.setTrackMute(t + 1, muted);
                    }
                }
                Thread.sleep(POSITION_MILLIS);
            }
            sequencer.stop();
        } catch (MidiUnavailableException e) {
            throw new AudioException((port == null ? "no audio device for the synthesizer" : "port " + port
                    + " is busy or gone") + " (" + e.getMessage() + "); render to WAV instead", e);
        } catch (InvalidMidiDataException e) {
            throw new AudioException("cannot play this score: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sequencer != null) {
                sequencer.close();
            }
            if (output != null) {
                output.close();
            }
        }
    }

    private static MidiDevice openSynthesizer(Path soundfont) throws MidiUnavailableException, AudioException {
        Synthesizer synthesizer = MidiSystem.getSynthesizer();
        synthesizer.open();
        if (soundfont != null) {
            WavRenderer.loadSoundfont(synthesizer, soundfont);
        }
        return synthesizer;
    }

    private MidiDevice openPort(String name) throws MidiUnavailableException, AudioException {
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice device = MidiSystem.getMidiDevice(info);
            if (info.getName().equals(name) && !(device instanceof Sequencer) && device.getMaxReceivers() != 0) {
                device.open();
                return device;
            }
        }
        throw new AudioException("no MIDI output named '" + name + "'; 'musai ports' lists them: " + outputPorts());
    }
}
