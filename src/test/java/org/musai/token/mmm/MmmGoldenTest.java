package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.token.DecodedScore;
import org.musai.token.Quantizer;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;

/** Hand-checked documents of tiny scores, token by token. */
class MmmGoldenTest {

    /**
     * Piano: C4 and E4 at velocity 100, then G4 at 63 from beat 4 of bar 0 across the bar line into the 3/4 bar 1.
     * Bass: A2 through the whole 3/4 bar.
     */
    static Score twoTrackScore() {
        Track piano = new Track("piano", 0, false, List.of(
                new Note(0, 480, 60, 100), new Note(480, 480, 64, 100), new Note(1440, 960, 67, 63)));
        Track bass = new Track("bass", 33, false, List.of(new Note(1920, 1440, 45, 63)));
        return new Score(480, List.of(piano, bass), List.of(),
                List.of(new TimeSignature(0, 4, 4), new TimeSignature(1920, 3, 4)));
    }

    static List<String> names(int[] ids) {
        return Arrays.stream(ids).mapToObj(TOKENIZER.vocabulary()::token).toList();
    }

    static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }

    @Test
    void writesTheTwoTrackScoreAsHandChecked() {
        assertThat(names(TOKENIZER.encode(twoTrackScore()))).containsExactlyElementsOf(words("""
                BOS_None PIECE_START TEMPO_122.17
                TRACK_START INST_0 DENSITY_2
                BAR_START TIME_SIG_4/4 VELOCITY_100 NOTE_ON_60 TIME_DELTA_8 NOTE_OFF_60 NOTE_ON_64
                  TIME_DELTA_8 NOTE_OFF_64 TIME_DELTA_8 VELOCITY_63 NOTE_ON_67 BAR_END
                BAR_START TIME_SIG_3/4 TIME_DELTA_8 NOTE_OFF_67 BAR_END
                TRACK_END
                TRACK_START INST_33 DENSITY_1
                BAR_START TIME_SIG_4/4 BAR_END
                BAR_START TIME_SIG_3/4 VELOCITY_63 NOTE_ON_45 TIME_DELTA_24 NOTE_OFF_45 BAR_END
                TRACK_END
                EOS_None"""));
    }

    @Test
    void decodesTheTwoTrackScoreToItsQuantizedForm() {
        Score score = twoTrackScore();
        DecodedScore decoded = TOKENIZER.decode(TOKENIZER.encode(score));

        assertThat(decoded.skippedTokens()).isZero();
        assertThat(decoded.score().tracks()).isEqualTo(quantize(score).tracks());
        assertThat(decoded.score().timeSignatures())
                .containsExactly(new TimeSignature(0, 4, 4), new TimeSignature(1920, 3, 4));
        assertThat(decoded.score().tempos().get(0).bpm()).isCloseTo(122.17, Offset.offset(0.01));
    }

    @Test
    void movesSelectedBarsOfBothTracksIntoFills() {
        int[] infill = TOKENIZER.encodeInfill(twoTrackScore(), Set.of(1, 0), 1, 1);

        assertThat(names(infill)).containsExactlyElementsOf(words("""
                BOS_None PIECE_START TEMPO_122.17
                TRACK_START INST_0 DENSITY_2
                BAR_START TIME_SIG_4/4 VELOCITY_100 NOTE_ON_60 TIME_DELTA_8 NOTE_OFF_60 NOTE_ON_64
                  TIME_DELTA_8 NOTE_OFF_64 TIME_DELTA_8 VELOCITY_63 NOTE_ON_67 BAR_END
                BAR_START TIME_SIG_3/4 FILL_PLACEHOLDER BAR_END
                TRACK_END
                TRACK_START INST_33 DENSITY_1
                BAR_START TIME_SIG_4/4 BAR_END
                BAR_START TIME_SIG_3/4 FILL_PLACEHOLDER BAR_END
                TRACK_END
                FILL_START TIME_DELTA_8 NOTE_OFF_67 FILL_END
                FILL_START VELOCITY_63 NOTE_ON_45 TIME_DELTA_24 NOTE_OFF_45 FILL_END
                EOS_None"""));
        DecodedScore decoded = TOKENIZER.decode(infill);
        assertThat(decoded.skippedTokens()).isZero();
        assertThat(decoded.score().tracks()).isEqualTo(quantize(twoTrackScore()).tracks());
    }

    @Test
    void promptEndsAfterTheFirstFillStartAndSlotsNameThePlaceholders() {
        Score score = twoTrackScore();
        int[] infill = TOKENIZER.encodeInfill(score, Set.of(0, 1), 0, 1);
        int[] prompt = TOKENIZER.infillPrompt(score, Set.of(0, 1), 0, 1);

        int firstFill = names(infill).indexOf("FILL_START");
        assertThat(prompt).isEqualTo(Arrays.copyOf(infill, firstFill + 1));
        assertThat(names(prompt).subList(prompt.length - 3, prompt.length))
                .containsExactly("BAR_END", "TRACK_END", "FILL_START");
        assertThat(TOKENIZER.fillSlots(score, Set.of(1, 0), 0, 1)).containsExactly(
                new FillSlot(0, 0), new FillSlot(0, 1), new FillSlot(1, 0), new FillSlot(1, 1));
        assertThat(names(infill).stream().filter("FILL_PLACEHOLDER"::equals)).hasSize(4);
    }

    @Test
    void chainsTimeDeltasLargestFirstInBarsLongerThanFourBeats() {
        Score score = new Score(480, List.of(new Track("", 0, false, List.of(new Note(0, 2880, 60, 100)))),
                List.of(), List.of(new TimeSignature(0, 6, 4)));

        assertThat(names(TOKENIZER.encode(score))).containsExactlyElementsOf(words("""
                BOS_None PIECE_START TEMPO_122.17 TRACK_START INST_0 DENSITY_2
                BAR_START TIME_SIG_6/4 VELOCITY_100 NOTE_ON_60 TIME_DELTA_32 TIME_DELTA_16 NOTE_OFF_60 BAR_END
                TRACK_END EOS_None"""));
        assertThat(TOKENIZER.decode(TOKENIZER.encode(score)).score().tracks()).isEqualTo(quantize(score).tracks());
    }

    @Test
    void writesDrumsAsInstrumentMinusOneAndKeepsOnlyTheFirstTempo() {
        Score score = new Score(480, List.of(new Track("kit", 25, true, List.of(new Note(0, 240, 36, 127)))),
                List.of(TempoChange.ofBpm(0, 250), TempoChange.ofBpm(480, 40)),
                List.of());

        assertThat(names(TOKENIZER.encode(score))).containsExactlyElementsOf(words("""
                BOS_None PIECE_START TEMPO_250.00 TRACK_START INST_-1 DENSITY_2
                BAR_START TIME_SIG_4/4 VELOCITY_127 NOTE_ON_36 TIME_DELTA_4 NOTE_OFF_36 BAR_END
                TRACK_END EOS_None"""));
        Score decoded = TOKENIZER.decode(TOKENIZER.encode(score)).score();
        assertThat(decoded.tracks()).isEqualTo(quantize(score).tracks());
        assertThat(decoded.tempos()).hasSize(1);
    }

    @Test
    void writesAnEmptyScoreAsAPieceWithoutTracks() {
        Score empty = new Score(96, List.of(), List.of(), List.of());

        assertThat(names(TOKENIZER.encode(empty)))
                .containsExactly("BOS_None", "PIECE_START", "TEMPO_122.17", "EOS_None");
        assertThat(TOKENIZER.barCount(empty)).isZero();
        assertThat(TOKENIZER.decode(TOKENIZER.encode(empty))).satisfies(d -> {
            assertThat(d.skippedTokens()).isZero();
            assertThat(d.score().tracks()).isEmpty();
            assertThat(d.score().timeSignatures()).containsExactly(TimeSignature.COMMON_TIME);
        });
    }

    @Test
    void refusesSelectionsOutsideTheDocument() {
        Score score = twoTrackScore();

        assertThatThrownBy(() -> TOKENIZER.encodeInfill(score, Set.of(2), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no track 2: the score has 2 tracks, 0-1");
        assertThatThrownBy(() -> TOKENIZER.encodeInfill(score, Set.of(-1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no track -1");
        assertThatThrownBy(() -> TOKENIZER.infillPrompt(score, Set.of(0), 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bars 1-2 are outside the score's bars 0-1");
        assertThatThrownBy(() -> TOKENIZER.fillSlots(score, Set.of(0), -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> TOKENIZER.encodeInfill(score, Set.of(0), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bar range 1-0 is reversed");
        assertThatThrownBy(() -> TOKENIZER.encodeInfill(score, Set.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one track");
    }

    @Test
    void laysOutTheVocabularyInTheDocumentedOrder() {
        MmmTokenIds ids = TOKENIZER.tokenIds();
        List<String> tokens = TOKENIZER.vocabulary().tokens();

        assertThat(tokens.subList(0, 12)).containsExactly("PAD_None", "BOS_None", "EOS_None", "MASK_None",
                "PIECE_START", "TRACK_START", "TRACK_END", "BAR_START", "BAR_END", "FILL_PLACEHOLDER",
                "FILL_START", "FILL_END");
        assertThat(tokens.get(ids.instrumentId(0, true))).isEqualTo("INST_-1");
        assertThat(tokens.get(ids.instrumentId(127, false))).isEqualTo("INST_127");
        assertThat(tokens.get(ids.densityId(9))).isEqualTo("DENSITY_9");
        assertThat(tokens.get(ids.timeSignatureId(new TimeSignature(0, 7, 8)))).isEqualTo("TIME_SIG_7/8");
        assertThat(tokens.get(ids.noteOnId(21))).isEqualTo("NOTE_ON_21");
        assertThat(tokens.get(ids.noteOffId(108))).isEqualTo("NOTE_OFF_108");
        assertThat(tokens.get(ids.timeDeltaId(ids.maxTimeDelta()))).isEqualTo("TIME_DELTA_32");
        assertThat(tokens.get(tokens.size() - 1)).isEqualTo("TIME_DELTA_32");
        // 4 special + 8 structural + 129 INST + 10 DENSITY + 27 TIME_SIG + 24 TEMPO + 24 VELOCITY + 2 * 88 + 32
        assertThat(tokens).hasSize(4 + 8 + 129 + 10 + 27 + 24 + 24 + 176 + 32);
        for (int id = 0; id < tokens.size(); id++) {
            assertThat(ids.kindOf(id)).isNotEqualTo(MmmTokenKind.UNKNOWN);
        }
        assertThat(ids.kindOf(-1)).isEqualTo(MmmTokenKind.UNKNOWN);
        assertThat(ids.kindOf(tokens.size())).isEqualTo(MmmTokenKind.UNKNOWN);
        assertThat(ids.valueOf(ids.noteOnId(60))).isEqualTo(60);
        assertThat(ids.valueOf(ids.instrumentId(3, true))).isEqualTo(-1);
        assertThat(ids.valueOf(ids.timeDeltaId(5))).isEqualTo(5);
        assertThatThrownBy(() -> ids.noteOnId(20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.timeDeltaId(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsWordsAtBarsTracksAndFillsOnly() {
        MmmTokenIds ids = TOKENIZER.tokenIds();

        for (int id = -1; id <= TOKENIZER.vocabulary().size(); id++) {
            boolean expected = id == ids.barStart() || id == ids.trackStart() || id == ids.fillStart();
            assertThat(TOKENIZER.startsWord(id)).as("id %d", id).isEqualTo(expected);
        }
    }

    @Test
    void isTheTokenizerOfAnMmmConfig() {
        assertThat(Tokenizer.of(TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM)))
                .isInstanceOf(MmmTokenizer.class);
    }

    static Score quantize(Score score) {
        return new Quantizer(TOKENIZER.quantization()).quantize(score);
    }
}
