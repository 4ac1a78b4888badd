package org.musai.token.remi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.token.DecodedScore;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig;

/** REMI with the instrument-class header and a meter at every bar: the stream, exact round trips, stable ids. */
class ConditionedRemiTest {

    private final TokenizerConfig config = TokenizerConfig.conditioned();
    private final RemiTokenizer remi = new RemiTokenizer(config);

    @Test
    void aPieceStartsWithItsClassesAndEveryBarWithItsMeter() {
        // 4/4: piano on beat 1 of bars 1 and 2, a bass note in bar 2, drums in bar 3; rests of three beats reach each
        // bar line, where the meter is written again
        Track piano = new Track("", 0, false, List.of(new Note(0, 96, 60, 100), new Note(384, 96, 62, 100)));
        Track bass = new Track("", 33, false, List.of(new Note(384, 96, 36, 100)));
        Track drums = new Track("", 0, true, List.of(new Note(768, 12, 38, 127)));
        Score score = new Score(96, List.of(piano, bass, drums), List.of(new TempoChange(0, 500_000)),
                List.of(new TimeSignature(0, 4, 4)));
        assertThat(names(remi.encode(score))).containsExactly(
                "BOS_None", "Class_0", "Class_4", "Class_16", "Bar_None", "TimeSig_4/4", "Position_0", "Tempo_122.17",
                "Program_0", "Pitch_60", "Velocity_100", "Duration_1.0.8",
                "Rest_3.0.2", "TimeSig_4/4", "Position_0",
                "Program_0", "Pitch_62", "Velocity_100", "Duration_1.0.8",
                "Program_33", "Pitch_36", "Velocity_100", "Duration_1.0.8",
                "Rest_3.0.2", "TimeSig_4/4", "Position_0", "Program_-1", "Pitch_38", "Velocity_127", "Duration_0.1.8",
                "EOS_None");
    }

    @Test
    void roundTripsTheBundledCorpusExactlyMetersIncluded() throws Exception {
        Quantizer quantizer = new Quantizer(new Quantization(config));
        int checked = 0;
        for (Path file : TestCorpus.midiFiles(TestCorpus.bundled())) {
            Score score;
            try {
                score = new SmfReader().read(file);
            } catch (MidiFormatException e) {
                continue;
            }
            Score expected = quantizer.quantize(score);
            DecodedScore decoded = remi.decode(remi.encode(score));
            assertThat(decoded.skippedTokens()).as(file.toString()).isZero();
            assertThat(decoded.score().tracks()).as(file.toString()).isEqualTo(expected.tracks());
            assertThat(decoded.score().tempos()).as(file.toString()).isEqualTo(expected.tempos());
            // a meter change after the last note has no bar to be written in
            int lastOnset = expected.tracks().stream().flatMap(t -> t.notes().stream()).mapToInt(Note::tick).max()
                    .orElse(0);
            assertThat(decoded.score().timeSignatures()).as(file.toString()).isEqualTo(expected.timeSignatures()
                    .stream().filter(ts -> ts.tick() <= lastOnset).toList());
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void everyTokenOfThePlainVocabularyKeepsItsIdAndTheClassesComeLast() {
        List<String> plain = new RemiTokenizer(TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI)).vocabulary()
                .tokens();
        List<String> conditioned = remi.vocabulary().tokens();
        assertThat(conditioned.subList(0, plain.size())).isEqualTo(plain);
        assertThat(conditioned.subList(plain.size(), conditioned.size())).hasSize(17).first().isEqualTo("Class_0");
        assertThat(remi.remiVocabulary().kind(remi.vocabulary().id("Class_16"))).isEqualTo(RemiVocabulary.Kind.CLASS);
        assertThat(remi.remiVocabulary().value(remi.vocabulary().id("Class_16"))).isEqualTo(16);
    }

    private List<String> names(int[] ids) {
        return Arrays.stream(ids).mapToObj(remi.vocabulary()::token).toList();
    }
}
