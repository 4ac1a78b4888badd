package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.BarMap;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;
import org.musai.token.SpecialTokens;
import org.musai.token.mmm.MmmTestSupport.ReadFile;

/**
 * The documents MMM learns infill from and the prompt that asks it for a new part, made by cutting a plain document
 * as the encoder wrote it; checked against the encoder's own infill form and against the decoded music.
 */
class MmmTrainingExampleTest {

    private static final MmmTokenIds IDS = TOKENIZER.tokenIds();

    @Test
    void aParsedDocumentGivesTheInfillFormTheEncoderGives() throws IOException {
        int checked = 0;
        for (ReadFile file : MmmTestSupport.readAll(TestCorpus.bundled())) {
            int[] plain = TOKENIZER.encode(file.score());
            MmmDocument parsed = MmmDocument.parse(plain, IDS);
            int bars = TOKENIZER.barCount(file.score());
            if (bars == 0) {
                continue;
            }
            assertThat(parsed).as(file.path().toString()).isNotNull();
            assertThat(parsed.barCount()).isEqualTo(bars);
            int last = Math.min(bars - 1, 2);
            assertThat(parsed.infill(new int[]{0}, 0, last, IDS, false))
                    .isEqualTo(TOKENIZER.encodeInfill(file.score(), Set.of(0), 0, last));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
        assertThat(MmmDocument.parse(new int[]{SpecialTokens.BOS, SpecialTokens.EOS}, IDS)).isNull();
        assertThat(MmmDocument.parse(new int[]{SpecialTokens.BOS, IDS.pieceStart(), IDS.tempoId(3), IDS.barStart(),
                SpecialTokens.EOS}, IDS)).isNull();
    }

    @Test
    void aSegmentHoldsTheNotesThatStartInItsBars() throws IOException {
        int compared = 0;
        for (ReadFile file : MmmTestSupport.readAll(TestCorpus.bundled())) {
            int[] plain = TOKENIZER.encode(file.score());
            MmmDocument document = MmmDocument.parse(plain, IDS);
            if (document == null || document.barCount() < 8) {
                continue;
            }
            Score whole = TOKENIZER.decode(plain).score();
            Score segment = TOKENIZER.decode(document.segment(2, 4, IDS).tokens()).score();
            BarMap bars = BarMap.of(whole, 6);
            Set<String> expected = onsets(whole, bars.start(2), bars.end(5));
            assertThat(onsets(segment, 0, Integer.MAX_VALUE)).as(file.path().toString())
                    .isEqualTo(shifted(expected, bars.start(2)));
            compared += expected.size();
        }
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void trainingExamplesAreAStretchOfThePieceWithBarsLeftToFill() throws IOException {
        ReadFile band = MmmTestSupport.readAll(TestCorpus.bundled()).stream()
                .filter(f -> TOKENIZER.decode(TOKENIZER.encode(f.score())).score().tracks().size() >= 3
                        && TOKENIZER.barCount(f.score()) >= 20)
                .findFirst().orElseThrow();
        int[] plain = TOKENIZER.encode(band.score());
        MmmDocument document = MmmDocument.parse(plain, IDS);
        int wholeTracks = 0;
        int examples = 60;
        for (int seed = 0; seed < examples; seed++) {
            int[] example = TOKENIZER.trainingExample(plain, 16, new SplittableRandom(seed));
            int fills = count(example, IDS.fillStart());
            assertThat(fills).isPositive().isEqualTo(count(example, IDS.fillPlaceholder()))
                    .isEqualTo(count(example, IDS.fillEnd()));
            int tracks = count(example, IDS.trackStart());
            int bars = count(example, IDS.barStart()) / tracks;
            assertThat(bars).isBetween(MmmTokenizer.MIN_EXAMPLE_BARS, 16);
            wholeTracks += fills == bars && fills > MmmTokenizer.MAX_FILL_BARS ? 1 : 0;
            // the fills put back where their placeholders stand give the music of one stretch of the piece
            Score decoded = TOKENIZER.decode(example).score();
            boolean found = false;
            for (int first = 0; first + bars <= document.barCount() && !found; first++) {
                Score stretch = TOKENIZER.decode(document.segment(first, bars, IDS).tokens()).score();
                found = MmmTestSupport.firstDifference(stretch, decoded).isEmpty();
            }
            assertThat(found).as("seed " + seed + ": a stretch of " + bars + " bars").isTrue();
        }
        // a new part over all the bars is asked for in about 30% of the examples (fills of 9+ bars are only that)
        assertThat(wholeTracks).isBetween(3, 30);
        assertThat(TOKENIZER.trainingExample(new int[]{SpecialTokens.BOS, SpecialTokens.EOS}, 16,
                new SplittableRandom(1))).isNull();
    }

    @Test
    void aNewTrackPromptAddsAnEmptyPartInTrackOrderAndAsksForEveryBar() throws IOException {
        ReadFile file = MmmTestSupport.readAll(TestCorpus.bundled()).stream()
                .filter(f -> TOKENIZER.barCount(f.score()) >= 4 && f.score().tracks().stream().noneMatch(t -> t.drum()
                        || t.program() >= 32 && t.program() < 40)).findFirst().orElseThrow();
        Score score = file.score();
        int bars = TOKENIZER.barCount(score);
        MmmTokenizer.NewTrack bass = TOKENIZER.addTrackPrompt(score, 33, false, 4);
        int[] prompt = bass.prompt();
        assertThat(prompt[prompt.length - 1]).isEqualTo(IDS.fillStart());
        assertThat(count(prompt, IDS.fillPlaceholder())).isEqualTo(bars);
        assertThat(bass.slots()).hasSize(bars).allMatch(slot -> slot.track() == bass.track());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i + 1 < prompt.length; i++) {
            if (prompt[i] == IDS.trackStart()) {
                order.add(IDS.valueOf(prompt[i + 1]));
            }
        }
        assertThat(order.get(bass.track())).isEqualTo(33);
        assertThat(order).isSortedAccordingTo(Integer::compare);
        int densityAt = indexOf(prompt, IDS.instrumentId(33, false)) + 1;
        assertThat(prompt[densityAt]).isEqualTo(IDS.densityId(4));
        // the rest of the document is the piece as it was: the same notes, nothing in the new part yet
        Score withEmpty = TOKENIZER.decode(java.util.Arrays.copyOf(prompt, prompt.length - 1)).score();
        Score original = TOKENIZER.decode(TOKENIZER.encode(score)).score();
        assertThat(withEmpty.noteCount()).isEqualTo(original.noteCount());
        MmmTokenizer.NewTrack drums = TOKENIZER.addTrackPrompt(score, 0, true, 6);
        assertThat(drums.track()).isEqualTo(order.size() - 1); // drums come last

        int program = score.tracks().get(0).program();
        assertThatThrownBy(() -> TOKENIZER.addTrackPrompt(score, program, false, 4))
                .hasMessageContaining("already has this instrument");
        assertThatThrownBy(() -> TOKENIZER.addTrackPrompt(score, 33, false, 10)).hasMessageContaining("density");
        assertThatThrownBy(() -> TOKENIZER.addTrackPrompt(new Score(480, List.of(), List.of(), List.of()), 33,
                false, 4)).hasMessageContaining("has none");
    }

    /** "program/drum@tick:pitch" of every note that starts in [from, to), ticks from {@code from}. */
    private static Set<String> onsets(Score score, int from, int to) {
        Set<String> found = new HashSet<>();
        for (Track track : score.tracks()) {
            for (Note note : track.notes()) {
                if (note.tick() >= from && note.tick() < to) {
                    found.add(track.program() + "/" + track.drum() + "@" + note.tick() + ":" + note.pitch());
                }
            }
        }
        return found;
    }

    private static Set<String> shifted(Set<String> onsets, int by) {
        Set<String> moved = new HashSet<>();
        for (String onset : onsets) {
            int at = onset.indexOf('@');
            int colon = onset.indexOf(':');
            moved.add(onset.substring(0, at + 1) + (Integer.parseInt(onset.substring(at + 1, colon)) - by)
                    + onset.substring(colon));
        }
        return moved;
    }

    private static int count(int[] tokens, int id) {
        return (int) java.util.Arrays.stream(tokens).filter(t -> t == id).count();
    }

    private static int indexOf(int[] tokens, int id) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
