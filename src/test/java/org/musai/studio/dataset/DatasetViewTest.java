package org.musai.studio.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import org.musai.studio.common.UiBatcher;
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
    private final DatasetViewModel model = new DatasetViewModel(background, errors,
            UiBatcher.DEFAULT_INTERVAL_MILLIS);

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
    void inspectsAndTokenizesAFolderWithoutStallingTheUi(FxRobot robot) throws Exception {
        PulseGaps gaps = new PulseGaps();
        gaps.start();
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
        gaps.stop();
        assertThat(skipped.getItems()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(Files.exists(dir.resolve("set").resolve(Manifest.FILE_NAME))).isTrue();
        assertThat(robot.lookup("#inspectSummary").queryLabeled().getText()).contains("Tokenized").contains("files/s");
        assertThat(errors.reports()).isEmpty();
        System.out.println("dataset pulse gaps " + gaps);
        assertThat(gaps.pulses()).isPositive();
        // the target is no stall over 50 ms; measured here at worst 35-37 ms (pulse gaps 45-76 ms under Monocle's
        // software renderer with both cores busy). CI's busier cores get twice the headroom: this catches real stalls
        // (blocking work on the UI thread takes seconds), not scheduler noise
        assertThat(gaps.maxLatency()).as("UI thread while tokenizing: %s", gaps).isLessThan(2 * PulseGaps.STALL_MILLIS);
        assertThat(gaps.medianMillis()).as("frames while tokenizing: %s", gaps).isLessThan(PulseGaps.STALL_MILLIS);
    }
}
