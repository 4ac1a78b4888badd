package org.musai.quality;

import java.util.ArrayList;
import java.util.List;
import org.musai.midi.BarMap;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;

/**
 * Bars {@code first..last} (0-based, inclusive) of a score as a score of their own that starts at tick 0: the notes
 * that start in them, cut off at the last bar's end, with the meter and tempo in effect at the first bar and the
 * changes inside. Every track is kept, empty or not, so that tracks line up with the whole score's.
 */
final class BarRegion {

    private BarRegion() {
    }

    static Score of(Score score, int first, int last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bars " + first + "-" + last + " are not a region");
        }
        BarMap map = BarMap.of(score, last + 1);
        int from = map.start(first);
        int to = map.end(last);
        List<Track> tracks = new ArrayList<>();
        for (Track track : score.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (Note note : track.notes()) {
                if (note.tick() >= from && note.tick() < to) {
                    notes.add(new Note(note.tick() - from, Math.min(note.end(), to) - note.tick(), note.pitch(),
                            note.velocity()));
                }
            }
            tracks.add(new Track(track.name(), track.program(), track.drum(), notes));
        }
        List<TimeSignature> meters = new ArrayList<>();
        meters.add(map.meter(first).at(0));
        for (TimeSignature ts : score.timeSignatures()) {
            if (ts.tick() > from && ts.tick() < to) {
                meters.add(ts.at(ts.tick() - from));
            }
        }
        List<TempoChange> tempos = new ArrayList<>();
        TempoChange current = score.temposOrDefault().get(0);
        for (TempoChange tempo : score.temposOrDefault()) {
            if (tempo.tick() <= from) {
                current = tempo;
            } else if (tempo.tick() < to) {
                tempos.add(new TempoChange(tempo.tick() - from, tempo.microsPerQuarter()));
            }
        }
        tempos.add(0, new TempoChange(0, current.microsPerQuarter()));
        return new Score(score.ticksPerQuarter(), tracks, tempos, meters);
    }
}
