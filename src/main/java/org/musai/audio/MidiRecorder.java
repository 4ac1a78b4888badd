package org.musai.audio;

import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Transmitter;
import org.musai.midi.MidiConstants;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;

/**
 * Records a take from a MIDI keyboard: a count-in on a click, then the bars asked for, as a score at the chosen
 * tempo and meter ({@link Take}). The calling thread waits until the last bar ends or the recording is stopped; what
 * was played until then is the take.
 */
public final class MidiRecorder {

    /** The click's keys on the drum channel: a high wood block on the bar, a low one on the other beats. */
    static final int CLICK_BAR_KEY = 76;
    static final int CLICK_BEAT_KEY = 77;
    private static final int CLICK_VELOCITY = 100;
    private static final long STOP_CHECK_MICROS = 10_000;

    /** The MIDI inputs that can send notes: keyboards, virtual ports. */
    public List<String> inputPorts() {
        return MidiPorts.names(MidiPorts.INPUT);
    }

    /**
     * Records from the input port of this name, with the click on Java's synthesizer (silent, and said so to
     * nobody, where the machine has no audio device: the count-in still counts on the listener).
     */
    public Score record(String port, RecordingSettings settings, CancellationToken stop, RecordingListener listener)
            throws AudioException {
        MidiDevice input = null;
        Synthesizer click = null;
        try {
            input = openInput(port);
            click = openClick();
            return record(input.getTransmitter(), click == null ? null : click.getReceiver(), settings, stop,
                    listener, MidiClock.SYSTEM);
        } catch (MidiUnavailableException e) {
            throw new AudioException("MIDI input " + port + " is busy or gone (" + e.getMessage() + ")", e);
        } finally {
            if (input != null) {
                input.close();
            }
            if (click != null) {
                click.close();
            }
        }
    }

    /**
     * Records what a transmitter sends (an open input's, a sequencer's), clicking into {@code click} (none for null),
     * timed by the clock; the transmitter is let go at the end.
     */
    public Score record(Transmitter input, Receiver click, RecordingSettings settings, CancellationToken stop,
                        RecordingListener listener, MidiClock clock) {
        long first = clock.nowMicros();
        Take take = new Take(settings, clock, first);
        input.setReceiver(take);
        int beatsPerBar = settings.meter().numerator();
        int beats = (settings.countInBars() + settings.bars()) * beatsPerBar;
        double beatMicros = settings.beatTicks() * settings.microsPerTick();
        try {
            for (int beat = 0; beat <= beats && !stop.isCancelled(); beat++) {
                waitUntil(first + Math.round(beat * beatMicros), clock, stop);
                if (beat == beats || stop.isCancelled()) {
                    break;
                }
                int bar = beat / beatsPerBar - settings.countInBars();
                boolean counting = bar < 0;
                if (click != null && (counting || settings.click())) {
                    click(click, beat % beatsPerBar == 0);
                }
                listener.beat(counting ? bar : bar + 1, beat % beatsPerBar + 1);
                if (!counting) {
                    listener.taken(take.score());
                }
            }
        } finally {
            input.setReceiver(null);
        }
        return take.score();
    }

    private static void click(Receiver click, boolean bar) {
        int key = bar ? CLICK_BAR_KEY : CLICK_BEAT_KEY;
        try {
            // a wood block sounds short on its own: the note-off can follow at once
            click.send(new ShortMessage(ShortMessage.NOTE_ON, MidiConstants.DRUM_CHANNEL, key, CLICK_VELOCITY), -1);
            click.send(new ShortMessage(ShortMessage.NOTE_OFF, MidiConstants.DRUM_CHANNEL, key, 0), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e); // constant, valid messages
        }
    }

    /** Waits in steps of at most 10 ms, so that Stop ends a take at once. */
    private static void waitUntil(long micros, MidiClock clock, CancellationToken stop) {
        while (!stop.isCancelled() && !Thread.currentThread().isInterrupted()) {
            long now = clock.nowMicros();
            if (now >= micros) {
                return;
            }
            clock.sleepUntil(Math.min(micros, now + STOP_CHECK_MICROS));
        }
    }

    private static MidiDevice openInput(String name) throws MidiUnavailableException, AudioException {
        return MidiPorts.open(name, MidiPorts.INPUT, "input");
    }

    private static Synthesizer openClick() {
        try {
            Synthesizer synthesizer = MidiSystem.getSynthesizer();
            synthesizer.open();
            return synthesizer;
        } catch (MidiUnavailableException e) {
            return null; // no audio device: the count-in shows on the listener only
        }
    }
}
