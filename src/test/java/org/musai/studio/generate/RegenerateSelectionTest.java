package org.musai.studio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Score;
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
import org.musai.train.Trainer;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;

/** "Regenerate selection" with a real, briefly trained MMM model: the primer goes to the roll, bars are rewritten. */
class RegenerateSelectionTest {

    @TempDir
    Path dir;

    private final StudioFixture fixture = StudioFixture.direct();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void anMmmModelShowsThePrimerAndRewritesTheSelectedBarsOfTheCheckedTrack() throws Exception {
        Path dataset = dir.resolve("mmm");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        Path run = dir.resolve("run");
        new Trainer().train(new TrainingOptions(dataset, null, 0, run, null, 64, 4, 32, 2, 1, 10, 3e-3, 0, 0, false,
                true, 0f, "cpu", 1, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY), new TrainingListener() {
        }, new CancellationToken());

        GenerateViewModel model = new GenerateViewModel(background, errors);
        model.generate(); // nothing loaded yet: nothing happens
        model.loadModel(run);
        Await.until(() -> model.modelProperty().get() != null, 60);
        assertThat(model.infillsProperty().get()).isTrue();
        model.generate();
        assertThat(errors.reports()).singleElement().asString().contains("drop a primer");

        model.primerProperty().set(TestCorpus.bundled().resolve("midly/Clementi.mid"));
        model.generate();
        assertThat(model.variations()).singleElement().extracting(Variation::label).asString().contains("primer");
        Score primer = model.selectedProperty().get().generation().score();
        model.regenerate(3, 4, Set.of(0));
        Await.until(() -> model.statusProperty().get().startsWith("Bars 3-4 regenerated"), 120);
        assertThat(errors.reports()).hasSize(1);
        Variation rewritten = model.selectedProperty().get();
        assertThat(model.variations()).hasSize(2);
        assertThat(rewritten.label()).contains("bars 3-4");
        assertThat(rewritten.generation().skippedTokens()).isZero();
        // the unchecked tracks are kept note for note as the roll showed them
        Score after = rewritten.generation().score();
        assertThat(after.tracks()).hasSameSizeAs(primer.tracks());
        for (int t = 1; t < after.tracks().size(); t++) {
            assertThat(after.tracks().get(t).notes()).isEqualTo(primer.tracks().get(t).notes());
        }
        assertThat(after.tracks().get(0).notes()).isNotEmpty();
    }
}
