package org.musai.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import org.musai.midi.Score;
import org.musai.midi.SmfWriter;
import org.musai.midi.TempoChange;

/**
 * The channel messages of a score with their time in microseconds, following its tempo map. The messages are those
 * {@link SmfWriter} writes, so that what is heard is what is exported.
 */
final class TimedEvents {

    /**
     * One message at its time.
     *
     * @param micros time from the start
     * @param message the MIDI message
     */
    record Timed(long micros, MidiMessage message) {
    }

    private TimedEvents() {
    }

    /** The score as a javax.sound.midi sequence, written and read back through our own writer. */
    static Sequence sequence(Score score) throws AudioException {
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(new SmfWriter().toBytes(score)));
        } catch (InvalidMidiDataException | IOException e) {
            throw new AudioException("cannot prepare the score for playback: " + e.getMessage(), e);
        }
    }

    /** Channel messages (notes, programs) in time order with their microseconds. */
    static List<Timed> of(Score score) throws AudioException {
        Sequence sequence = sequence(score);
        List<Timed> events = new ArrayList<>();
        for (javax.sound.midi.Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage) {
                    events.add(new Timed(micros(event.getTick(), score), event.getMessage()));
                }
            }
        }
        events.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        return events;
    }

    /** Microseconds at a tick, summing the tempo map's segments. */
    static long micros(long tick, Score score) {
        List<TempoChange> tempos = score.temposOrDefault();
        double micros = 0;
        for (int i = 0; i < tempos.size(); i++) {
            TempoChange tempo = tempos.get(i);
            if (tempo.tick() >= tick) {
                break;
            }
            long segmentEnd = i + 1 < tempos.size() ? Math.min(tick, tempos.get(i + 1).tick()) : tick;
            micros += (double) (segmentEnd - tempo.tick()) * tempo.microsPerQuarter() / score.ticksPerQuarter();
        }
        return Math.round(micros);
    }
}
