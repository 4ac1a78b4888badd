package org.musai;

import java.util.List;
import java.util.Optional;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;

/** Says where two scores first differ, for round-trip tests that must name the note that broke. */
public final class ScoreDifference {

    private ScoreDifference() {
    }

    /**
     * The first difference between the tracks of two scores, or empty when they have the same resolution and every
     * track has the same program, drum flag and notes (tick, duration, pitch, velocity, in sorted order).
     */
    public static Optional<String> first(Score expected, Score actual) {
        if (expected.ticksPerQuarter() != actual.ticksPerQuarter()) {
            return Optional.of("ticks per quarter " + actual.ticksPerQuarter() + ", expected "
                    + expected.ticksPerQuarter());
        }
        List<Track> want = expected.tracks();
        List<Track> got = actual.tracks();
        if (want.size() != got.size()) {
            return Optional.of("track count " + got.size() + ", expected " + want.size());
        }
        for (int t = 0; t < want.size(); t++) {
            Track a = want.get(t);
            Track b = got.get(t);
            if (a.program() != b.program() || a.drum() != b.drum()) {
                return Optional.of("track " + t + " is program " + b.program() + (b.drum() ? " (drums)" : "")
                        + ", expected " + a.program() + (a.drum() ? " (drums)" : ""));
            }
            List<Note> wantNotes = a.notes().stream().sorted().toList();
            List<Note> gotNotes = b.notes().stream().sorted().toList();
            for (int n = 0; n < Math.max(wantNotes.size(), gotNotes.size()); n++) {
                Note x = n < wantNotes.size() ? wantNotes.get(n) : null;
                Note y = n < gotNotes.size() ? gotNotes.get(n) : null;
                if (x == null || !x.equals(y)) {
                    return Optional.of("track " + t + " note " + n + ": " + y + ", expected " + x);
                }
            }
        }
        return Optional.empty();
    }
}
