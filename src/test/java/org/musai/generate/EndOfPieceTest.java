package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;
import org.musai.token.Quantization;
import org.musai.token.SpecialTokens;
import org.musai.token.TokenizerConfig;
import org.musai.token.remi.RemiTokenizer;
import org.musai.token.remi.RemiVocabulary;

/**
 * A model that wants a new bar after the last one ends the piece instead: the Bar token's probability goes to the
 * end token, so notes do not pile up in the last position (as they did before, seen in the piano roll).
 */
class EndOfPieceTest {

    private final TokenizerConfig config = TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI);
    private final RemiVocabulary v = new RemiTokenizer(config).remiVocabulary();

    private RemiGrammar twoBars() {
        return new RemiGrammar(v, new Quantization(config),
                new GenerationControls(EnumSet.of(InstrumentClass.PIANO), 2, TimeSignature.COMMON_TIME, 120));
    }

    private int id(String token) {
        return v.vocabulary().id(token);
    }

    @Test
    void onlyTheLastBarTurnsANewBarIntoTheEnd() {
        RemiGrammar grammar = twoBars();
        grammar.accept(v.bar());
        for (String token : new String[]{"Position_0", "Program_0", "Pitch_60", "Velocity_63", "Duration_4.0.8"}) {
            grammar.accept(id(token)); // a whole note: the bar sounds to its end
        }
        assertThat(grammar.endAlias()).as("first bar: a new bar is allowed").isEqualTo(-1);
        assertThat(grammar.allows(v.bar())).isTrue();
        grammar.accept(v.bar());
        assertThat(grammar.allows(v.bar())).as("no third bar").isFalse();
        assertThat(grammar.endAlias()).as("last bar, nothing open").isEqualTo(v.bar());
        grammar.accept(id("Position_0"));
        grammar.accept(id("Program_0"));
        assertThat(grammar.endAlias()).as("inside a note").isEqualTo(-1);
    }

    @Test
    void foldingAddsTheProbabilities() {
        float[] logits = {5f, 0f, (float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.1)}; // EOS: id 2
        Generator.foldIntoEnd(logits, new int[] {3, 4}); // a bare Bar and a merged token that starts with Bar
        assertThat((double) logits[SpecialTokens.EOS]).isCloseTo(Math.log(0.6), within(1e-6));
        float[] untouched = logits.clone();
        Generator.foldIntoEnd(logits, new int[0]);
        assertThat(logits).containsExactly(untouched);
    }
}
