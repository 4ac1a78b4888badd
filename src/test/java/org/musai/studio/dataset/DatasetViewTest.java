package org.musai.studio.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentClass;
import org.musai.studio.Await;
import org.musai.studio.PulseGaps;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;
import org.musai.token.dataset.Manifest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dataset workspace on a real headless stage: inspect, tokenize with the button, see skipped files. */
@ExtendWith(ApplicationExtension.class)
class DatasetViewTest {

    private final StudioFixture fixture = StudioFixture.onStage();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();
    private final DatasetViewModel model = new DatasetViewModel(background, errors);

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new DatasetView(model, fixture.choosers()), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void inspectsAndTokenizesAFolder(FxRobot robot) throws Exception {
        inspectAndTokenize(robot);
    }

    /** The source and the output can be typed or pasted; a path whose folder is missing is marked as typed. */
    @Test
    void pathsCanBeTyped(FxRobot robot) throws Exception {
        javafx.scene.control.TextField source = robot.lookup("#sourceField").query();
        robot.interact(() -> source.setText(TestCorpus.bundled().toString()));
        robot.clickOn(source).type(javafx.scene.input.KeyCode.ENTER);
        Await.until(() -> model.reportProperty().get() != null, 60);
        assertThat(model.sourceProperty().get()).isEqualTo(TestCorpus.bundled().toAbsolutePath().normalize());

        javafx.scene.control.TextField output = robot.lookup("#output").query();
        robot.interact(() -> output.setText(dir.resolve("missing").resolve("set").toString()));
        assertThat(output.getStyleClass()).contains("invalid");
        robot.interact(() -> output.setText(dir.resolve("typed").toString()));
        assertThat(output.getStyleClass()).doesNotContain("invalid");
        robot.clickOn(output).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.outputProperty().get()).isEqualTo(dir.resolve("typed").toAbsolutePath().normalize());
        assertThat(errors.reports()).isEmpty();
    }

    /** A timing: runs in -Pperf only, since a busy machine would make it fail by chance. */
    @Test
    @Tag("perf")
    void inspectingAndTokenizingDoNotStallTheUi(FxRobot robot) throws Exception {
        PulseGaps gaps = new PulseGaps();
        gaps.start();
        inspectAndTokenize(robot);
        gaps.stop();
        System.out.println("dataset pulse gaps " + gaps);
        assertThat(gaps.pulses()).isPositive();
        // the target: no stall over 50 ms; frames under Monocle's software renderer
        assertThat(gaps.maxLatency()).as("UI thread while tokenizing: %s", gaps).isLessThan(PulseGaps.STALL_MILLIS);
        assertThat(gaps.medianMillis()).as("frames while tokenizing: %s", gaps).isLessThan(PulseGaps.STALL_MILLIS);
    }

    private void inspectAndTokenize(FxRobot robot) throws Exception {
        robot.interact(() -> model.chooseSource(TestCorpus.bundled()));
        Await.until(() -> model.reportProperty().get() != null, 60);
        ClassBarChart chart = robot.lookup("#classChart").query();
        Await.until(() -> !chart.counts().isEmpty(), 10);
        assertThat(chart.counts()).hasSize(17);
        assertThat(chart.counts().get(InstrumentClass.PIANO))
                .isEqualTo(model.reportProperty().get().classFiles().get(InstrumentClass.PIANO.displayName()))
                .isPositive();

        robot.interact(() -> {
            model.outputProperty().set(dir.resolve("set"));
            model.minBeatsProperty().set(64);
        });
        robot.clickOn("#tokenize");
        Await.until(() -> model.manifestProperty().get() != null, 120);
        TableView<Manifest.SkippedFile> skipped = robot.lookup("#skippedFiles").queryTableView();
        Await.until(() -> !skipped.getItems().isEmpty(), 10);
        WaitForAsyncUtils.waitForFxEvents(); // the table's first layout counts too
        assertThat(skipped.getItems()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(Files.exists(dir.resolve("set").resolve(Manifest.FILE_NAME))).isTrue();
        assertThat(robot.lookup("#inspectSummary").queryLabeled().getText()).contains("Tokenized").contains("files/s");
        assertThat(errors.reports()).isEmpty();
    }
}
