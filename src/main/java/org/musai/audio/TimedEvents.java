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
     * @param micros  time from the start
     * @param track   the score's track it belongs to
     * @param message the MIDI message
     */
    record Timed(long micros, int track, MidiMessage message) {
    }

    /**
     * A score's messages and where it ends: the bar line its tracks end on, which may be later than the last
     * note-off.
     */
    record Timeline(List<Timed> events, long endMicros) {
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
        return timeline(score).events();
    }

    /** Channel messages in time order (in the file's order where two fall together), and the end. */
    static Timeline timeline(Score score) throws AudioException {
        Sequence sequence = sequence(score);
        List<Timed> events = new ArrayList<>();
        javax.sound.midi.Track[] tracks = sequence.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent event = tracks[t].get(i);
                if (event.getMessage() instanceof ShortMessage) {
                    // the file's first track is the conductor (tempo and meter), so score track t is t + 1
                    events.add(new Timed(micros(event.getTick(), score), t - 1, event.getMessage()));
                }
            }
        }
        events.sort((a, b) -> Long.compare(a.micros(), b.micros()));
        return new Timeline(events, micros(sequence.getTickLength(), score));
    }

    /** The tick played at a time: {@link #micros} the other way round. */
    static long tickAt(long micros, Score score) {
        List<TempoChange> tempos = score.temposOrDefault();
        double left = micros;
        for (int i = 0; i < tempos.size(); i++) {
            TempoChange tempo = tempos.get(i);
            double microsPerTick = (double) tempo.microsPerQuarter() / score.ticksPerQuarter();
            if (i + 1 < tempos.size()) {
                double segment = (tempos.get(i + 1).tick() - tempo.tick()) * microsPerTick;
                if (left >= segment) {
                    left -= segment;
                    continue;
                }
            }
            // a thousandth of a tick forgives the rounding of micros() to whole microseconds
            return tempo.tick() + (long) Math.floor(left / microsPerTick + 1e-3);
        }
        return 0;
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
