package org.musai.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.musai.ScoreDifference;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.TokenizerConfig.Algorithm;
import org.musai.token.mmm.MmmTokenizer;

/**
 * The inputs the fuzz test found to break tokenizing (see {@code fuzz/README.md} beside them), each read and
 * tokenized again with what it must give now. In each, a note of 0x0FFFFFFF ticks starts the track and pushes the
 * file's own notes that far: at one tick per quarter that is far past {@link Quantizer#MAX_LENGTH_BEATS}.
 */
class FuzzRegressionTest {

    private static final Tokenizer REMI = Tokenizer.of(TokenizerConfig.defaults(Algorithm.REMI));
    private static final MmmTokenizer MMM = new MmmTokenizer(TokenizerConfig.defaults(Algorithm.MMM));
    private static final Quantizer QUANTIZER = new Quantizer(new Quantization(REMI.config()));
    /** The longest duration token: 12 beats at 480 ticks per quarter. */
    private static final int LONGEST_DURATION = 12 * Quantization.TICKS_PER_QUARTER;

    @Test
    void noteTicksPastTheIntRangeAtDivisionOne() throws Exception {
        Score score = read("division-1-huge-delta-note-tick-overflow.mid");

        Encoding encoding = roundTrips(score, REMI);
        roundTrips(score, MMM);

        // the inserted note stays, clipped to the longest duration; the file's four notes lie beyond the limit
        assertThat(encoding.loss()).isEqualTo(new NoteLoss(0, 4, 0, 0, 0, 1, 0));
        assertThat(REMI.decode(encoding.ids()).score().tracks()).singleElement()
                .satisfies(t -> assertThat(t.notes()).containsExactly(new Note(0, LONGEST_DURATION, 41, 100)));
    }

    @Test
    void tempoTicksPastTheIntRangeAtDivisionOne() throws Exception {
        Score score = read("division-1-huge-delta-tempo-tick-overflow.mid");

        Encoding encoding = roundTrips(score, REMI);
        roundTrips(score, MMM);

        assertThat(encoding.loss().beyondLengthLimit()).isEqualTo(2);
        assertThat(REMI.decode(encoding.ids()).score().tempos()).allSatisfy(t -> assertThat(t.tick()).isZero());
    }

    @Test
    void remiPositionsPastTheIntRangeAtDivisionOne() throws Exception {
        Score score = read("division-1-huge-delta-remi-position-overflow.mid");

        Encoding encoding = roundTrips(score, REMI);
        roundTrips(score, MMM);

        assertThat(java.util.Arrays.stream(encoding.ids()).boxed().toList())
                .allSatisfy(id -> assertThat(id).isBetween(0, REMI.vocabulary().size() - 1));
        assertThat(REMI.noteCount(encoding.ids())).isEqualTo(score.noteCount() - encoding.loss().dropped())
                .isPositive();
    }

    @Test
    void mmmBarsEndWithTheLastQuantizedNote() throws Exception {
        Score score = read("huge-delta-mmm-million-bars.mid");

        Encoding encoding = roundTrips(score, MMM);

        // one note of 12 beats is left: three bars of 4/4, where the file's length would have made 1.2 million
        assertThat(encoding.loss().beyondLengthLimit()).isEqualTo(score.noteCount() - 1);
        assertThat(MMM.barCount(score)).isEqualTo(3);
        assertThat(encoding.ids()).hasSizeLessThan(40);
    }

    /** Encodes, checks the ids decode to the quantized score without a skipped token, and returns the encoding. */
    private static Encoding roundTrips(Score score, Tokenizer tokenizer) {
        Encoding encoding = tokenizer.encodeWithLoss(score);
        DecodedScore decoded = tokenizer.decode(encoding.ids());
        assertThat(decoded.skippedTokens()).isZero();
        assertThat(ScoreDifference.first(QUANTIZER.quantize(score), decoded.score())).isEmpty();
        return encoding;
    }

    private static Score read(String name) throws IOException, MidiFormatException {
        try (InputStream in = FuzzRegressionTest.class.getResourceAsStream("fuzz/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new SmfReader().read(in.readAllBytes());
        }
    }
}
