package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.BarGrid;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;
import org.musai.train.Trainer;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;

/** Bar infill with a real (briefly trained) MMM model: chosen bars are rewritten, everything else stays. */
class InfillTest {

    @TempDir
    static Path shared;
    static ModelBundle model;

    @BeforeAll
    static void trainATinyMmmModel() throws Exception {
        Path dataset = shared.resolve("mmm");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        Path run = shared.resolve("run");
        new Trainer().train(new TrainingOptions(dataset, null, 0, run, null, 64, 4, 32, 2, 1, 20, 3e-3, 0, 0, false,
                true, 0f, "cpu", 1, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY), new TrainingListener() {
        }, new CancellationToken());
        model = ModelBundle.load(run);
    }

    /** A band of six tracks (two guitars, bass, strings, ensemble, drums) that all survive quantization. */
    private static final String BAND = "freedoom/freedoom1_D_E1M2.mid";
    private static final int CHOSEN = 2; // the bass

    @Test
    void regeneratesTheChosenBarsOfTheChosenTrackAndNothingElse() throws Exception {
        Score song = new SmfReader().read(TestCorpus.bundled().resolve(BAND));
        Quantization q = new Quantization(model.codec().tokenizer().config());
        Score original = new Quantizer(q).quantize(song);
        assertThat(original.tracks()).as("the primer keeps its tracks, so the checks below have tracks to check")
                .hasSize(6);
        BarGrid grid = BarGrid.of(original.timeSignatures(), q);
        int from = grid.barStart(2) * q.ticksPerPosition();
        int to = grid.barStart(4) * q.ticksPerPosition();
        Generator generator = new Generator(model);
        int changed = 0;
        for (long seed = 0; seed < 4; seed++) {
            Generation piece = generator.infill(song, Set.of(CHOSEN), 2, 3,
                    SamplingSettings.defaults(seed).withSeed(seed), 4000, new CancellationToken());
            assertThat(piece.skippedTokens()).isZero();
            assertThat(piece.score().tracks()).hasSameSizeAs(original.tracks());
            for (int t = 0; t < original.tracks().size(); t++) {
                if (t != CHOSEN) {
                    assertThat(piece.score().tracks().get(t).notes()).as("track %d, not chosen", t)
                            .isEqualTo(original.tracks().get(t).notes());
                }
            }
            // on the chosen track, outside the two bars, no note is added or lost
            List<Note> before = outside(original.tracks().get(CHOSEN).notes(), from, to);
            List<Note> after = outside(piece.score().tracks().get(CHOSEN).notes(), from, to);
            assertThat(after).as("the chosen track outside bars 3-4").containsExactlyInAnyOrderElementsOf(before);
            List<Note> inside = piece.score().tracks().get(CHOSEN).notes().stream()
                    .filter(n -> n.tick() >= from && n.tick() < to).toList();
            assertThat(inside).allSatisfy(n -> assertThat(n.end()).isLessThanOrEqualTo(to));
            if (!inside.equals(original.tracks().get(CHOSEN).notes().stream()
                    .filter(n -> n.tick() >= from && n.tick() < to).toList())) {
                changed++;
            }
        }
        assertThat(changed).as("pieces whose chosen bars differ from the primer's").isPositive();
    }

    private static List<Note> outside(List<Note> notes, int from, int to) {
        return notes.stream().filter(n -> n.end() <= from || n.tick() >= to).toList();
    }

    @Test
    void refusesWhatItCannotDo() {
        Score song = new Score(480, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> new Generator(model).infill(song, Set.of(3), 0, 0, SamplingSettings.defaults(1), 100,
                new CancellationToken())).isInstanceOf(GenerationException.class);
        assertThatThrownBy(() -> new Generator(model).generate(GeneratorTest.request(Set.of(
                org.musai.midi.InstrumentClass.PIANO), 2, 1.0, 1), ProgressListener.NONE, new CancellationToken()))
                .isInstanceOf(GenerationException.class).hasMessageContaining("MMM");
    }
}
