package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.model.EmbeddingVae;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;
import org.musai.model.VaeConfig;
import org.musai.progress.CancellationToken;

/** The seed's embedding VAE: its shape, training it alone, and a model trained on it, frozen. */
class EmbeddingVaeTest {

    @TempDir
    static Path shared;
    static Path vaeFile;
    static Path dataset;

    static TrainingOptions options(Path output, int epochs, int steps, double rate) {
        return new TrainingOptions(dataset, null, 0, output, null, 32, 4, 32, 2, epochs, steps, rate, 0, 0, false,
                true, 0f, "cpu", 7, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
    }

    @BeforeAll
    static void trainAVaeAlone() throws Exception {
        dataset = shared.resolve("dataset");
        new org.musai.token.dataset.DatasetBuilder().build(new org.musai.token.dataset.DatasetRequest(
                org.musai.token.dataset.SourceFiles.find(org.musai.TestCorpus.bundled(), null), dataset,
                org.musai.token.TokenizerConfig.defaults(org.musai.token.TokenizerConfig.Algorithm.REMI),
                org.musai.midi.InstrumentFilter.defaults(), false, 0, 2), org.musai.progress.ProgressListener.NONE,
                new CancellationToken());
        Path out = shared.resolve("vae");
        List<Double> losses = new ArrayList<>();
        new VaeTrainer().train(options(out, 2, 15, 3e-3), 8, 2, null, new TrainingListener() {
            @Override
            public void epochEnded(EpochMetrics metrics) {
                losses.add(metrics.trainLoss());
            }
        }, new CancellationToken());
        assertThat(losses).hasSize(2);
        assertThat(losses.get(1)).isLessThan(losses.get(0));
        vaeFile = out.resolve(VaeTrainer.fileName(1));
        assertThat(out.resolve(VaeTrainer.fileName(0))).exists();
        assertThat(out.resolve(EmbeddingVae.CONFIG_FILE)).exists();
    }

    /** The seed's defaults (embedding 768, latent 512, 4 layers), counted by hand from its embed.py. */
    @Test
    void theShapeIsTheSeeds() {
        VaeConfig seed = new VaeConfig(560, 768, 512, 4);
        assertThat(seed.encoderWidths()).containsExactly(4096, 2048, 1024, 512);
        long encoder = 768L * 4096 + 4096L * 2048 + 2048L * 1024 + 1024L * 512 + 512L * 512 + 2 * (512L * 512 + 512);
        long decoder = 512L * 512 + 512L * 1024 + 1024L * 2048 + 2048L * 4096 + 4096L * 4096 + 4096L * 768;
        assertThat(encoder).isEqualTo(14_943_232L);
        assertThat(decoder).isEqualTo(31_195_136L);
        long all = EmbeddingVae.shapes(seed).values().stream().mapToLong(Shape::size).sum();
        assertThat(all).isEqualTo(560L * 768 + encoder + decoder + 512L * 768);
    }

    /**
     * A model trained on the frozen VAE's embeddings saves each id's embedding at the latent's mean as its own table,
     * so that the saved model alone computes what the model with the VAE computes without drawing; it resumes exactly.
     */
    @Test
    void aModelTrainsOnTheFrozenVaeAndSavesItsEmbeddingPath(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        new Trainer().train(options(straight, 2, 4, 2e-3).withVae(VaeMode.frozen(vaeFile)),
                new TrainingListener() {
                }, new CancellationToken());
        assertThat(Files.readAllBytes(straight.resolve(Trainer.RUN_VAE))).isEqualTo(Files.readAllBytes(vaeFile));

        RunFolder run = new RunFolder(straight);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights saved = Trainer.loadRunWeights(run, run.readConfig(), manager);
             EmbeddingVae vae = EmbeddingVae.load(straight.resolve(Trainer.RUN_VAE), manager)) {
            long[] tokens = new java.util.Random(2).longs(24, 1, saved.config().vocabSize()).toArray();
            float[] alone;
            float[] withVae;
            try (NDManager pass = manager.newSubManager()) {
                alone = new RwkvModel(saved).forward(pass.create(tokens, new Shape(1, 24)), false).toFloatArray();
            }
            try (NDManager pass = manager.newSubManager()) {
                withVae = new RwkvModel(saved, null, vae).forward(pass.create(tokens, new Shape(1, 24)), false)
                        .toFloatArray();
            }
            for (int i = 0; i < alone.length; i++) {
                assertThat(alone[i]).isCloseTo(withVae[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }

        Path interrupted = dir.resolve("interrupted");
        TrainerTest.stopAndResume(options(interrupted, 2, 4, 2e-3).withVae(VaeMode.frozen(vaeFile)), 3);
        assertThat(TrainerTest.losses(interrupted)).isEqualTo(TrainerTest.losses(straight));
    }

    /**
     * -v true: a fresh VAE trains with the model; its weights and moments are checkpointed beside the model's, and a
     * stopped run resumes to the uninterrupted one's losses and both files, bit for bit.
     */
    @Test
    void aVaeTrainedJointlyIsCheckpointedAndResumesExactly(@TempDir Path dir) throws Exception {
        VaeMode joint = VaeMode.joint(8, 2);
        Path straight = dir.resolve("straight");
        List<Double> losses = new ArrayList<>();
        new Trainer().train(options(straight, 2, 8, 3e-3).withVae(joint), new TrainingListener() {
            @Override
            public void epochEnded(EpochMetrics metrics) {
                losses.add(metrics.trainLoss());
            }
        }, new CancellationToken());
        assertThat(losses.get(1)).isLessThan(losses.get(0));
        Path interrupted = dir.resolve("interrupted");
        TrainerTest.stopAndResume(options(interrupted, 2, 8, 3e-3).withVae(joint), 5);
        assertThat(TrainerTest.losses(interrupted)).isEqualTo(TrainerTest.losses(straight));
        for (String file : List.of("model.safetensors", Trainer.RUN_VAE)) {
            assertThat(Files.readAllBytes(interrupted.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(straight.resolve(file)));
        }
        try (NDManager manager = NDManager.newBaseManager();
             EmbeddingVae saved = EmbeddingVae.load(straight.resolve(Trainer.RUN_VAE), manager);
             EmbeddingVae fresh = EmbeddingVae.initialize(saved.config(), manager, 7)) {
            assertThat(saved.parameters().get("decoder.module.out.weight").toFloatArray())
                    .as("the VAE trained").isNotEqualTo(fresh.parameters().get("decoder.module.out.weight")
                            .toFloatArray());
        }
    }

    @Test
    void aVaeOfAnotherEmbeddingSizeIsRefused(@TempDir Path dir) {
        TrainingOptions wider = new TrainingOptions(dataset, null, 0, dir.resolve("run"), null, 32, 4, 48,
                2, 1, 2, 1e-3, 0, 0, false, true, 0f, "cpu", 7, 0.1, 10).withVae(VaeMode.frozen(vaeFile));
        assertThatThrownBy(() -> new Trainer().train(wider, new TrainingListener() {
        }, new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("(-e)");
        assertThat(dir.resolve("run")).as("refused before anything is written, so a retry may use it")
                .doesNotExist();
    }
}
