package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;
import org.musai.token.Quantization;
import org.musai.token.TokenizerConfig;
import org.musai.token.remi.RemiTokenizer;
import org.musai.token.remi.RemiVocabulary;

/**
 * The guards of the REMI grammar, fed token by token as a model would write them (conditioned REMI: a meter after
 * every bar): the band's presence, rests that would skip a due bar, registers, programs per class, loop lock.
 */
class RemiGrammarGuardsTest {

    private final TokenizerConfig config = TokenizerConfig.conditioned();
    private final RemiVocabulary v = new RemiTokenizer(config).remiVocabulary();
    private final Quantization q = new Quantization(config);

    private RemiGrammar grammar(Set<InstrumentClass> band, int bars, int presenceBars) {
        GenerationControls controls = new GenerationControls(band, bars, TimeSignature.COMMON_TIME, 120, true,
                presenceBars, GenerationControls.DEFAULT_MAX_COPIED_BARS, ClassLimits.DEFAULTS);
        RemiGrammar grammar = new RemiGrammar(v, q, controls);
        grammar.requireBand(band);
        return grammar;
    }

    private int id(String token) {
        return v.vocabulary().id(token);
    }

    private void feed(RemiGrammar grammar, String tokens) {
        for (String token : tokens.trim().split("\\s+")) {
            assertThat(grammar.allows(id(token))).as("%s here", token).isTrue();
            grammar.accept(id(token));
        }
    }

    private static final String PIANO_QUARTER = "Program_0 Pitch_60 Velocity_63 Duration_1.0.8";
    /** A whole note: the bar sounds to its end. */
    private static final String PIANO_WHOLE = "Program_0 Pitch_60 Velocity_63 Duration_4.0.8";

    @Test
    void aBarCannotCloseWhileABandMemberIsDueAndCanStillCome() {
        RemiGrammar grammar = grammar(EnumSet.of(InstrumentClass.PIANO, InstrumentClass.BASS), 8, 2);
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 " + PIANO_WHOLE);
        assertThat(grammar.allows(v.bar())).as("bar 1: the bass is not due before the end of bar 2").isTrue();
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 " + PIANO_WHOLE);
        assertThat(grammar.allows(v.bar())).as("bar 2 ends a stretch of 2 bars without the bass").isFalse();
        assertThat(grammar.allows(id("Position_16"))).isTrue();
        feed(grammar, "Position_16 Program_33 Pitch_40 Velocity_63 Duration_1.0.8");
        assertThat(grammar.allows(v.bar())).as("the bass has played").isTrue();
    }

    @Test
    void aBarDoesNotEndWithItsLastBeatSilentUnlessItIsThePiecesLast() {
        RemiGrammar grammar = grammar(EnumSet.of(InstrumentClass.PIANO), 2, 4);
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 " + PIANO_QUARTER + " Position_16 "
                + "Program_0 Pitch_64 Velocity_63 Duration_1.0.8");
        // the last note is released on beat 4 (position 24 of 32): nothing would sound in the last beat
        assertThat(grammar.allows(v.bar())).isFalse();
        assertThat(grammar.allows(id("Rest_1.0.8"))).as("a rest across the bar line is silence too").isFalse();
        assertThat(grammar.allows(id("Position_28"))).isTrue();
        feed(grammar, "Position_28 Program_0 Pitch_62 Velocity_63 Duration_0.4.8");
        assertThat(grammar.allows(v.bar())).isTrue();
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 " + PIANO_QUARTER);
        assertThat(grammar.allows(org.musai.token.SpecialTokens.EOS)).as("the last bar may die away").isTrue();

