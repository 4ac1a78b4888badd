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

    private static Score single(Note... notes) {
        return new Score(96, List.of(new Track("", 0, false, List.of(notes))), List.of(), List.of());
    }
}
