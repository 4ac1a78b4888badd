package org.musai.studio.pianoroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.midi.TimeSignature;

class RollGridTest {

    private static final int TPQ = RollScores.TICKS_PER_QUARTER;
    private static final int BAR_3_4 = 3 * TPQ;
    private static final int BAR_4_4 = 4 * TPQ;

    @Test
    void aChangeFromThreeFourToFourFourMovesTheBarLines() {
        RollGrid grid = new RollGrid(TPQ, List.of(new TimeSignature(0, 3, 4), new TimeSignature(2 * BAR_3_4, 4, 4)));

        assertThat(grid.barStartTick(1)).isZero();
        assertThat(grid.barStartTick(2)).isEqualTo(BAR_3_4);
        assertThat(grid.barStartTick(3)).isEqualTo(2 * BAR_3_4);
        assertThat(grid.barStartTick(4)).isEqualTo(2 * BAR_3_4 + BAR_4_4);
        assertThat(grid.barStartTick(5)).isEqualTo(2 * BAR_3_4 + 2 * BAR_4_4);
        assertThat(grid.barAt(2 * BAR_3_4 - 1)).isEqualTo(2);
        assertThat(grid.barAt(2 * BAR_3_4 + BAR_4_4 - 1)).isEqualTo(3);
        assertThat(grid.barAt(2 * BAR_3_4 + BAR_4_4)).isEqualTo(4);
        assertThat(grid.signatureOf(2).numerator()).isEqualTo(3);
        assertThat(grid.signatureOf(3).numerator()).isEqualTo(4);
    }

    @Test
    void plainFourFourHasBarsOfFourQuarters() {
        RollGrid grid = RollGrid.of(RollScores.of());

        assertThat(grid.barStartTick(10)).isEqualTo(9 * BAR_4_4);
        assertThat(grid.barAt(9 * BAR_4_4 + 1)).isEqualTo(10);
        assertThat(grid.beatTicks(10)).isEqualTo(TPQ);
    }

    @Test
    void aMeterChangeInsideABarCutsThatBarShort() {
        int change = BAR_4_4 + TPQ;
        RollGrid grid = new RollGrid(TPQ, List.of(new TimeSignature(0, 4, 4), new TimeSignature(change, 6, 8)));

        assertThat(grid.barStartTick(3)).isEqualTo(change);
        assertThat(grid.barStartTick(4)).isEqualTo(change + 3 * TPQ);
        assertThat(grid.beatTicks(4)).isEqualTo(TPQ / 2);
    }
}
