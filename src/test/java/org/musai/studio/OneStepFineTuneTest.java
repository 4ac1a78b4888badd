package org.musai.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.generate.ModelBundle;
import org.musai.model.AdapterConfig;
import org.musai.studio.common.WorkspaceFolder;
import org.musai.studio.dataset.DatasetViewModel;
import org.musai.studio.generate.GenerateViewModel;
import org.musai.studio.train.FineTuneRecipe;
import org.musai.studio.train.TrainViewModel;
import org.musai.token.TokenizerFile;
import org.musai.train.RunFolder;
import org.musai.train.TrainingOptions;

/**
 * From a folder of MIDI files to a personal model in one step, as "Fine-tune on a folder…" does it: the real
 * tokenizer, trainer and generator, on a recipe two steps long.
 */
class OneStepFineTuneTest {

    private final StudioFixture fixture = StudioFixture.inline();
    private final RecordingErrors errors = fixture.errors();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aFolderBecomesAFineTuneOfTheShippedModelThatGenerates() throws Exception {
        WorkspaceFolder workspace = new WorkspaceFolder(dir.resolve("MusAI"));
        DatasetViewModel dataset = new DatasetViewModel(fixture.background(), errors);
        TrainViewModel train = new TrainViewModel(fixture.background(), errors);
        dataset.setWorkspace(workspace);
        train.setWorkspace(workspace);
        Path mine = TestCorpus.bundled().resolve("freedoom");
        Files.createDirectories(workspace.datasetFor(mine, "finetune")); // taken: the flow numbers its own
        AtomicReference<Path> built = new AtomicReference<>();

        dataset.tokenizeForFineTuning(mine, folder -> {
            built.set(folder);
            train.fineTuneOn(folder, new FineTuneRecipe(1, 1, 2, 3e-4));
        });

        assertThat(errors.reports()).isEmpty();
        assertThat(built.get()).isEqualTo(workspace.root().resolve("datasets").resolve("freedoom-finetune-2"));
        assertThat(TokenizerFile.hash(TokenizerFile.load(built.get().resolve(TokenizerFile.FILE_NAME))))
                .isEqualTo(TokenizerFile.hash(TokenizerFile.load(
                        ModelBundle.defaultModelFolder().resolve(TokenizerFile.FILE_NAME))));
        Path run = train.runFolderProperty().get();
        assertThat(run).isEqualTo(workspace.root().resolve("runs").resolve("freedoom-finetune-2"));
        assertThat(train.finishedProperty().get()).isTrue();
        assertThat(run.resolve(AdapterConfig.FILE_NAME)).exists();
        TrainingOptions options = new RunFolder(run).readConfig().options();
        assertThat(options.lora()).isNotNull();
        assertThat(options.stepsPerEpoch()).isEqualTo(2);

        GenerateViewModel generate = new GenerateViewModel(fixture.background(), errors);
        generate.loadModel(run);
        assertThat(errors.reports()).isEmpty();
        assertThat(generate.modelProperty().get()).isNotNull();
        generate.barsProperty().set(2);
        generate.variationCountProperty().set(1);
        generate.generate();
        assertThat(errors.reports()).isEmpty();
        assertThat(generate.variations()).singleElement()
                .satisfies(v -> assertThat(v.generation().score().noteCount()).isPositive());
    }
}
