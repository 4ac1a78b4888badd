package org.musai.studio.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.studio.Await;
import org.musai.studio.PulseGaps;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The training workspace on a real headless stage: Start trains a tiny model, the charts get points. */
@ExtendWith(ApplicationExtension.class)
class TrainViewTest {

    private final StudioFixture fixture = StudioFixture.onStage();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();
    private final TrainViewModel model = new TrainViewModel(background, errors);
    private TrainView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = new TrainView(model, fixture.choosers());
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void startTrainsAndTheChartsAndCheckpointsFill(FxRobot robot) throws Exception {
        trainWithTheButton(robot, null);
    }

    @Test
    void thePresetShowsTheShapeAsItIsAndChoosingOneSetsIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<ModelPreset> preset = robot.lookup("#preset").queryAs(
                javafx.scene.control.ChoiceBox.class);
        assertThat(preset.getValue()).isEqualTo(ModelPreset.SMALL);
        robot.interact(() -> {
            model.batchProperty().set(3);
            model.ctxProperty().set(256); // as an opened run of another shape sets it
        });
        assertThat(preset.getValue()).as("no preset has context 256 with 256 x 4").isNull();
        robot.interact(() -> model.ctxProperty().set(ModelPreset.SMALL.ctx()));
        assertThat(preset.getValue()).isEqualTo(ModelPreset.SMALL);
        assertThat(model.batchProperty().get()).as("showing the preset leaves the batch alone").isEqualTo(3);
        robot.interact(() -> preset.setValue(ModelPreset.TINY));
        assertThat(model.embedProperty().get()).isEqualTo(ModelPreset.TINY.embed());
        assertThat(model.batchProperty().get()).isEqualTo(ModelPreset.TINY.batch());
    }

    /** A timing: runs in -Pperf only, since a busy machine would make it fail by chance. */
    @Test
    @Tag("perf")
    void trainingDoesNotStallTheUi(FxRobot robot) throws Exception {
        PulseGaps gaps = new PulseGaps();
        trainWithTheButton(robot, gaps);
        System.out.println("training pulse gaps " + gaps);
        assertThat(gaps.pulses()).isPositive();
        // the target: no stall over 50 ms; frames under Monocle's software renderer
        assertThat(gaps.maxLatency()).as("UI thread while training: %s", gaps).isLessThan(PulseGaps.STALL_MILLIS);
        assertThat(gaps.medianMillis()).as("frames while training: %s", gaps).isLessThan(PulseGaps.STALL_MILLIS);
    }

    /** Trains a tiny model with the Start button; {@code gaps}, when given, probes the UI thread meanwhile. */
    private void trainWithTheButton(FxRobot robot, PulseGaps gaps) throws Exception {
        Path dataset = dir.resolve("remi");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        // both folders typed, as a user pastes them
        for (String[] typed : new String[][]{{"#datasetField", dataset.toString()},
                {"#runField", dir.resolve("run").toString()}}) {
            javafx.scene.control.TextField field = robot.lookup(typed[0]).query();
            robot.interact(() -> field.setText(typed[1]));
            robot.clickOn(field).type(javafx.scene.input.KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.datasetProperty().get()).isEqualTo(dataset.toAbsolutePath().normalize());
        assertThat(model.runFolderProperty().get()).isEqualTo(dir.resolve("run").toAbsolutePath().normalize());
        robot.interact(() -> {
            model.applyPreset(ModelPreset.TINY);
            model.embedProperty().set(32);
            model.ctxProperty().set(64);
            model.epochsProperty().set(2);
            model.stepsPerEpochProperty().set(15);
        });
        assertThat(robot.lookup("#estimate").queryLabeled().getText()).contains("parameters");
        javafx.scene.control.Spinner<Integer> checkpointEvery = robot.lookup("#checkpointEvery").query();
        assertThat(checkpointEvery.getValue()).isEqualTo(org.musai.train.TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
        robot.interact(() -> checkpointEvery.getValueFactory().setValue(10));
        int redrawsBefore = view.lossChart().redrawCount();
        if (gaps != null) {
            gaps.start();
        }
        robot.clickOn("#startTraining");
        Await.until(() -> model.stateProperty().get() != TrainViewModel.State.IDLE, 10);
        Await.until(() -> model.stateProperty().get() == TrainViewModel.State.IDLE, 180);
        if (gaps != null) {
            gaps.stop();
        }
        assertThat(errors.reports()).isEmpty();
        Await.until(() -> view.lossChart().redrawCount() > redrawsBefore, 10);
        assertThat(view.lossChart().yTickLabels()).isNotEmpty();
        ListView<String> checkpoints = robot.lookup("#checkpoints").queryListView();
        // steps 10, 15 (the first epoch's end), 20 and 30; the last two are kept
        assertThat(checkpoints.getItems()).containsExactly("step-000000020", "step-000000030");
        java.util.List<Path> opened = new java.util.ArrayList<>();
        robot.interact(() -> view.setOnOpenCheckpoint(opened::add));
        String first = checkpoints.getItems().get(0);
        robot.doubleClickOn(first);
        assertThat(opened).containsExactly(dir.resolve("run").resolve("checkpoints").resolve(first));
        assertThat(opened.get(0).resolve("model.safetensors")).exists();
        assertThat(robot.lookup("#speedText").queryLabeled().getText()).contains("tokens/s");
        assertThat(robot.lookup("#stepText").queryLabeled().getText()).contains("Finished at step 30");
    }
}
