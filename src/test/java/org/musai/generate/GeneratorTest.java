package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.SmfWriter;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;
import org.musai.train.Trainer;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;

/**
 * Generation with a real (briefly trained) REMI model: every piece decodes with no token skipped, at any temperature,
 * with only the instruments asked for, in the bars asked for, the same for the same seed, and continuing a primer.
 */
class GeneratorTest {

    @TempDir
    static Path shared;
    static ModelBundle model;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Path dataset = shared.resolve("ds");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        Path run = shared.resolve("run");
        new Trainer().train(new TrainingOptions(dataset, null, 0, run, null, 64, 4, 32, 2, 1, 20, 3e-3, 0, 0, true,
                true, 0f, "cpu", 1, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY), new TrainingListener() {
        }, new CancellationToken());
        model = ModelBundle.load(run);
    }

    static GenerationRequest request(Set<InstrumentClass> classes, int bars, double temperature, long seed) {
        return new GenerationRequest(new GenerationControls(classes, bars, new TimeSignature(0, 3, 4), 100),
                new SamplingSettings(temperature, 0.95, 0, 1.1, 1.5, 128, 0.85, seed), 1, null, 0, 4000);
    }

    @Test
    void aCheckpointFolderLoadsWithItsRunsConfigAndTokenizer() throws Exception {
        Path checkpoint;
        try (var list = java.nio.file.Files.list(shared.resolve("run").resolve("checkpoints"))) {
            checkpoint = list.sorted().reduce((a, b) -> b).orElseThrow();
        }
        ModelBundle fromCheckpoint = ModelBundle.load(checkpoint);
        assertThat(fromCheckpoint.codec().vocabSize()).isEqualTo(model.codec().vocabSize());
        Generation piece = new Generator(fromCheckpoint).generate(request(EnumSet.of(InstrumentClass.PIANO), 2, 1.0, 3),
                ProgressListener.NONE, new CancellationToken()).get(0);
        assertThat(piece.skippedTokens()).isZero();
        assertThatThrownBy(() -> ModelBundle.load(shared.resolve("ds"))).isInstanceOf(GenerationException.class)
                .hasMessageContaining("not a model folder");
    }

    @Test
    void everyPieceDecodesCompletelyAtAnyTemperature() throws Exception {
        Generator generator = new Generator(model);
        int pieces = 0;
        for (double temperature : new double[]{0.1, 0.7, 1.0, 1.5, 2.0}) {
            for (long seed = 0; seed < 6; seed++) {
                Generation piece = generator.generate(request(EnumSet.allOf(InstrumentClass.class), 4, temperature,
                        seed), ProgressListener.NONE, new CancellationToken()).get(0);
                assertThat(piece.skippedTokens()).as("T=%s seed=%s", temperature, seed).isZero();
                assertThat(piece.ids()[piece.ids().length - 1]).isEqualTo(org.musai.token.SpecialTokens.EOS);
                pieces++;
            }
        }
        assertThat(pieces).isEqualTo(30);
    }

    @Test
    void onlyTheChosenInstrumentsPlayWithinTheBarsAskedFor() throws Exception {
        Generator generator = new Generator(model);
        Set<InstrumentClass> chosen = EnumSet.of(InstrumentClass.BASS, InstrumentClass.DRUMS);
        for (long seed = 0; seed < 5; seed++) {
            Score score = generator.generate(request(chosen, 3, 1.2, seed), ProgressListener.NONE,
                    new CancellationToken()).get(0).score();
            assertThat(score.noteCount()).isPositive();
            for (Track track : score.tracks()) {
                assertThat(chosen).contains(track.instrumentClass());
            }
            int threeBars = 3 * new TimeSignature(0, 3, 4).barTicks(Quantization.TICKS_PER_QUARTER);
            assertThat(score.tracks().stream().flatMap(t -> t.notes().stream()).mapToInt(Note::tick).max().orElse(0))
                    .isLessThan(threeBars);
            assertThat(score.timeSignatures()).containsExactly(new TimeSignature(0, 3, 4));
            assertThat(score.tempos().get(0).bpm()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void theSameSeedGivesTheSameNotesAndVariationsDiffer() throws Exception {
        Generator generator = new Generator(model);
        GenerationRequest twice = new GenerationRequest(request(EnumSet.of(InstrumentClass.PIANO), 4, 1.0, 9).controls(),
                request(EnumSet.of(InstrumentClass.PIANO), 4, 1.0, 9).sampling(), 2, null, 0, 4000);
        List<Generation> first = generator.generate(twice, ProgressListener.NONE, new CancellationToken());
        List<Generation> second = generator.generate(twice, ProgressListener.NONE, new CancellationToken());
        assertThat(first.get(0).ids()).containsExactly(second.get(0).ids());
        assertThat(first.get(1).ids()).containsExactly(second.get(1).ids());
        assertThat(first.get(0).ids()).isNotEqualTo(first.get(1).ids());
    }

    @Test
    void continuesAPrimerAfterItsBarsKeepingItsTracksTempoAndInstruments(@TempDir Path dir) throws Exception {
        Score primer = new SmfReader().read(TestCorpus.bundled().resolve("midly/Clementi.mid"));
        // the file as read: 120 ticks per quarter, 4/4 at 160 bpm, the two hands on two piano tracks
        assertThat(primer.ticksPerQuarter()).isEqualTo(120);
        assertThat(primer.tracks()).hasSize(2);
        int primerEnd = 2 * 4 * 120; // two bars of 4/4
        // every class may play: a continuation still plays only the primer's piano
        GenerationRequest request = new GenerationRequest(new GenerationControls(InstrumentFilter.defaultClasses(), 4,
                TimeSignature.COMMON_TIME, 120), SamplingSettings.defaults(5), 1, primer, 2, 4000);
        Generation piece = new Generator(model).generate(request, ProgressListener.NONE, new CancellationToken()).get(0);
        Score result = piece.score();
        assertThat(piece.skippedTokens()).isZero();
        assertThat(result.ticksPerQuarter()).isEqualTo(120);
        assertThat(result.tempos()).isEqualTo(primer.tempos());
        assertThat(result.tracks()).as("the two hands stay two tracks, and no other instrument joins")
                .hasSize(2).allSatisfy(t -> assertThat(t.instrumentClass()).isEqualTo(InstrumentClass.PIANO));
        for (int hand = 0; hand < 2; hand++) {
            List<Note> own = primer.tracks().get(hand).notes().stream().filter(n -> n.tick() < primerEnd).toList();
            assertThat(result.tracks().get(hand).notes().stream().filter(n -> n.tick() < primerEnd).toList())
                    .as("hand %d in the primer's bars, as read", hand).isEqualTo(own);
        }
        assertThat(result.tracks().stream().flatMap(t -> t.notes().stream()).filter(n -> n.tick() >= primerEnd))
                .as("the continuation").isNotEmpty();
        new SmfWriter().write(result, dir.resolve("continued.mid"));
        assertThat(new SmfReader().read(dir.resolve("continued.mid")).noteCount()).isEqualTo(result.noteCount());
    }
}
