package org.musai.studio.pianoroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.Track;

class NoteIndexTest {

    @Test
    void aLongNoteStartingBeforeTheWindowIsStillFound() {
        Track track = new Track("", 0, false, List.of(new Note(0, 10_000, 60, 100), new Note(100, 10, 62, 100),
                new Note(5_000, 10, 64, 100), new Note(20_000, 10, 65, 100)));
        NoteIndex index = NoteIndex.of(RollScores.of(track));

        int from = index.firstEndingAfter(4_000);
        int to = index.firstStartingFrom(6_000);

        assertThat(from).isZero();
        assertThat(to).isEqualTo(3);
        assertThat(index.lowestPitch()).isEqualTo(60);
        assertThat(index.highestPitch()).isEqualTo(65);
    }

    @Test
    void notesOfAllTracksAreMergedInOrderOfOnset() {
        Track a = new Track("a", 0, false, List.of(new Note(0, 5, 60, 1), new Note(300, 5, 60, 127)));
        Track b = new Track("b", 0, true, List.of(new Note(200, 5, 36, 64)));
        NoteIndex index = NoteIndex.of(RollScores.of(a, b));

        assertThat(index.start(1)).isEqualTo(200);
        assertThat(index.track(1)).isEqualTo(1);
        assertThat(index.colourOfTrack(1)).isEqualTo(NotePalette.colourOf(org.musai.midi.InstrumentClass.DRUMS, 0));
        assertThat(index.velocityStep(2)).isEqualTo(NoteIndex.VELOCITY_STEPS - 1);
        assertThat(index.firstEndingAfter(206)).isEqualTo(2);
    }
}
