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
        assertThat(new TrackRow(0, new Track("", 40, false, two)).label()).isEqualTo("1 Violin · 2 notes");
        assertThat(new TrackRow(1, new Track("", 41, false, one)).label()).isEqualTo("2 Viola · 1 note");
        assertThat(new TrackRow(2, new Track("", 42, false, two)).label()).isEqualTo("3 Cello · 2 notes");
        assertThat(new TrackRow(3, new Track("", 0, true, one)).label()).isEqualTo("4 Standard Kit · 1 note");
    }
}