        RemiGrammar threeFour = new RemiGrammar(v, q, new GenerationControls(EnumSet.of(InstrumentClass.PIANO), 4,
                new TimeSignature(0, 3, 4), 120));
        feed(threeFour, "Bar_None TimeSig_3/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_2.0.8");
        assertThat(threeFour.allows(v.bar())).as("3/4: a half note leaves the third beat silent").isFalse();
        feed(threeFour, "Position_16 Program_0 Pitch_62 Velocity_63 Duration_1.0.8");
        assertThat(threeFour.allows(v.bar())).isTrue();
    }

    @Test
    void aRestMayNotCarryThePieceOverABarByWhichABandMemberMustHavePlayed() {
        RemiGrammar grammar = grammar(EnumSet.of(InstrumentClass.PIANO), 8, 2);
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 " + PIANO_WHOLE);
        // from the end of bar 1: 3 beats reach into bar 2, 7 beats bar 3 (both fine: the piano may come there), 11
        // beats bar 4, skipping bars 2 and 3 in silence, past the end of the stretch of 2 bars after bar 1
        assertThat(grammar.allows(id("Rest_3.0.2"))).isTrue();
        assertThat(grammar.allows(id("Rest_7.0.2"))).isTrue();
        assertThat(grammar.allows(id("Rest_11.0.2"))).isFalse();
    }

    @Test
    void aBassKeepsToItsRegisterAndToTwoInstrumentsInAPiece() {
        RemiGrammar grammar = grammar(EnumSet.of(InstrumentClass.BASS), 8, 4);
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 Program_33");
        // the bass's register in the corpus (0.5th-99.5th percentile) is 21-55
        assertThat(grammar.allows(id("Pitch_55"))).isTrue();
        assertThat(grammar.allows(id("Pitch_56"))).isFalse();
        assertThat(grammar.allows(id("Pitch_21"))).isTrue();
        feed(grammar, "Pitch_40 Velocity_63 Duration_1.0.8 Position_8 Program_34 Pitch_40 Velocity_63 Duration_1.0.8");
        feed(grammar, "Position_16");
        assertThat(grammar.allows(id("Program_35"))).as("a third bass in one piece").isFalse();
        assertThat(grammar.allows(id("Program_33"))).isTrue();
        assertThat(grammar.allows(id("Program_34"))).isTrue();
    }

    @Test
    void theThirdCopyInARowOfABarIsALoopLock() {
        RemiGrammar grammar = grammar(EnumSet.of(InstrumentClass.PIANO), 8, 4);
        String bar = "Bar_None TimeSig_4/4 Position_0 " + PIANO_WHOLE + " ";
        feed(grammar, bar + bar + bar);
        assertThat(grammar.closingRepeatsTooOften(v.bar())).as("two copies of bar 1 are a riff").isFalse();
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 " + PIANO_WHOLE);
        assertThat(grammar.closingRepeatsTooOften(v.bar())).as("closing the third copy").isTrue();
    }

    /**
     * A copy is what a listener hears repeated: the same onsets, pitches and instrument classes. Other durations
     * or another piano program do not make a bar new (the quality benchmark counts copies so too).
     */
    @Test
    void barsThatDifferOnlyInDurationAreCopies() {
        RemiGrammar grammar = grammar(EnumSet.of(InstrumentClass.PIANO), 8, 4);
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_4.0.8 ");
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_3.4.8 ");
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_3.6.8 ");
        feed(grammar, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_3.2.8");
        assertThat(grammar.closingRepeatsTooOften(v.bar())).isTrue();
        RemiGrammar other = grammar(EnumSet.of(InstrumentClass.PIANO), 8, 4);
        feed(other, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_4.0.8 ");
        feed(other, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_4.0.8 ");
        feed(other, "Bar_None TimeSig_4/4 Position_0 Program_0 Pitch_60 Velocity_63 Duration_4.0.8 ");
        feed(other, "Bar_None TimeSig_4/4 Position_8 Program_0 Pitch_60 Velocity_63 Duration_3.0.8");
        assertThat(other.closingRepeatsTooOften(v.bar())).as("another onset is another bar").isFalse();
    }
}
