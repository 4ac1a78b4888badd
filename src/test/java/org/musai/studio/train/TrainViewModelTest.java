package org.musai.studio.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.studio.Await;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;
import org.musai.generate.ModelBundle;
import org.musai.model.AdapterConfig;
import org.musai.model.LoraSettings;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;
import org.musai.train.RunFolder;
import org.musai.train.RunHistory;
import org.musai.train.TrainingOptions;

/** The training page's view model driving the real trainer on a tiny model; no stage. */
class TrainViewModelTest {

    @TempDir
    static Path shared;
    static Path dataset;

    @TempDir
    Path dir;

    private final StudioFixture fixture = StudioFixture.inline();
    private final RecordingErrors errors = fixture.errors();
    private final TrainViewModel model = new TrainViewModel(fixture.background(), errors);
    private final RecordingCharts charts = new RecordingCharts();

    /** What the view would have drawn. */
    static final class RecordingCharts implements TrainingCharts {
        final List<RunHistory.Step> steps = new CopyOnWriteArrayList<>();
        final List<Double> validations = new CopyOnWriteArrayList<>();
        int clears;

        @Override
        public void clear() {
            clears++;
            steps.clear();
            validations.clear();
        }

        @Override
        public void steps(List<RunHistory.Step> more) {
            steps.addAll(more);
        }

        @Override
        public void validation(long step, double loss) {
            validations.add(loss);
        }
    }

    @BeforeAll
    static void tokenize() throws Exception {
        dataset = shared.resolve("remi");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private void tinyShape(TrainViewModel model, int epochs, int steps) {
        model.applyPreset(ModelPreset.TINY);
        model.embedProperty().set(32);
        model.ctxProperty().set(32);
        model.epochsProperty().set(epochs);
        model.stepsPerEpochProperty().set(steps);
        model.setCharts(charts);
        model.chooseDataset(dataset);
        model.runFolderProperty().set(dir.resolve("run"));
    }

    @Test
    void aRunFeedsTheChartsAndListsCheckpoints() throws Exception {
        tinyShape(model, 2, 3);
        assertThat(model.estimateProperty().get()).contains("parameters").contains("MB");
        model.start();
        assertThat(model.stateProperty().get()).isEqualTo(TrainViewModel.State.IDLE);
        assertThat(errors.reports()).isEmpty();
        assertThat(charts.steps).extracting(RunHistory.Step::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(charts.steps).allSatisfy(s -> assertThat(s.loss()).isPositive());
        assertThat(charts.validations).hasSize(2);
        assertThat(model.checkpoints()).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("step-"));
        assertThat(model.stepTextProperty().get()).contains("Finished at step 6");
        assertThat(model.speedTextProperty().get()).contains("tokens/s");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.resumableProperty().get()).isFalse();
    }

    /** A run folder is suggested in the workspace, never beside the dataset; its runs/ folder is made at Start. */
    @Test
    void theSuggestedRunFolderIsInTheWorkspace() throws Exception {
        model.setWorkspace(new org.musai.studio.common.WorkspaceFolder(dir.resolve("MusAI")));
        tinyShape(model, 1, 2);
        model.runFolderProperty().set(null);
        model.chooseDataset(dataset);
        Path suggested = dir.resolve("MusAI").resolve("runs").resolve("remi").toAbsolutePath().normalize();
        assertThat(model.runFolderProperty().get()).isEqualTo(suggested);
        model.start();
        assertThat(errors.reports()).isEmpty();
        assertThat(suggested.resolve("model.safetensors")).exists();
    }

