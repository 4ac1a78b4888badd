package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.token.Quantizer;
import org.musai.token.mmm.MmmTestSupport.ReadFile;

/**
 * Regenerating bars by substitution: the fills of one real score's infill form are replaced by the fills of
 * another score's same bars, as a generator would write them, and the music outside the selection must survive.
 *
 * <p>What survives exactly: every unselected track; every note of a selected track that ends before the selection;
 * and, for each pitch that no note of either score holds across an edge of the selection, the notes after the
 * selection plus the other score's notes inside it. A note held across an edge loses its NOTE_ON or NOTE_OFF to
 * the substitution, and its pitch's later notes may then pair differently: that is the price of notes that span
 * bar lines, and why those pitches are left out.
 */
class MmmInfillSubstitutionTest {

    private static final Quantizer QUANTIZER = new Quantizer(TOKENIZER.quantization());
    private static final int BAR = 1920; // 4/4 at 480 ticks per quarter
    private static final int FIRST_BAR = 1;
    private static final int LAST_BAR = 2;
    private static final int SELECTION_START = FIRST_BAR * BAR;
    private static final int SELECTION_END = (LAST_BAR + 1) * BAR;

    @Test
    void substitutedFillsKeepTheMusicOutsideTheSelection() throws IOException {
        List<ReadFile> usable = new ArrayList<>();
        for (ReadFile file : MmmTestSupport.readAll(TestCorpus.bundled())) {
            Score quantized = QUANTIZER.quantize(file.score());
            boolean commonTimeOnly = quantized.timeSignatures().equals(List.of(TimeSignature.COMMON_TIME));
            if (commonTimeOnly && !quantized.tracks().isEmpty() && TOKENIZER.barCount(file.score()) > LAST_BAR + 1) {
                usable.add(file);
            }
        }
        int pairs = 0;
        int checkedNotes = 0;
        for (int i = 0; i + 1 < usable.size(); i++) {
            Score host = usable.get(i).score();
            Score donor = usable.get(i + 1).score();
            int sharedTracks = Math.min(QUANTIZER.quantize(host).tracks().size(),
                    QUANTIZER.quantize(donor).tracks().size());
            Set<Integer> selection = sharedTracks >= 2 && i % 2 == 1 ? Set.of(0, 1) : Set.of(0);
            String pair = usable.get(i).path().getFileName() + " <- " + usable.get(i + 1).path().getFileName();
            checkedNotes += substituteAndCheck(host, donor, selection, pair);
            pairs++;
        }

        System.out.printf("MMM infill substitution: %d pairs, %d notes checked%n", pairs, checkedNotes);
        assertThat(pairs).isGreaterThanOrEqualTo(5);
        assertThat(checkedNotes).isGreaterThan(1000);
    }

    /** Substitutes the donor's fills into the host's infill form; returns how many notes it compared. */
    private static int substituteAndCheck(Score host, Score donor, Set<Integer> selection, String what) {
        int[] hostForm = TOKENIZER.encodeInfill(host, selection, FIRST_BAR, LAST_BAR);
        int[] donorForm = TOKENIZER.encodeInfill(donor, selection, FIRST_BAR, LAST_BAR);
        int[] prompt = TOKENIZER.infillPrompt(host, selection, FIRST_BAR, LAST_BAR);
        int hostFills = prompt.length - 1;
        int donorFills = indexOf(donorForm, TOKENIZER.tokenIds().fillStart());
        int[] substituted = new int[hostFills + donorForm.length - donorFills];
        System.arraycopy(hostForm, 0, substituted, 0, hostFills);
        System.arraycopy(donorForm, donorFills, substituted, hostFills, donorForm.length - donorFills);
        assertThat(Arrays.copyOf(substituted, prompt.length)).as(what).isEqualTo(prompt);

        Score result = TOKENIZER.decode(substituted).score();
        List<Track> hostTracks = QUANTIZER.quantize(host).tracks();
        List<Track> donorTracks = QUANTIZER.quantize(donor).tracks();
        int checked = 0;
        for (int t = 0; t < hostTracks.size(); t++) {
            Track track = hostTracks.get(t);
            List<Note> decoded = notesOf(result, track);
            if (!selection.contains(t)) {
                assertThat(decoded).as("%s: unselected track %d", what, t).isEqualTo(track.notes());
                checked += decoded.size();
                continue;
            }
            List<Note> donorNotes = donorTracks.get(t).notes();
            List<Note> before = track.notes().stream().filter(n -> n.end() <= SELECTION_START).toList();
            assertThat(decoded).as("%s: track %d before the selection", what, t).containsAll(before);
            boolean[] held = new boolean[128];
            markHeldAcrossEdges(track.notes(), held);
            markHeldAcrossEdges(donorNotes, held);
            List<Note> expected = new ArrayList<>();
            track.notes().stream().filter(n -> !held[n.pitch()])
                    .filter(n -> n.end() <= SELECTION_START || n.tick() >= SELECTION_END).forEach(expected::add);
            donorNotes.stream().filter(n -> !held[n.pitch()])
                    .filter(n -> n.tick() >= SELECTION_START && n.end() <= SELECTION_END).forEach(expected::add);
            List<Note> actual = decoded.stream().filter(n -> !held[n.pitch()]).sorted().toList();
            assertThat(actual).as("%s: track %d, pitches not held across the edges", what, t)
                    .isEqualTo(expected.stream().sorted().toList());
            checked += before.size() + actual.size();
        }
        return checked;
    }

    private static void markHeldAcrossEdges(List<Note> notes, boolean[] held) {
        for (Note note : notes) {
            for (int edge : new int[]{SELECTION_START, SELECTION_END}) {
                if (note.tick() < edge && note.end() > edge) {
                    held[note.pitch()] = true;
                }
            }
        }
    }

    /** The decoded notes of the host track's instrument (empty when no note of it was left). */
    private static List<Note> notesOf(Score score, Track like) {
        Map<String, List<Note>> byInstrument = new HashMap<>();
        for (Track track : score.tracks()) {
            byInstrument.put(track.program() + "/" + track.drum(), track.notes());
        }
        return byInstrument.getOrDefault(like.program() + "/" + like.drum(), List.of());
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError("no id " + id);
    }
}
