package org.musai.audio;

import java.util.List;
import java.nio.file.Path;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
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
    /** The shortest wait between two looks at the clock, so that a burst of messages does not spin. */
    private static final long MIN_SLEEP_MICROS = 200;

    /** The MIDI outputs that can receive notes: hardware, virtual ports and synthesizers. */
    public List<String> outputPorts() {
        return MidiPorts.names(MidiPorts.OUTPUT);
    }

    /** Plays to a port by name, or to the synthesizer (with an optional soundfont) when the port is null. */
    public void play(Score score, String port, Path soundfont, CancellationToken cancel) throws AudioException {
        play(score, port, soundfont, cancel, PlaybackMonitor.NONE);
    }

    /**
     * Plays as {@link #play(Score, String, Path, CancellationToken)}, reporting the position to the monitor and
     * muting the tracks it names as it goes (the studio's playhead, mute and solo), and going on with the newer
     * versions of the score it gives (a piece still being written, which the music waits for at its end).
     */
    public void play(Score score, String port, Path soundfont, CancellationToken cancel, PlaybackMonitor monitor)
            throws AudioException {
        MidiDevice output = null;
        try {
            output = port == null ? openSynthesizer(soundfont) : openPort(port);
            play(score, output.getReceiver(), cancel, monitor, MidiClock.SYSTEM);
        } catch (MidiUnavailableException e) {
            throw new AudioException((port == null ? "no audio device for the synthesizer" : "port " + port
                    + " is busy or gone") + " (" + e.getMessage() + "); render to WAV instead", e);
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    /** Plays into a receiver on the clock's time, on this thread, until the end, a cancellation or an interrupt. */
    static void play(Score score, Receiver receiver, CancellationToken cancel, PlaybackMonitor monitor,
                     MidiClock clock) throws AudioException {
        ScorePump pump = new ScorePump(receiver, score);
        long startMicros = clock.nowMicros();
        long waitedMicros = 0;
        try {
            while (!cancel.isCancelled() && !Thread.currentThread().isInterrupted()) {
                boolean more = monitor.moreToCome(); // read first: the last version is given before "no more"
                Score newer = monitor.newer();
                if (newer != null) {
                    pump.replace(newer, monitor::muted);
                }
                long played = clock.nowMicros() - startMicros - waitedMicros;
                pump.advanceTo(played, monitor::muted);
                monitor.position(pump.tick());
                if (pump.atEnd() && newer == null) {
                    if (!more) {
                        return;
                    }
                    // the rest is still being written: the music holds at the end of what there is
                    waitedMicros += played - pump.position();
                }
                long sleepMicros = Math.min(POSITION_MILLIS * 1000, pump.untilNext());
                clock.sleepUntil(clock.nowMicros() + Math.max(sleepMicros, MIN_SLEEP_MICROS));
            }
        } finally {
            pump.silence();
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

    private static MidiDevice openPort(String name) throws MidiUnavailableException, AudioException {
        return MidiPorts.open(name, MidiPorts.OUTPUT, "output");
    }
}
