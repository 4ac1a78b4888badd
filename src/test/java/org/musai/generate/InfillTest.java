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

    @Test
    void regeneratesTheChosenBarsAndKeepsTheRest() throws Exception {
        Score song = new SmfReader().read(TestCorpus.bundled().resolve("midly/Clementi.mid"));
        Quantization q = new Quantization(model.codec().tokenizer().config());
        Score original = new Quantizer(q).quantize(song);
        BarGrid grid = BarGrid.of(original.timeSignatures(), q);
        int from = grid.barStart(2) * q.ticksPerPosition();
        int to = grid.barStart(4) * q.ticksPerPosition();
        Generator generator = new Generator(model);
        for (long seed = 0; seed < 4; seed++) {
            Generation piece = generator.infill(song, Set.of(0), 2, 3, SamplingSettings.defaults(seed).withSeed(seed),
                    4000, new CancellationToken());
            assertThat(piece.skippedTokens()).isZero();
            assertThat(piece.score().tracks()).hasSameSizeAs(original.tracks());
            // the other tracks stay note for note
            for (int t = 1; t < original.tracks().size(); t++) {
                assertThat(piece.score().tracks().get(t).notes()).isEqualTo(original.tracks().get(t).notes());
            }
            // track 0 keeps every note that starts and ends outside the regenerated bars
            List<Note> kept = original.tracks().get(0).notes().stream()
                    .filter(n -> n.end() <= from || n.tick() >= to).toList();
            assertThat(piece.score().tracks().get(0).notes()).containsAll(kept);
        }
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
