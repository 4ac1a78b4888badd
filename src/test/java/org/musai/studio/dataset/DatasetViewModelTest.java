package org.musai.studio.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentClass;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;
import org.musai.generate.ModelBundle;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerConfig;
import org.musai.token.TokenizerFile;
import org.musai.token.dataset.Manifest;

/** The dataset page's view model over the real inspector and builder, on the bundled corpus; no stage. */
class DatasetViewModelTest {

    private final StudioFixture fixture = StudioFixture.inline();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();
    private final DatasetViewModel model = new DatasetViewModel(background, errors);

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void inspectsAFolderWhenItIsChosen() throws Exception {
        model.setWorkspace(new org.musai.studio.common.WorkspaceFolder(dir.resolve("MusAI")));
        model.chooseSource(TestCorpus.bundled());
        assertThat(model.reportProperty().get().files()).isGreaterThan(10);
        assertThat(model.reportProperty().get().readable()).isEqualTo(model.reportProperty().get().files());
        assertThat(model.reportProperty().get().classFiles()).containsKey(InstrumentClass.PIANO.displayName());
        assertThat(model.summaryProperty().get()).contains("readable").contains("median");
        // the suggestion lies in the workspace, never beside the source
        assertThat(model.outputProperty().get()).isEqualTo(dir.resolve("MusAI").resolve("datasets")
                .resolve("corpus-remi").toAbsolutePath().normalize());
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

    /** A dataset for fine-tuning the shipped model carries that model's tokenizer, merges included. */
    @Test
    void tokenizesForTheShippedModelWithItsOwnTokenizer() throws Exception {
        model.sourceProperty().set(TestCorpus.bundled());
        model.outputProperty().set(dir.resolve("for-default"));
        model.algorithmProperty().set(TokenizerConfig.Algorithm.MMM); // overruled by the model's own
        model.forDefaultModelProperty().set(true);
        model.tokenize();
        assertThat(errors.reports()).isEmpty();
        TokenCodec shipped = TokenizerFile.load(ModelBundle.defaultModelFolder().resolve(TokenizerFile.FILE_NAME));
        TokenCodec built = TokenizerFile.load(dir.resolve("for-default").resolve(TokenizerFile.FILE_NAME));
        assertThat(TokenizerFile.hash(built)).isEqualTo(TokenizerFile.hash(shipped));
    }

    /** Tokenizing into the suggestion makes the workspace's datasets folder, and nothing beside the source. */
    @Test
    void theSuggestedOutputIsMadeInTheWorkspace() throws Exception {
        Path source = dir.resolve("my songs");
        java.nio.file.Files.createDirectories(source);
        for (Path file : TestCorpus.midiFiles(TestCorpus.bundled().resolve("music21"))) {
            java.nio.file.Files.copy(file, source.resolve(file.getFileName()));
        }
        model.setWorkspace(new org.musai.studio.common.WorkspaceFolder(dir.resolve("MusAI")));
        model.chooseSource(source);
        model.minBeatsProperty().set(4);
        model.tokenize();
        assertThat(errors.reports()).isEmpty();
        assertThat(dir.resolve("MusAI/datasets/my songs-remi/manifest.json")).exists();
        try (var beside = java.nio.file.Files.list(dir)) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("my songs", "MusAI");
        }
    }

    @Test
    void aRunCancelledAfterItsFirstFileLeavesNoDataset() throws Exception {
        model.sourceProperty().set(TestCorpus.bundled());
        model.outputProperty().set(dir.resolve("set"));
        // Cancel as the first file is reported done, as a click would while the job runs
        model.progressTextProperty().addListener((property, before, now) -> {
            if (now.contains(" / ")) {
                model.cancel();
            }
        });
        model.tokenize();
        assertThat(model.manifestProperty().get()).isNull();
        assertThat(model.progressTextProperty().get()).isEqualTo("Cancelled");
        assertThat(model.busyProperty().get()).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no dataset and no work folder").isEmpty();
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
        assertThat(errors.reports()).hasSize(2);
        assertThat(errors.reports().get(1)).startsWith("Tokenizing").contains("no MIDI files");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.progressTextProperty().get()).isEqualTo("Failed");
    }
}
