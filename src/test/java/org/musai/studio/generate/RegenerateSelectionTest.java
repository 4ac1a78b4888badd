package org.musai.studio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
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

    private final StudioFixture fixture = StudioFixture.inline();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static final int CHOSEN = 2; // the bass

    private static List<Note> outside(List<Note> notes, int from, int to) {
        return notes.stream().filter(n -> n.end() <= from || n.tick() >= to).toList();
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
        assertThat(model.infillsProperty().get()).isTrue();
        model.generate();
        assertThat(errors.reports()).singleElement().asString().contains("drop a primer");

        // a band whose six tracks survive quantization, so that "the other tracks" are really there
        model.primerProperty().set(TestCorpus.bundled().resolve("freedoom/freedoom1_D_E1M2.mid"));
        model.generate();
        assertThat(model.variations()).singleElement().extracting(Variation::label).asString().contains("primer");
        Score primer = model.selectedProperty().get().generation().score();
        assertThat(primer.tracks()).hasSize(6);
        model.regenerate(3, 4, Set.of(CHOSEN));
        assertThat(model.statusProperty().get()).startsWith("Bars 3-4 regenerated");
        assertThat(errors.reports()).hasSize(1);
        Variation rewritten = model.selectedProperty().get();
        assertThat(model.variations()).hasSize(2);
        assertThat(rewritten.label()).contains("bars 3-4");
        assertThat(rewritten.generation().skippedTokens()).isZero();
        // the unchecked tracks are kept note for note as the roll showed them, and the checked one outside bars 3-4
        Score after = rewritten.generation().score();
        assertThat(after.tracks()).hasSameSizeAs(primer.tracks());
        for (int t = 0; t < after.tracks().size(); t++) {
            if (t != CHOSEN) {
                assertThat(after.tracks().get(t).notes()).as("track %d", t).isEqualTo(primer.tracks().get(t).notes());
            }
        }
        assertThat(primer.ticksPerQuarter()).as("the file as read, not the model's grid").isEqualTo(96);
        int from = 2 * 384; // bars 3-4 of 4/4 at 96 ticks per quarter
        int to = 4 * 384;
        assertThat(outside(after.tracks().get(CHOSEN).notes(), from, to))
                .containsExactlyInAnyOrderElementsOf(outside(primer.tracks().get(CHOSEN).notes(), from, to));
    }
}
