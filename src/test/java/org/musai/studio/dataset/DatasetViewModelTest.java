package org.musai.studio.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentClass;
import org.musai.studio.Await;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.Manifest;

/** The dataset page's view model over the real inspector and builder, on the bundled corpus; no stage. */
class DatasetViewModelTest {

    private final StudioFixture fixture = StudioFixture.direct();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();
    private final DatasetViewModel model = new DatasetViewModel(background, errors, 0);

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void inspectsAFolderWhenItIsChosen() throws Exception {
        model.chooseSource(TestCorpus.bundled());
        Await.until(() -> model.reportProperty().get() != null, 60);
        assertThat(model.reportProperty().get().files()).isGreaterThan(10);
        assertThat(model.reportProperty().get().readable()).isEqualTo(model.reportProperty().get().files());
        assertThat(model.reportProperty().get().classFiles()).containsKey(InstrumentClass.PIANO.displayName());
        assertThat(model.summaryProperty().get()).contains("readable").contains("median");
        assertThat(model.outputProperty().get()).isNotNull(); // a suggestion beside the source
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(errors.reports()).isEmpty();
    }

    @Test
    void tokenizesWithTheChosenSettingsAndListsSkippedFilesWithReasons() throws Exception {
        model.sourceProperty().set(TestCorpus.bundled());
        model.outputProperty().set(dir.resolve("set"));
        model.algorithmProperty().set(TokenizerConfig.Algorithm.MMM);
        model.minBeatsProperty().set(64);
        model.requiredClasses().add(InstrumentClass.PIANO);
        model.tokenize();
        Await.until(() -> model.manifestProperty().get() != null, 120);
        Manifest manifest = model.manifestProperty().get();
        assertThat(manifest.algorithm()).isEqualTo("MMM");
        assertThat(manifest.documents()).isPositive();
        assertThat(Files.exists(dir.resolve("set").resolve(Manifest.FILE_NAME))).isTrue();
        assertThat(model.skippedFiles()).isNotEmpty().allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(model.skippedFiles()).hasSize(manifest.skipped().size());
        assertThat(model.summaryProperty().get()).contains("files/s").contains("MMM");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(errors.reports()).isEmpty();
    }

    @Test
    void aCancelledRunLeavesNoDataset() throws Exception {
        model.sourceProperty().set(TestCorpus.bundled());
        model.outputProperty().set(dir.resolve("set"));
        model.tokenize();
        model.cancel();
        Await.until(() -> !model.busyProperty().get(), 60);
        // either it was cancelled before the end, or it finished first: never a half dataset
        if (model.manifestProperty().get() == null) {
            assertThat(model.progressTextProperty().get()).isEqualTo("Cancelled");
            assertThat(dir.resolve("set")).doesNotExist();
        }
        assertThat(errors.reports()).isEmpty();
    }

    @Test
    void badChoicesAreReportedNotThrown() throws Exception {
        model.tokenize();
        assertThat(errors.reports()).singleElement().asString().contains("choose a folder of MIDI files");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        model.sourceProperty().set(empty);
        model.outputProperty().set(dir.resolve("set"));
        model.tokenize();
        Await.until(() -> errors.reports().size() == 2, 30);
        assertThat(errors.reports().get(1)).startsWith("Tokenizing").contains("no MIDI files");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.progressTextProperty().get()).isEqualTo("Failed");
    }
}
