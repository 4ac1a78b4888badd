package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import ai.djl.ndarray.NDManager;
import org.musai.midi.InstrumentFilter;
import org.musai.model.AdapterConfig;
import org.musai.model.LoraAdapter;
import org.musai.model.LoraSettings;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvWeights;
import org.musai.model.SafetensorsFile;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;

/** Real training runs of a tiny model on a real dataset: learning, run files, exact resume, refusals. */
class TrainerTest {

    @TempDir
    static Path shared;
    static Path dataset;

    @BeforeAll
    static void tokenize() throws Exception {
        dataset = shared.resolve("dataset");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI),
                new org.musai.midi.InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
    }

    static TrainingOptions options(Path output, int epochs, int steps, double rate) {
        return new TrainingOptions(dataset, null, 0, output, null, 32, 4, 32, 2, epochs, steps, rate, 0, 0, false,
                true, 0f, "cpu", 7, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
    }

    @Test
    void learnsBelowTheUnigramBaselineAndWritesItsRunFolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingSummary summary = new Trainer().train(options(run, 4, 40, 3e-3), new TrainingListener() {
            @Override
            public void epochEnded(EpochMetrics metrics) {
                epochs.add(metrics);
            }
        }, new CancellationToken());
        assertThat(summary.steps()).isEqualTo(160);
        assertThat(summary.stopped()).isFalse();
        assertThat(epochs).hasSize(4);
        assertThat(epochs.get(3).validationLoss()).isLessThan(epochs.get(0).validationLoss())
                .isLessThan(epochs.get(3).unigramLoss());
        assertThat(run.resolve("config.json")).exists();
        assertThat(run.resolve("tokenizer.json")).exists();
        assertThat(run.resolve("model.safetensors")).exists();
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(metrics.get(0)).isEqualTo("step,epoch,loss,val_loss,lr,tokens_per_s,elapsed_s");
        assertThat(metrics).hasSize(161);
        assertThat(metrics.get(40).split(",")[3]).isNotEmpty(); // the epoch's last row carries the validation loss
    }

    @Test
    void aResumedRunReproducesTheUninterruptedLosses(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        new Trainer().train(options(straight, 2, 6, 2e-3), new TrainingListener() {
        }, new CancellationToken());

        Path interrupted = dir.resolve("interrupted");
        CancellationToken stop = new CancellationToken();
        TrainingSummary first = new Trainer().train(options(interrupted, 2, 6, 2e-3), new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                if (metrics.step() == 4) {
                    stop.cancel(); // mid-epoch: the stop writes its own checkpoint
                }
            }
        }, stop);
        assertThat(first.stopped()).isTrue();
        assertThat(first.steps()).isEqualTo(4);
        TrainingSummary rest = new Trainer().resume(interrupted, new TrainingListener() {
        }, new CancellationToken());
        assertThat(rest.steps()).isEqualTo(12);

        assertThat(losses(interrupted)).isEqualTo(losses(straight));
        // validation runs the model outside training; the first passes of a fresh JVM may sum in another order
        List<Double> straightValidation = validation(straight);
        List<Double> resumedValidation = validation(interrupted);
        assertThat(resumedValidation).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(resumedValidation.get(i)).isCloseTo(straightValidation.get(i),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(Files.readAllBytes(interrupted.resolve("model.safetensors")))
                .isEqualTo(Files.readAllBytes(straight.resolve("model.safetensors")));
    }

    @Test
    void refusesWhatCannotWork(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        new Trainer().train(options(run, 1, 2, 1e-3), new TrainingListener() {
        }, new CancellationToken());

        assertThatThrownBy(() -> new Trainer().train(options(run, 1, 2, 1e-3), new TrainingListener() {
        }, new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("--resume");
        assertThatThrownBy(() -> new Trainer().resume(dir.resolve("nothing"), new TrainingListener() {
        }, new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("config.json");

        // a checkpoint whose weights are damaged is reported, not loaded
        Path latest;
        try (var list = Files.list(run.resolve("checkpoints"))) {
            latest = list.sorted().reduce((a, b) -> b).orElseThrow();
        }
        Files.write(latest.resolve("model.safetensors"), new byte[]{1, 2, 3});
        assertThatThrownBy(() -> new Trainer().resume(run, new TrainingListener() {
        }, new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("cannot load");

        // a base model trained on other tokens
        Path mmmDataset = dir.resolve("mmm");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled().resolve("muspy"), null),
                mmmDataset, TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM), InstrumentFilter.defaults(), false,
                0, 1), ProgressListener.NONE, new CancellationToken());
        TrainingOptions fineTune = new TrainingOptions(mmmDataset, null, 0, dir.resolve("tuned"), run, 32, 4, 32, 2,
                1, 2, 1e-3, 0, 0, false, false, 0f, "cpu", 7, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
        assertThatThrownBy(() -> new Trainer().train(fineTune, new TrainingListener() {
        }, new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("other tokens");

        assertThatThrownBy(() -> options(dir.resolve("x"), 0, 2, 1e-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-p");
        assertThatThrownBy(() -> options(dir.resolve("x"), 1, 2, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-i");
    }

    @Test
    void fineTuningStartsFromTheBaseWeights(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        TrainingSummary trained = new Trainer().train(options(base, 2, 30, 3e-3), new TrainingListener() {
        }, new CancellationToken());
        List<Double> firstLosses = new ArrayList<>();
        TrainingOptions tune = new TrainingOptions(dataset, null, 0, dir.resolve("tuned"), base, 32, 4, 32, 2, 1, 3,
                1e-4, 0, 0, false, true, 0f, "cpu", 8, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
        new Trainer().train(tune, new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                firstLosses.add(metrics.loss());
            }
        }, new CancellationToken());
        // a fresh model starts near ln(vocabulary); the tuned one near where the base ended
        assertThat(firstLosses.get(0)).isLessThan(trained.lastLoss() + 1.0);
    }

    /**
     * A LoRA run trains only its adapter and the base's layer norms and time parameters, saves only those (the base
     * file is untouched), and a stopped LoRA run resumes to the uninterrupted one's losses and adapter, bit for bit.
     */
    @Test
    void aLoraRunSavesOnlyItsAdapterAndResumesExactly(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        new Trainer().train(options(base, 1, 10, 3e-3), new TrainingListener() {
        }, new CancellationToken());
        byte[] baseWeights = Files.readAllBytes(base.resolve("model.safetensors"));
        LoraSettings settings = new LoraSettings(4, 8);
        java.util.function.Function<Path, TrainingOptions> lora = output -> new TrainingOptions(dataset, null, 0,
                output, base, 32, 4, 32, 2, 2, 5, 2e-3, 0, 0, false, true, 0f, "cpu", 9, 0.1,
                TrainingOptions.DEFAULT_CHECKPOINT_EVERY).withLora(settings, null);

        Path straight = dir.resolve("straight");
        TrainingSummary whole = new Trainer().train(lora.apply(straight), new TrainingListener() {
        }, new CancellationToken());
        assertThat(whole.steps()).isEqualTo(10);
        assertThat(straight.resolve(AdapterConfig.FILE_NAME)).exists();
        assertThat(straight.resolve(AdapterConfig.WEIGHTS)).exists();
        assertThat(straight.resolve("model.safetensors")).doesNotExist();
        assertThat(Files.readAllBytes(base.resolve("model.safetensors"))).isEqualTo(baseWeights);
        try (NDManager manager = NDManager.newBaseManager();
             SafetensorsFile adapter = SafetensorsFile.open(straight.resolve(AdapterConfig.WEIGHTS));
             RwkvWeights baseModel = RwkvWeights.load(new RunFolder(base).readConfig().model(), manager,
                     base.resolve("model.safetensors"))) {
            RwkvConfig shape = baseModel.config();
            assertThat(adapter.shapes()).isEqualTo(LoraAdapter.fileShapes(shape, 4));
            // the layer norms and time parameters moved; B left zero would mean the factors never trained
            assertThat(adapter.read("blocks.1.att.time_decay", manager).toFloatArray())
                    .isNotEqualTo(baseModel.get("blocks.1.att.time_decay").toFloatArray());
            assertThat(adapter.read("blocks.0.ffn.value.lora_B", manager).abs().max().getFloat()).isGreaterThan(0f);
        }

        Path interrupted = dir.resolve("interrupted");
        stopAndResume(lora.apply(interrupted), 3);
        assertThat(losses(interrupted)).isEqualTo(losses(straight));
        assertThat(Files.readAllBytes(interrupted.resolve(AdapterConfig.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(straight.resolve(AdapterConfig.WEIGHTS)));

        // -r continues an adapter: the new run starts where the first ended
        List<Double> continued = new ArrayList<>();
        new Trainer().train(lora.apply(dir.resolve("continued")).withLora(settings, straight), new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                continued.add(metrics.loss());
            }
        }, new CancellationToken());
        List<Double> fresh = new ArrayList<>();
        new Trainer().train(lora.apply(dir.resolve("fresh")), new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                fresh.add(metrics.loss());
            }
        }, new CancellationToken());
        assertThat(continued.get(0)).isNotEqualTo(fresh.get(0));
        assertThatThrownBy(() -> new Trainer().train(lora.apply(dir.resolve("other-rank"))
                .withLora(new LoraSettings(8, 8), straight), new TrainingListener() {
        }, new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("rank 4");
        assertThatThrownBy(() -> new TrainingOptions(dataset, null, 0, dir.resolve("no-base"), null, 32, 4, 32, 2, 1,
                5, 2e-3, 0, 0, false, true, 0f, "cpu", 9, 0.1, 10).withLora(settings, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-m");
    }

    /**
     * A finished run trains on when given more epochs: its steps go on from where it ended, its rate rises again
     * under the stretched decay, and fewer epochs than it has are refused.
     */
    @Test
    void aFinishedRunTrainsOnForMoreEpochs(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        new Trainer().train(options(run, 1, 6, 2e-3), new TrainingListener() {
        }, new CancellationToken());
        List<Double> rates = new ArrayList<>();
        TrainingSummary more = new Trainer().resume(run, java.util.OptionalInt.empty(), java.util.OptionalInt.of(3),
                new TrainingListener() {
                    @Override
                    public void stepped(StepMetrics metrics) {
                        rates.add(metrics.learningRate());
                    }
                }, new CancellationToken(), new org.musai.progress.PauseGate());
        assertThat(more.steps()).isEqualTo(18);
        assertThat(more.stopped()).isFalse();
        assertThat(rates).hasSize(12);
        assertThat(rates.get(0)).as("the decay stretched: the rate is above the old run's last")
                .isGreaterThan(2e-3 / 100 * 1.5);
        assertThat(losses(run)).hasSize(18);
        assertThat(new RunFolder(run).readConfig().options().epochs()).isEqualTo(3);
        assertThatThrownBy(() -> new Trainer().resume(run, java.util.OptionalInt.empty(), java.util.OptionalInt.of(2),
                new TrainingListener() {
                }, new CancellationToken(), new org.musai.progress.PauseGate()))
                .isInstanceOf(TrainingException.class).hasMessageContaining("give more than that");
    }

    /** Trains, stops after step {@code stopAt} (the stop writes its own checkpoint), then resumes to the end. */
    static void stopAndResume(TrainingOptions options, long stopAt) throws Exception {
        CancellationToken stop = new CancellationToken();
        TrainingSummary first = new Trainer().train(options, new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                if (metrics.step() == stopAt) {
                    stop.cancel();
                }
            }
        }, stop);
        assertThat(first.stopped()).isTrue();
        assertThat(first.steps()).isEqualTo(stopAt);
        new Trainer().resume(options.output(), new TrainingListener() {
        }, new CancellationToken());
    }

    /** Step, epoch, training loss and learning rate of every row: these must match to the last digit. */
    static List<String> losses(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1)
                .map(line -> {
                    String[] f = line.split(",");
                    return f[0] + "," + f[1] + "," + f[2] + "," + f[4];
                }).toList();
    }

    private static List<Double> validation(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1).map(line -> line.split(",")[3])
                .filter(v -> !v.isEmpty()).map(Double::parseDouble).toList();
    }
}
