package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.BarMap;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;

/**
 * A piece shown as it is written: every draft is the finished piece up to its last final bar, bar after bar, for
 * each variation of a batch, from scratch and after a primer.
 */
class DraftsTest {

    private record Draft(int variation, Score score, int barsDone, int barsInAll) {
    }

    @Test
    void eachDraftIsTheFinishedPieceUpToItsLastFinalBar() throws Exception {
        Generator generator = new Generator(ModelBundle.loadDefault());
        Score primer = new SmfReader().read(TestCorpus.bundled().resolve("midly/Clementi.mid"));
        for (Score start : java.util.Arrays.asList(null, primer)) {
            GenerationControls controls = new GenerationControls(EnumSet.of(InstrumentClass.PIANO,
                    InstrumentClass.BASS, InstrumentClass.DRUMS), 6, TimeSignature.COMMON_TIME, 110)
                    .withBandMustPlay(start == null);
            List<Draft> drafts = new ArrayList<>();
            List<Generation> pieces = generator.generate(new GenerationRequest(controls, SamplingSettings.defaults(5),
                    2, start, 2, GenerationRequest.DEFAULT_MAX_TOKENS), ProgressListener.NONE,
                    (variation, draft, done, inAll) -> drafts.add(new Draft(variation, draft, done, inAll)),
                    new CancellationToken());
            int inAll = start == null ? 6 : 8; // two bars of primer, then six
            for (int variation = 0; variation < 2; variation++) {
                Score finished = pieces.get(variation).score();
                int piece = variation;
                List<Draft> mine = drafts.stream().filter(d -> d.variation() == piece).toList();
                int[] done = mine.stream().mapToInt(Draft::barsDone).toArray();
                assertThat(done).as("primer %s", start != null).isSorted().doesNotHaveDuplicates();
                assertThat(done[done.length - 1]).isEqualTo(inAll);
                assertThat(done.length).isGreaterThanOrEqualTo(inAll - (start == null ? 0 : 2) - 1);
                for (Draft draft : mine) {
                    assertThat(draft.barsInAll()).isEqualTo(inAll);
                    int end = draft.barsDone() < inAll ? BarMap.of(finished, inAll).start(draft.barsDone())
                            : Integer.MAX_VALUE;
                    assertThat(onsets(draft.score(), Integer.MAX_VALUE))
                            .as("draft of %d bars", draft.barsDone())
                            .isEqualTo(onsets(finished, end));
                }
            }
        }
    }

    /** Instrument, onset and pitch of each note that starts before {@code end}. */
    private static Set<String> onsets(Score score, int end) {
        Set<String> found = new TreeSet<>();
        for (Track track : score.tracks()) {
            for (Note note : track.notes()) {
                if (note.tick() < end) {
                    found.add((track.drum() ? "drums" : track.program()) + "@" + note.tick() + ":" + note.pitch());
                }
            }
        }
        return found;
    }
}
