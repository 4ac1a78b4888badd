package org.musai.studio.pianoroll;

import java.util.List;
import org.musai.midi.Score;
import org.musai.midi.Track;

/** Scores for the piano roll's tests. */
final class RollScores {

    static final int TICKS_PER_QUARTER = SyntheticScore.TICKS_PER_QUARTER;
    static final int BAR_4_4 = SyntheticScore.BAR_4_4;

    private RollScores() {
    }

    /** A score of 4/4 bars with the given tracks. */
    static Score of(Track... tracks) {
        return new Score(TICKS_PER_QUARTER, List.of(tracks), List.of(), List.of());
    }

    /** Seven pitched tracks of different classes and one drum track, random but the same for the same seed. */
    static Score synthetic(int noteCount, int bars, long seed) {
        return SyntheticScore.of(noteCount, bars, seed);
    }
}
