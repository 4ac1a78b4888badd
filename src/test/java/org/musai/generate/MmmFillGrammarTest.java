package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;
import org.musai.token.Quantization;
import org.musai.token.TokenizerConfig;
import org.musai.token.mmm.MmmTokenIds;

/** The fill grammar keeps each slot to its instrument's register and chord size, fed token by token. */
class MmmFillGrammarTest {

    private final MmmTokenIds ids = new MmmTokenIds(new Quantization(
            TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM)));

    @Test
    void aBassFillPlaysInTheBassRegisterTwoNotesAtMostAtOnceAndAPianoFillItsChords() {
        MmmFillGrammar grammar = new MmmFillGrammar(ids, new int[]{32, 32}, new ClassLimits.Limit[]{
                ClassLimits.DEFAULTS.of(InstrumentClass.BASS), ClassLimits.DEFAULTS.of(InstrumentClass.PIANO)});
        grammar.accept(ids.fillStart());
        grammar.accept(ids.velocityId(10));
        assertThat(grammar.allows(ids.noteOnId(70))).as("a bass at B-flat 4").isFalse();
        assertThat(grammar.allows(ids.noteOnId(40))).isTrue();
        grammar.accept(ids.noteOnId(40));
        grammar.accept(ids.noteOnId(28)); // an octave below: the most a bass strikes at once (at least two)
        assertThat(grammar.allows(ids.noteOnId(47))).as("a third bass note at once").isFalse();
        grammar.accept(ids.timeDeltaId(8));
        assertThat(grammar.allows(ids.noteOnId(47))).as("the next beat").isTrue();
        grammar.accept(ids.noteOffId(40));
        grammar.accept(ids.noteOffId(28));
        grammar.accept(ids.fillEnd());

        grammar.accept(ids.fillStart());
        grammar.accept(ids.velocityId(10));
        for (int pitch : new int[]{60, 64, 67}) {
            assertThat(grammar.allows(ids.noteOnId(pitch))).as("piano chord note %d", pitch).isTrue();
            grammar.accept(ids.noteOnId(pitch));
        }
        assertThat(grammar.allows(ids.noteOnId(100))).as("above the piano's register in the corpus").isFalse();
    }

    /** The default MMM model once wrote 16,000 velocities in a row into one fill: a velocity is now followed by more. */
    @Test
    void aVelocityIsNeverFollowedByAnother() {
        MmmFillGrammar grammar = new MmmFillGrammar(ids, new int[]{32}, new ClassLimits.Limit[]{
                ClassLimits.DEFAULTS.of(InstrumentClass.REED)});
        grammar.accept(ids.fillStart());
        grammar.accept(ids.velocityId(10));
        assertThat(grammar.allows(ids.velocityId(10))).isFalse();
        assertThat(grammar.allows(ids.velocityId(12))).isFalse();
        assertThat(grammar.allows(ids.noteOnId(67))).isTrue();
        grammar.accept(ids.noteOnId(67));
        assertThat(grammar.allows(ids.velocityId(12))).as("a new velocity before the next note").isTrue();
        MmmFillGrammar copy = (MmmFillGrammar) grammar.copy();
        copy.accept(ids.velocityId(12));
        assertThat(copy.allows(ids.velocityId(14))).as("a copy remembers").isFalse();
    }
}
