package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MusPy-style metrics on pieces whose values can be worked out by hand. */
class MusicMetricsTest {

    @Test
    void aCMajorScaleInQuarters() {
        int[] scale = {60, 62, 64, 65, 67, 69, 71, 72};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < scale.length; i++) {
            notes.add(new Note(i * 480, 480, scale[i], 90));
        }
        MusicMetrics m = MusicMetrics.of(new Score(480, List.of(new Track("", 0, false, notes)), List.of(), List.of()));
        assertThat(m.pitchRange()).isEqualTo(12);
        assertThat(m.scaleConsistency()).isEqualTo(1.0);
        assertThat(m.polyphony()).isEqualTo(1.0);
        assertThat(m.emptyBeatRate()).isZero();
        assertThat(m.noteDensity()).isEqualTo(1.0);
        // seven pitch classes, C twice: -(6 x 1/8 log2 1/8 + 1/4 log2 1/4) = 2.75 bits
        assertThat(m.pitchClassEntropy()).isCloseTo(2.75, within(1e-9));
        // bar 1 and bar 2 both strike every beat: the same groove
        assertThat(m.grooveConsistency()).isEqualTo(1.0);
    }

    @Test
    void chordsSilencesAndChangingGrooves() {
        List<Note> notes = List.of(new Note(0, 480, 60, 90), new Note(0, 480, 64, 90), new Note(0, 480, 67, 90),
                new Note(1920 + 240, 240, 61, 90));
        MusicMetrics m = MusicMetrics.of(new Score(480, List.of(new Track("", 0, false, notes)), List.of(), List.of()));
        assertThat(m.polyphony()).isCloseTo(14.0 / 6, within(1e-9)); // 4 sixteenths of three notes, 2 of one
        assertThat(m.emptyBeatRate()).isEqualTo(3.0 / 5); // beats 2, 3 and 4 are silent of 5
        // two bars with one onset each, in different sixteenths: 2 of 16 cells differ
        assertThat(m.grooveConsistency()).isCloseTo(1 - 2.0 / 16, within(1e-9));
        assertThat(m.scaleConsistency()).isEqualTo(0.75);
    }

    @Test
    void anEmptyScoreGivesZeros() {
        assertThat(MusicMetrics.of(new Score(480, List.of(), List.of(), List.of())).values()).containsOnly(0.0);
    }
}
