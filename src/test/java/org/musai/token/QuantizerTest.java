package org.musai.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;

/** What "the quantized notes" of a score are: the form every round trip is measured against. */
class QuantizerTest {

    private final Quantization q = new Quantization(TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI));
    private final Quantizer quantizer = new Quantizer(q);

    @Test
    void snapsOnsetsToEighthsOfABeatAndDurationsToTheirLevels() {
        // 96 ticks per quarter: one position is 12 ticks
        Score score = single(new Note(17, 5, 60, 100), new Note(100, 600, 62, 50), new Note(200, 5000, 64, 3));
        assertThat(quantizer.quantize(score).tracks().get(0).notes()).containsExactly(
                new Note(60, 60, 60, 100),    // 17 ticks -> position 1; 5 ticks -> the shortest level
                new Note(480, 3000, 62, 52),  // 600 ticks = 6.25 beats, a level; velocity 50 -> level 52
                new Note(1020, 5760, 64, 5)); // 5000 ticks is over 12 beats -> 12 beats
    }

    @Test
    void aKeyStruckAgainCutsTheSoundingNoteAndEqualOnsetsKeepTheLongest() {
        Score score = single(new Note(0, 192, 60, 100), new Note(96, 96, 60, 90), new Note(96, 48, 60, 80));
        assertThat(quantizer.quantize(score).tracks().get(0).notes())
                .containsExactly(new Note(0, 480, 60, 100), new Note(480, 480, 60, 89));
    }

    @Test
    void tracksOfOneProgramBecomeOneAndDrumsComeLast() {
        Track drums = new Track("", 10, true, List.of(new Note(0, 10, 36, 100)));
        Track a = new Track("", 40, false, List.of(new Note(0, 96, 70, 100)));
        Track b = new Track("", 40, false, List.of(new Note(96, 96, 72, 100)));
        Track piano = new Track("", 0, false, List.of(new Note(0, 96, 60, 100)));
        Score quantized = quantizer.quantize(new Score(96, List.of(drums, a, b, piano), List.of(), List.of()));
        assertThat(quantized.tracks()).extracting(Track::program, Track::drum, t -> t.notes().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, false, 1),
                        org.assertj.core.groups.Tuple.tuple(40, false, 2),
                        org.assertj.core.groups.Tuple.tuple(0, true, 1));
    }

    @Test
    void meterChangesMoveToTheNextBarLineAndUnknownMetersBecomeCommonTime() {
        Score score = new Score(96, List.of(), List.of(), List.of(new TimeSignature(0, 3, 4),
                new TimeSignature(300, 6, 8), new TimeSignature(96 * 9, 17, 16)));
        // 3/4 bars are 288 ticks: a change at 300 waits for 576; 17/16 has no token and becomes 4/4
        assertThat(quantizer.quantize(score).timeSignatures()).containsExactly(new TimeSignature(0, 3, 4),
                new TimeSignature(576 * 5, 6, 8), new TimeSignature(480 * 9, 4, 4));
    }

    @Test
    void temposGoToTheirLevelsAndRepeatsAreDropped() {
        Score score = new Score(96, List.of(), List.of(new TempoChange(0, 500_000), new TempoChange(96, 495_000),
                new TempoChange(192, 1_000_000)), List.of());
        assertThat(quantizer.quantize(score).tempos()).extracting(t -> Math.round(t.bpm() * 100) / 100.0)
                .containsExactly(122.17, 58.26);
    }

    @Test
    void countsEveryNoteItDropsOrChangesAndWhy() {
        Score score = single(
                new Note(0, 96, 10, 100),        // below the piano range
                new Note(0, 96, 120, 100),       // above it
                new Note(0, 192, 60, 100),       // cut at 96 by the next strike of 60
                new Note(96, 96, 60, 90),        // two strikes of 60 at 96: the longer stays
                new Note(96, 48, 60, 80),
                new Note(200, 0, 62, 100),       // zero length
                new Note(300, 96 * 20, 64, 100), // 20 beats: longer than the longest level, 12 beats
                new Note(96 * Quantizer.MAX_LENGTH_BEATS, 96, 65, 100),   // starts at the length limit
                new Note(96 * Quantizer.MAX_LENGTH_BEATS - 6, 96, 66, 100)); // half a position before: rounds onto it

        QuantizedScore quantized = quantizer.quantizePacked(score);

        assertThat(quantized.loss()).isEqualTo(new NoteLoss(2, 2, 1, 0, 1, 1, 1));
        assertThat(quantized.notes()).hasSize(score.noteCount() - (int) quantized.loss().dropped());
    }

    @Test
    void nothingLostFromANoteThatFitsTheGrid() {
        assertThat(quantizer.quantizePacked(single(new Note(0, 96, 60, 100), new Note(96, 48, 62, 100))).loss())
                .isEqualTo(NoteLoss.NONE);
    }

    @Test
    void ticksNearTheIntLimitAtOneTickPerQuarterDoNotOverflow() {
        // one tick per quarter: tick 2^31 - 1 is two billion beats, far past the length limit
        Score coarse = new Score(1, List.of(new Track("", 0, false, List.of(new Note(0, Integer.MAX_VALUE, 60, 100),
                new Note(Integer.MAX_VALUE - 1, 1, 62, 100), new Note(Quantizer.MAX_LENGTH_BEATS - 1, 1, 64, 100)))),
                List.of(new TempoChange(Integer.MAX_VALUE - 5, 400_000)),
                List.of(new TimeSignature(Integer.MAX_VALUE - 5, 3, 4)));

        QuantizedScore quantized = quantizer.quantizePacked(coarse);
        Score score = quantizer.quantize(coarse);

        assertThat(quantized.loss()).isEqualTo(new NoteLoss(0, 1, 0, 0, 0, 1, 0));
        assertThat(score.tracks().get(0).notes()).containsExactly(new Note(0, 5760, 60, 100),
                new Note(480 * (Quantizer.MAX_LENGTH_BEATS - 1), 480, 64, 100));
        assertThat(score.tempos()).hasSize(1);               // the change past the limit is dropped
        assertThat(score.timeSignatures()).containsExactly(TimeSignature.COMMON_TIME);
    }

    @Test
    void theFinestDivisionKeepsLongPiecesWhole() {
        // 0x7FFF ticks per quarter, a note after 0x0FFFFFFF ticks: 8,192 beats in, well within the limit
        Score fine = new Score(0x7FFF, List.of(new Track("", 0, false, List.of(new Note(0x0FFFFFFF, 0x7FFF, 60, 100)))),
                List.of(), List.of());

        Score score = quantizer.quantize(fine);

        long expectedPosition = Math.round(0x0FFFFFFF / (double) 0x7FFF * q.positionsPerBeat());
        assertThat(score.tracks().get(0).notes()).containsExactly(
                new Note((int) expectedPosition * q.ticksPerPosition(), 480, 60, 100));
    }

    private static Score single(Note... notes) {
        return new Score(96, List.of(new Track("", 0, false, List.of(notes))), List.of(), List.of());
    }
}