    /** The page follows each dataset the Dataset page builds and says so; a run folder the user set stays. */
    @Test
    void followsTheDatasetJustBuilt() throws Exception {
        model.setWorkspace(new org.musai.studio.common.WorkspaceFolder(dir.resolve("MusAI")));
        Path second = dir.resolve("second");
        java.nio.file.Files.createDirectories(second);
        try (var files = java.nio.file.Files.list(dataset)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, second.resolve(file.getFileName()));
            }
        }
        model.followBuiltDataset(dataset);
        model.followBuiltDataset(second);
        assertThat(model.datasetProperty().get()).isEqualTo(second);
        assertThat(model.datasetNoteProperty().get()).contains("just built");
        assertThat(model.runFolderProperty().get()).isEqualTo(new org.musai.studio.common.WorkspaceFolder(
                dir.resolve("MusAI")).runFor(second));
        model.runFolderProperty().set(dir.resolve("mine"));
        model.followBuiltDataset(dataset);
        assertThat(model.runFolderProperty().get()).isEqualTo(dir.resolve("mine"));
        model.chooseDataset(second);
        assertThat(model.datasetNoteProperty().get()).isEmpty();
        assertThat(errors.reports()).isEmpty();
    }

    /** A finished run offers Continue: more epochs from where it ended, as a button, never a flag. */
    @Test
    void aFinishedRunContinuesForMoreEpochs() throws Exception {
        tinyShape(model, 1, 3);
        model.start();
        assertThat(model.finishedProperty().get()).isTrue();
        TrainViewModel reopened = new TrainViewModel(fixture.background(), errors);
        reopened.setCharts(charts);
        reopened.openRun(dir.resolve("run"));
        assertThat(reopened.finishedProperty().get()).isTrue();
        assertThat(reopened.continuableProperty().get()).isTrue();
        assertThat(reopened.stepTextProperty().get()).contains("Continue").doesNotContain("--");
        assertThat(reopened.datasetNoteProperty().get()).isEqualTo("The dataset the run was trained on");
        reopened.continueRun(2);
        assertThat(errors.reports()).isEmpty();
        assertThat(charts.steps).extracting(RunHistory.Step::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L,
                9L);
        assertThat(reopened.stepTextProperty().get()).contains("Finished at step 9");
        assertThat(reopened.epochsProperty().get()).isEqualTo(3);

        TrainViewModel shipped = new TrainViewModel(fixture.background(), errors);
        shipped.setCharts(new RecordingCharts());
        shipped.openRun(ModelBundle.defaultModelFolder());
        assertThat(shipped.finishedProperty().get()).isTrue();
        assertThat(shipped.continuableProperty().get()).as("Continue is not offered for the shipped model").isFalse();
        assertThat(shipped.stepTextProperty().get()).contains("fine-tune").doesNotContain("Continue trains");
        shipped.continueRun(1);
        assertThat(errors.reports()).singleElement().asString().contains("not trained in place");
    }

    /** The musician's fine-tune: the shipped model, LoRA, blocks recomputed, on files tokenized for it. */
    @Test
    void fineTunesTheShippedModelThroughAnAdapter() throws Exception {
        Path forDefault = dir.resolve("for-default");
        TokenCodec codec = TokenizerFile.load(ModelBundle.defaultModelFolder().resolve(TokenizerFile.FILE_NAME));
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), forDefault,
                codec.tokenizer().config(), InstrumentFilter.defaults(), false, 0, 2).withMergesOf(codec),
                ProgressListener.NONE, new CancellationToken());
        model.setCharts(charts);
        model.chooseDataset(forDefault);
        model.runFolderProperty().set(dir.resolve("tuned"));
        model.batchProperty().set(1);
        model.epochsProperty().set(1);
        model.stepsPerEpochProperty().set(2);
        model.fineTuneDefaultProperty().set(true);
        model.loraRankProperty().set(4);
        model.gradientCheckpointingProperty().set(true);
        model.start();
        assertThat(errors.reports()).isEmpty();
        assertThat(charts.steps).hasSize(2);
        assertThat(dir.resolve("tuned").resolve(AdapterConfig.FILE_NAME)).exists();
        assertThat(dir.resolve("tuned").resolve("model.safetensors")).doesNotExist();
        TrainingOptions saved = new RunFolder(dir.resolve("tuned")).readConfig().options();
        assertThat(saved.lora()).isEqualTo(new LoraSettings(4, LoraSettings.DEFAULT_ALPHA));
        assertThat(saved.gradientCheckpointing()).isTrue();
        assertThat(saved.ctxLen()).isEqualTo(768);
    }

    /** The VAE choices: a saved one must be chosen first; one trained with the model is saved beside it. */
    @Test
    void embeddingsFromAVae() throws Exception {
        tinyShape(model, 1, 2);
        model.embeddingsProperty().set(TrainViewModel.Embeddings.SAVED_VAE);
        model.start();
        assertThat(errors.reports()).singleElement().asString().contains("choose the saved VAE");
        model.embeddingsProperty().set(TrainViewModel.Embeddings.JOINT_VAE);
        model.start();
        assertThat(errors.reports()).hasSize(1);
        assertThat(dir.resolve("run").resolve("embvae.safetensors")).exists();
        assertThat(new RunFolder(dir.resolve("run")).readConfig().options().vae().latent()).isEqualTo(32);
    }

    @Test
    void pauseHoldsTheTrainerAndStopLeavesAResumableRunWithItsHistory() throws Exception {
        // about threads: the trainer runs on a worker while this thread pauses, resumes and stops it
        try (StudioFixture threads = StudioFixture.threaded()) {
            pauseResumeStopAndReopen(threads.background(), threads.errors());
        }
    }

    private void pauseResumeStopAndReopen(Background background, RecordingErrors errors) throws Exception {
        TrainViewModel model = new TrainViewModel(background, errors);
        tinyShape(model, 1, 2000);
        model.checkpointEveryProperty().set(7);
        model.start();
        Await.until(() -> charts.steps.size() >= 2, 120);
        model.pause();
        Await.until(() -> model.pauseGate().isHolding(), 60); // the step under way has finished and been reported
        int held = charts.steps.size();
        assertThat(model.stateProperty().get()).isEqualTo(TrainViewModel.State.PAUSED);
        assertThat(model.pauseGate().isHolding()).isTrue();
        assertThat(charts.steps).as("no steps while held").hasSize(held);
        model.resume();
        Await.until(() -> charts.steps.size() > held + 1, 60);
        model.stop();
        Await.until(() -> model.stateProperty().get() == TrainViewModel.State.IDLE, 60);
        long done = charts.steps.get(charts.steps.size() - 1).step();
        assertThat(model.resumableProperty().get()).isTrue();
        assertThat(model.checkpoints()).isNotEmpty();

        TrainViewModel reopened = new TrainViewModel(background, errors);
        RecordingCharts history = new RecordingCharts();
        reopened.setCharts(history);
        reopened.openRun(dir.resolve("run"));
        assertThat(history.steps).hasSize((int) done);
        assertThat(reopened.embedProperty().get()).isEqualTo(32);
        assertThat(reopened.checkpointEveryProperty().get()).isEqualTo(7);
        assertThat(reopened.resumableProperty().get()).isTrue();
        assertThat(reopened.stepTextProperty().get()).contains("step " + String.format("%,d", done));
        reopened.stepsPerEpochProperty().set(2000);
        reopened.resumeRun();
        Await.until(() -> history.steps.size() > done + 1, 60);
        assertThat(history.steps.get((int) done).step()).isEqualTo(done + 1); // continues where it stopped
        reopened.stop();
        Await.until(() -> reopened.stateProperty().get() == TrainViewModel.State.IDLE, 60);
        assertThat(errors.reports()).isEmpty();
    }

    @Test
    void nonsenseIsReportedNotThrown() {
        model.chooseDataset(dir.resolve("not-a-dataset"));
        assertThat(errors.reports()).singleElement().asString().contains("is not a dataset");
        model.runFolderProperty().set(dir.resolve("run"));
        model.learningRateProperty().set(5);
        model.start();
        assertThat(errors.reports()).hasSize(2).last().asString().contains("learning rate");
        assertThat(model.stateProperty().get()).isEqualTo(TrainViewModel.State.IDLE);
    }

    /** The estimate before Start counts what is chosen, and says so when it is more than the machine has free. */
    @Test
    void theMemoryEstimateWarnsWhenItIsMoreThanTheMachineHas() {
        model.chooseDataset(dataset);
        model.applyPreset(ModelPreset.SMALL);
        String small = model.estimateProperty().get();
        assertThat(small).contains("parameters").doesNotContain("more than");
        assertThat(model.memoryShortProperty().get()).isFalse();
        model.gradientCheckpointingProperty().set(true);
        assertThat(model.estimateProperty().get()).isNotEqualTo(small); // recomputing blocks keeps less
        model.embedProperty().set(4096);
        model.layersProperty().set(64);
        model.ctxProperty().set(8192);
        model.batchProperty().set(64);
        model.gradientCheckpointingProperty().set(false);
        assertThat(model.memoryShortProperty().get()).isTrue();
        assertThat(model.estimateProperty().get()).contains("more than the").contains("free now");
        assertThat(errors.reports()).isEmpty();
    }
}
