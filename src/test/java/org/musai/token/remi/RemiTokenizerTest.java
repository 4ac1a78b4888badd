package org.musai.token.remi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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

/** REMI as the seed configures it: vocabulary, a hand-checked stream, and exact round trips on real files. */
class RemiTokenizerTest {

    private final TokenizerConfig config = TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI);
    private final RemiTokenizer remi = new RemiTokenizer(config);
    private final Quantizer quantizer = new Quantizer(new Quantization(config));

    @Test
    void vocabularyHasTheSeedsFamilies() {
        List<String> tokens = remi.vocabulary().tokens();
        assertThat(tokens.subList(0, 5)).containsExactly("PAD_None", "BOS_None", "EOS_None", "MASK_None", "Bar_None");
        assertThat(tokens).contains("Pitch_21", "Pitch_108", "Program_-1", "Program_127", "Chord_C:maj",
                "TimeSig_6/8", "Duration_0.1.8", "Duration_12.0.4", "Rest_0.1.8", "Tempo_40.00", "Tempo_250.00");
        assertThat(tokens.stream().filter(t -> t.startsWith("Velocity_"))).hasSize(24);
        assertThat(tokens.stream().filter(t -> t.startsWith("Tempo_"))).hasSize(24);
        assertThat(tokens.stream().filter(t -> t.startsWith("Duration_"))).hasSize(32 + 32);
        assertThat(tokens.stream().filter(t -> t.startsWith("Pitch_"))).hasSize(88);
    }

    @Test
    void writesTheExpectedStreamForASmallScore() {
        // 3/4 at 96 ticks per quarter: a C major chord on beat 1, a snare on beat 2, then silence until beat 9.5:
        // a rest of 8 beats from the end of the snare (position 9) lands at 73, in bar 3 (starting at 72)
        Track piano = new Track("", 0, false, List.of(new Note(0, 96, 60, 100), new Note(0, 96, 64, 100),
                new Note(0, 96, 67, 100), new Note(96 * 9 + 48, 48, 72, 64)));
        Track drums = new Track("", 0, true, List.of(new Note(96, 12, 38, 127)));
        Score score = new Score(96, List.of(piano, drums), List.of(new TempoChange(0, 500_000)),
                List.of(new TimeSignature(0, 3, 4)));
        assertThat(names(remi.encode(score))).containsExactly(
                "BOS_None", "Bar_None", "TimeSig_3/4", "Position_0", "Tempo_122.17", "Chord_C:maj",
                "Program_0", "Pitch_60", "Velocity_100", "Duration_1.0.8",
                "Program_0", "Pitch_64", "Velocity_100", "Duration_1.0.8",
                "Program_0", "Pitch_67", "Velocity_100", "Duration_1.0.8",
                "Position_8", "Program_-1", "Pitch_38", "Velocity_127", "Duration_0.1.8",
                "Rest_8.0.2", "Position_4", "Program_0", "Pitch_72", "Velocity_63", "Duration_0.4.8", "EOS_None");
    }

    @Test
    void roundTripsTheBundledCorpusExactly() throws Exception {
        assertThat(roundTrip(TestCorpus.midiFiles(TestCorpus.bundled()))).isEmpty();
    }

    @Test
    void roundTripsThePublicCorpusExactly() throws Exception {
        List<Path> files = TestCorpus.midiFiles(TestCorpus.shared("public"));
        List<String> mismatches = roundTrip(files);
        System.out.printf("REMI round trip: %d/%d files exact%n", files.size() - mismatches.size(), files.size());
        assertThat(mismatches).isEmpty();
    }

    @Test
    void decodingSkipsAndCountsWhatCannotFollow() {
        int pitch = remi.vocabulary().id("Pitch_60");
        int bar = remi.vocabulary().id("Bar_None");
        int program = remi.vocabulary().id("Program_0");
        int velocity = remi.vocabulary().id("Velocity_100");
        int duration = remi.vocabulary().id("Duration_1.0.8");
        int position = remi.vocabulary().id("Position_4");
        DecodedScore decoded = remi.decode(new int[]{pitch, bar, position, program, pitch, velocity, duration,
                program, velocity, -5, 99999, program, pitch, velocity, duration});
        assertThat(decoded.score().noteCount()).isEqualTo(2);
        assertThat(decoded.skippedTokens()).isEqualTo(1 + 2 + 2);
        assertThat(decoded.score().tracks().get(0).notes().get(0)).isEqualTo(new Note(240, 480, 60, 100));
    }

    private List<String> roundTrip(List<Path> files) throws Exception {
        SmfReader reader = new SmfReader();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            Score score;
            try {
                score = reader.read(file);
            } catch (MidiFormatException e) {
                continue;
            }
            checked++;
            Score expected = quantizer.quantize(score);
            DecodedScore decoded = remi.decode(remi.encode(score));
            if (decoded.skippedTokens() != 0 || !decoded.score().tracks().equals(expected.tracks())
                    || !decoded.score().tempos().equals(expected.tempos())) {
                mismatches.add(file + " (skipped " + decoded.skippedTokens() + ")");
            }
        }
        assertThat(checked).isGreaterThan(20);
        return mismatches;
    }

    private List<String> names(int[] ids) {
        return Arrays.stream(ids).mapToObj(remi.vocabulary()::token).toList();
    }

    @Test
    void idsThatMoveTimePastTheIntRangeAreSkippedNotOverflowed() {
        RemiVocabulary v = remi.remiVocabulary();
        int bars = Integer.MAX_VALUE / new Quantization(config).ticksPerPosition() / 32 + 10; // 4/4 bars of 32 positions
        int[] ids = new int[bars + 6];
        Arrays.fill(ids, v.bar());
        int at = bars;
        ids[at++] = v.position(0);
        ids[at++] = v.program(0, false);
        ids[at++] = v.pitch(60);
        ids[at++] = v.velocity(10);
        ids[at++] = v.duration(30);
        ids[at] = v.rest(10);

        DecodedScore decoded = remi.decode(ids);

        Note note = decoded.score().tracks().get(0).notes().get(0);
        assertThat((long) note.tick() + note.duration()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(decoded.skippedTokens()).isBetween(10, 60);
    }

}
