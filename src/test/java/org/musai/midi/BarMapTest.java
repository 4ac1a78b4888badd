package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars counted from the time-signature map, on maps worked out by hand (480 ticks per quarter). */
class BarMapTest {

    private static Score score(List<TimeSignature> meters, Note... notes) {
        return new Score(480, List.of(new Track("", 0, false, List.of(notes))), List.of(), meters);
    }

    @Test
    void withoutATimeSignatureBarsAreFourFour() {
        BarMap map = BarMap.of(score(List.of()), 3);
        assertThat(map.start(1)).isEqualTo(1920);
        assertThat(map.end()).isEqualTo(5760);
        assertThat(map.meter(2).toString()).isEqualTo("4/4");
        assertThat(map.isFull(0)).isTrue();
    }

    @Test
    void aPickupIsABar() {
        Score s = score(List.of(new TimeSignature(0, 1, 4), new TimeSignature(480, 4, 4)),
                new Note(0, 480, 67, 80), new Note(480, 1920, 60, 80), new Note(2400, 10, 62, 80));
        BarMap map = BarMap.of(s, 3);
        assertThat(map.start(0)).isZero();
        assertThat(map.end(0)).isEqualTo(480);
        assertThat(map.end(1)).isEqualTo(2400);
        assertThat(map.end()).isEqualTo(4320); // the pickup and two bars of 4/4
        assertThat(map.meter(0).toString()).isEqualTo("1/4");
        assertThat(map.isFull(0)).isTrue(); // a whole bar of 1/4, not a cut 4/4 bar
        assertThat(map.barAt(479)).isZero();
        assertThat(map.barAt(480)).isEqualTo(1);
        assertThat(map.barAt(2400)).isEqualTo(2);
        assertThat(BarMap.barsOf(s)).isEqualTo(3); // the last note starts in bar 3
    }

    @Test
    void aChangeInsideABarCutsItShortAndTheLastOfOneTickHolds() {
        Score s = score(List.of(new TimeSignature(0, 2, 4), new TimeSignature(0, 4, 4), new TimeSignature(960, 3, 4)),
                new Note(0, 2400, 60, 80));
        BarMap map = BarMap.of(s, 3);
        assertThat(map.meter(0).toString()).isEqualTo("4/4");
        assertThat(map.end(0)).isEqualTo(960);
        assertThat(map.isFull(0)).isFalse();
        assertThat(map.end(1)).isEqualTo(960 + 1440);
        assertThat(map.meter(1).toString()).isEqualTo("3/4");
        assertThat(BarMap.barsOf(s)).isEqualTo(2); // the note ends exactly where bar 3 would start
    }

    @Test
    void aScoreWithoutNotesSpansNoBars() {
        assertThat(BarMap.barsOf(score(List.of()))).isZero();
    }
}
