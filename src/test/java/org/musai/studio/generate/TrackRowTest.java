package org.musai.studio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.Track;

/** A track's row names its General MIDI instrument, so a quartet's string tracks tell apart, and counts right. */
class TrackRowTest {

    @Test
    void aQuartetsTracksReadViolinViolaCello() {
        List<Note> one = List.of(new Note(0, 480, 60, 80));
        List<Note> two = List.of(new Note(0, 480, 60, 80), new Note(480, 480, 62, 80));
        List<Track> quartet = List.of(new Track("", 40, false, two), new Track("", 41, false, one),
                new Track("", 42, false, two), new Track("", 0, true, one));
        assertThat(new TrackRow(quartet, 0).label()).isEqualTo("1 Violin · 2 notes");
        assertThat(new TrackRow(quartet, 1).label()).isEqualTo("2 Viola · 1 note");
        assertThat(new TrackRow(quartet, 2).label()).isEqualTo("3 Cello · 2 notes");
        assertThat(new TrackRow(quartet, 3).label()).isEqualTo("4 Standard Kit · 1 note");
    }

    /** Three string tracks in three colours, the first the class's own; each readable and apart from the others. */
    @Test
    void tracksOfOneClassHaveTheirOwnShades() {
        List<Note> one = List.of(new Note(0, 480, 60, 80));
        List<Track> quartet = List.of(new Track("", 40, false, one), new Track("", 41, false, one),
                new Track("", 42, false, one), new Track("", 0, false, one));
        javafx.scene.paint.Color[] colours = new javafx.scene.paint.Color[4];
        for (int t = 0; t < 4; t++) {
            colours[t] = new TrackRow(quartet, t).colour();
        }
        assertThat(colours[0]).isEqualTo(org.musai.studio.pianoroll.InstrumentColors.of(
                org.musai.midi.InstrumentClass.STRINGS));
        assertThat(colours[3]).as("the piano, first of its class").isEqualTo(
                org.musai.studio.pianoroll.InstrumentColors.of(org.musai.midi.InstrumentClass.PIANO));
        assertThat(java.util.Set.of(colours)).hasSize(4);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double distance = Math.abs(colours[a].getRed() - colours[b].getRed())
                        + Math.abs(colours[a].getGreen() - colours[b].getGreen())
                        + Math.abs(colours[a].getBlue() - colours[b].getBlue());
                assertThat(distance).as("strings %d and %d", a + 1, b + 1).isGreaterThan(0.15);
            }
        }
    }
}
