package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.token.DecodedScore;

/** How decoding reads hand-written sequences: what it keeps, and which tokens it skips and counts. */
class MmmDecoderGrammarTest {

    private static final String HEADER = "BOS_None PIECE_START TEMPO_122.17 TRACK_START INST_0 DENSITY_2 ";

    private static DecodedScore decode(String names) {
        int[] ids = Arrays.stream(names.trim().split("\\s+")).mapToInt(TOKENIZER.vocabulary()::id).toArray();
        return TOKENIZER.decode(ids);
    }

    private static List<Note> notesOfOnlyTrack(DecodedScore decoded) {
        assertThat(decoded.score().tracks()).hasSize(1);
        return decoded.score().tracks().get(0).notes();
    }

    @Test
    void skipsANoteOffWithoutOpenNote() {
        DecodedScore decoded = decode(HEADER
                + "BAR_START VELOCITY_100 NOTE_OFF_60 NOTE_ON_60 TIME_DELTA_4 NOTE_OFF_60 BAR_END TRACK_END EOS_None");

        assertThat(decoded.skippedTokens()).isEqualTo(1);
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(0, 240, 60, 100));
    }

    @Test
    void pairsNoteOffsWithTheEarliestOpenNoteOfThePitch() {
        DecodedScore decoded = decode(HEADER + "BAR_START VELOCITY_100 NOTE_ON_60 TIME_DELTA_4 VELOCITY_63 NOTE_ON_60"
                + " TIME_DELTA_4 NOTE_OFF_60 TIME_DELTA_4 NOTE_OFF_60 BAR_END TRACK_END EOS_None");

        assertThat(decoded.skippedTokens()).isZero();
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(0, 480, 60, 100), new Note(240, 480, 60, 63));
    }

    @Test
    void needsAVelocityInEveryBarBeforeItsFirstNote() {
        DecodedScore decoded = decode(HEADER + "BAR_START VELOCITY_100 NOTE_ON_60 TIME_DELTA_4 NOTE_OFF_60 BAR_END"
                + " BAR_START NOTE_ON_62 TIME_DELTA_4 NOTE_OFF_62 BAR_END TRACK_END EOS_None");

        assertThat(decoded.skippedTokens()).isEqualTo(2); // the note-on without velocity, then its note-off
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(0, 240, 60, 100));
    }

    @Test
    void endsANoteStillOpenAtTrackEndWithTheLastBarWithoutSkipping() {
        DecodedScore decoded = decode(HEADER + "BAR_START VELOCITY_100 TIME_DELTA_8 NOTE_ON_60 BAR_END"
                + " BAR_START BAR_END TRACK_END EOS_None");

        assertThat(decoded.skippedTokens()).isZero();
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(480, 3840 - 480, 60, 100));
    }

    @Test
    void stopsAtTheFirstEosAndClosesWhatIsOpen() {
        DecodedScore decoded = decode(HEADER + "BAR_START VELOCITY_100 NOTE_ON_60 TIME_DELTA_4"
                + " EOS_None NOTE_OFF_60 PAD_None MASK_None BAR_END");

        assertThat(decoded.skippedTokens()).isZero();
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(0, 1920, 60, 100));
    }

    @Test
    void skipsShiftsPastTheBarEndAndNoteOnsOnIt() {
        DecodedScore decoded = decode(HEADER + "BAR_START TIME_SIG_2/4 VELOCITY_100 NOTE_ON_60 TIME_DELTA_16"
                + " TIME_DELTA_1 NOTE_OFF_60 NOTE_ON_62 NOTE_OFF_62 BAR_END TRACK_END EOS_None");

        // TIME_DELTA_1 goes past the 2/4 bar, NOTE_ON_62 sits on its end, and then NOTE_OFF_62 has no note
        assertThat(decoded.skippedTokens()).isEqualTo(3);
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(0, 960, 60, 100));
    }

    @Test
    void skipsZeroLengthNotesTimeSignaturesAfterEventsAndTracksWithoutInstrument() {
        DecodedScore decoded = decode("BOS_None PIECE_START TRACK_START BAR_START VELOCITY_100 NOTE_ON_70 BAR_END"
                + " TRACK_END TRACK_START INST_40 BAR_START VELOCITY_100 NOTE_ON_60 NOTE_OFF_60 TIME_SIG_3/4"
                + " TIME_DELTA_2 NOTE_OFF_60 BAR_END TRACK_END EOS_None");

        // first track: BAR_START, VELOCITY, NOTE_ON and BAR_END have no instrument; then NOTE_OFF at the onset
        // and TIME_SIG after events
        assertThat(decoded.skippedTokens()).isEqualTo(6);
        assertThat(decoded.score().tracks()).containsExactly(
                new Track("Strings", 40, false, List.of(new Note(0, 120, 60, 100))));
    }

    @Test
    void takesTimeSignaturesFromTheFirstTrackAndBarLengthsFromEachTrack() {
        DecodedScore decoded = decode("BOS_None PIECE_START TEMPO_40.00"
                + " TRACK_START INST_0 BAR_START TIME_SIG_3/4 BAR_END BAR_START TIME_SIG_4/4 BAR_END TRACK_END"
                + " TRACK_START INST_1 BAR_START TIME_SIG_6/8 BAR_END BAR_START VELOCITY_127 NOTE_ON_60 BAR_END"
                + " TRACK_END EOS_None");

        assertThat(decoded.skippedTokens()).isZero();
        assertThat(decoded.score().timeSignatures())
                .containsExactly(new TimeSignature(0, 3, 4), new TimeSignature(1440, 4, 4));
        assertThat(decoded.score().tempos().get(0).bpm()).isEqualTo(40.0);
        // track 2 keeps 6/8 in its second bar: the note lasts 1440 ticks from 1440
        assertThat(decoded.score().tracks().get(0).notes()).containsExactly(new Note(1440, 1440, 60, 127));
    }

    @Test
    void leavesPlaceholdersWithoutFillEmptyAndSkipsFillsWithoutPlaceholder() {
        DecodedScore missing = decode(HEADER + "BAR_START FILL_PLACEHOLDER BAR_END"
                + " BAR_START VELOCITY_100 NOTE_ON_60 TIME_DELTA_4 NOTE_OFF_60 BAR_END TRACK_END EOS_None");
        DecodedScore extra = decode(HEADER + "BAR_START FILL_PLACEHOLDER BAR_END TRACK_END"
                + " FILL_START VELOCITY_100 NOTE_ON_60 TIME_DELTA_4 NOTE_OFF_60 FILL_END"
                + " FILL_START VELOCITY_100 NOTE_ON_62 FILL_END EOS_None");

        assertThat(missing.skippedTokens()).isZero();
        assertThat(notesOfOnlyTrack(missing)).containsExactly(new Note(1920, 240, 60, 100));
        assertThat(extra.skippedTokens()).isEqualTo(4);
        assertThat(notesOfOnlyTrack(extra)).containsExactly(new Note(0, 240, 60, 100));
    }

    @Test
    void readsAFillThatTheGeneratorLeftUnfinished() {
        DecodedScore decoded = decode(HEADER + "BAR_START FILL_PLACEHOLDER BAR_END TRACK_END"
                + " FILL_START VELOCITY_100 NOTE_ON_60 TIME_DELTA_4");

        assertThat(decoded.skippedTokens()).isZero();
        assertThat(notesOfOnlyTrack(decoded)).containsExactly(new Note(0, 1920, 60, 100));
    }

    @Test
    void skipsStructuralTokensOutOfPlaceAndSpecialTokensInside() {
        DecodedScore decoded = decode("PIECE_START BOS_None TEMPO_40.00 TEMPO_40.00 BAR_END TRACK_END FILL_END"
                + " FILL_PLACEHOLDER TRACK_START DENSITY_1 INST_0 INST_1 TRACK_START PIECE_START PAD_None EOS_None");

        // BOS after PIECE_START, the second TEMPO, BAR_END, TRACK_END, FILL_END, FILL_PLACEHOLDER outside a bar,
        // DENSITY before INST, the second INST, TRACK_START in a track, PIECE_START in a track, PAD
        assertThat(decoded.skippedTokens()).isEqualTo(11);
        assertThat(decoded.score().tracks()).isEmpty();
    }
}
