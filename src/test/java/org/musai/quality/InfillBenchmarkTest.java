package org.musai.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.generate.GenerationException;
import org.musai.generate.ModelBundle;
import org.musai.midi.BarMap;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;

/** The infill benchmark's region cut on a hand-built score, and the benchmark with the shipped MMM model. */
class InfillBenchmarkTest {

    private static final int Q = 480;
    private static final int BAR = 4 * Q;

    @Test
    void aRegionStartsAtZeroWithTheMeterAndTempoInEffectAndCutsWhatRingsOn() {
        // bars 0-1 in 4/4, then 3/4 from tick 2 * BAR; tempo 100 bpm from bar 1, 90 bpm inside bar 2
        Track piano = new Track("piano", 0, false, List.of(
                new Note(0, Q, 60, 80),                 // bar 0: before the region
                new Note(BAR + Q, 4 * Q, 62, 80),       // bar 1, rings into bar 2 (inside the region)
                new Note(2 * BAR + 2 * Q, 2 * Q, 64, 80), // bar 2 (3/4: 3 * Q long), rings past the region's end
                new Note(2 * BAR + 3 * Q, Q, 65, 80)));  // bar 3: after the region
        Score score = new Score(Q, List.of(piano, new Track("empty", 33, false, List.of())),
                List.of(new TempoChange(0, 500_000), new TempoChange(BAR, 600_000),
                        new TempoChange(2 * BAR + Q, 666_667)),
                List.of(new TimeSignature(0, 4, 4), new TimeSignature(2 * BAR, 3, 4)));

        Score region = BarRegion.of(score, 1, 2);

        assertThat(region.tracks()).hasSize(2);
        assertThat(region.tracks().get(0).notes()).containsExactly(
                new Note(Q, 4 * Q, 62, 80), new Note(BAR + 2 * Q, Q, 64, 80));
        assertThat(region.tracks().get(1).notes()).isEmpty();
        assertThat(region.timeSignatures()).containsExactly(new TimeSignature(0, 4, 4), new TimeSignature(BAR, 3, 4));
        assertThat(region.tempos()).containsExactly(new TempoChange(0, 600_000), new TempoChange(BAR + Q, 666_667));
        assertThat(BarMap.of(region, 2).end()).isEqualTo(BAR + 3 * Q);
    }

    @Test
    void aNoteMovedOutsideTheRegionOrInAnotherTrackIsNotKept() {
        Track piano = new Track("piano", 0, false, List.of(new Note(0, Q, 60, 80), new Note(BAR, Q, 62, 80)));
        Track bass = new Track("bass", 33, false, List.of(new Note(BAR, Q, 40, 80)));
        Score original = new Score(Q, List.of(piano, bass), List.of(), List.of());
        InfillBenchmark.Settings bar2 = new InfillBenchmark.Settings(1, 1, 1, 0);

        Score rewritten = original.withTracks(List.of(
                new Track("piano", 0, false, List.of(new Note(0, Q, 60, 80), new Note(BAR + Q, Q, 67, 90))), bass));
        Score movedOutside = original.withTracks(List.of(
                new Track("piano", 0, false, List.of(new Note(0, Q, 61, 80), new Note(BAR, Q, 62, 80))), bass));
        Score otherTrack = original.withTracks(List.of(piano,
                new Track("bass", 33, false, List.of(new Note(BAR, Q, 41, 80)))));

        assertThat(InfillBenchmark.kept(original, rewritten, Set.of(0), bar2)).isTrue();
        assertThat(InfillBenchmark.kept(original, movedOutside, Set.of(0), bar2)).isFalse();
        assertThat(InfillBenchmark.kept(original, otherTrack, Set.of(0), bar2)).isFalse();
    }

    @Test
    void fillsRealPiecesOnePartEachAndKeepsTheRest() throws Exception {
        ModelBundle model = ModelBundle.loadDefaultInfill();
        InfillBenchmark benchmark = new InfillBenchmark(model);
        TrainingCorpus corpus = TrainingCorpus.read(TestCorpus.bundled().resolve("openscore_lieder"),
                benchmark.quantization(), 12, ProgressListener.NONE, new CancellationToken());
        List<TrainingCorpus.Piece> two = corpus.atLeast(12).subList(0, 2);
        InfillBenchmark.Settings settings = new InfillBenchmark.Settings(4, 7, 3, 42);

        List<FillFigures> fills = benchmark.run(two, corpus.range(), settings, ProgressListener.NONE,
                new CancellationToken());

        assertThat(fills).hasSize(3); // one part of each piece, then a second part of the first
        assertThat(fills.get(0).piece()).isEqualTo(two.get(0).name());
        assertThat(fills.get(1).piece()).isEqualTo(two.get(1).name());
        assertThat(fills.get(2).piece()).isEqualTo(two.get(0).name());
        assertThat(fills.get(2).part()).isNotEqualTo(fills.get(0).part());
        for (FillFigures fill : fills) {
            assertThat(fill.kept()).as(fill.piece()).isTrue();
            assertThat(fill.original().bars()).isEqualTo(4);
            assertThat(fill.originalNotes()).isPositive();
        }
        // the part's notes in bars 5-8, counted here from the piece itself
        TrainingCorpus.Piece first = two.get(0);
        BarMap map = BarMap.of(first.opening(), 8);
        long counted = first.opening().tracks().stream().filter(t -> t.name().equals(fills.get(0).part()))
                .flatMap(t -> t.notes().stream()).filter(n -> n.tick() >= map.start(4) && n.tick() < map.end(7))
                .count();
        assertThat(fills.get(0).originalNotes()).isEqualTo((int) counted);

        InfillReport report = new InfillReport(Path.of("m"), Path.of("c"), 2, settings, fills, 1);
        List<String> keys = new ArrayList<>();
        report.rows().forEach(row -> keys.add(row.key()));
        assertThat(keys).contains("any_defect", "kept", "part_notes", "pitch_class_fit", "pitch_moved");
        assertThat(report.rows().stream().filter(r -> r.key().equals("kept")).findFirst().orElseThrow().values())
                .containsExactly(Double.NaN, 1.0);
    }

    @Test
    void aRemiModelIsRefused() throws Exception {
        ModelBundle remi = ModelBundle.loadDefault();
        assertThatThrownBy(() -> new InfillBenchmark(remi)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("needs an MMM model");
    }
}
