package org.musai.studio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.studio.Await;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;

/** The generate page's view model with the default model: variations, mute/solo, export, drag file; no stage. */
class GenerateViewModelTest {

    private final StudioFixture fixture = StudioFixture.inline();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();
    private final GenerateViewModel model = new GenerateViewModel(background, errors);

    @TempDir
    Path dir;

    @BeforeEach
    void loadTheDefaultModel() throws Exception {
        model.loadModel(null);
        assertThat(errors.reports()).isEmpty();
        assertThat(model.modelProperty().get()).isNotNull();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void writesVariationsWithTheChosenInstrumentsAndShowsTheFirst() throws Exception {
        assertThat(model.modelNameProperty().get()).contains("Default model").contains("REMI");
        assertThat(model.infillsProperty().get()).isFalse();
        model.classes().clear();
        model.classes().addAll(Set.of(InstrumentClass.PIANO, InstrumentClass.STRINGS));
        model.barsProperty().set(4);
        model.variationCountProperty().set(2);
        model.seedProperty().set(7);
        model.generate();
        assertThat(errors.reports()).isEmpty();
        assertThat(model.selectedProperty().get()).isEqualTo(model.variations().get(0));
        assertThat(model.variations()).extracting(v -> v.generation().seed()).containsExactly(7L, 8L);
        for (Variation v : model.variations()) {
            assertThat(v.generation().skippedTokens()).isZero();
            assertThat(v.generation().score().tracks()).allSatisfy(t -> assertThat(t.instrumentClass())
                    .isIn(InstrumentClass.PIANO, InstrumentClass.STRINGS));
        }
        assertThat(model.tracks()).hasSize(model.selectedProperty().get().generation().score().tracks().size());
        assertThat(model.statusProperty().get()).contains("2 pieces");
    }

    /**
     * The first piece is shown bar by bar as it is written, over the piece shown before (which leaves the roll when
     * the first bar comes), and the finished piece takes the draft's place.
     */
    @Test
    void thePieceIsShownBarByBarAsItIsWritten() throws Exception {
        model.barsProperty().set(2);
        model.generate();
        Variation before = model.selectedProperty().get();
        java.util.List<PieceDraft> drafts = new java.util.ArrayList<>();
        java.util.List<Variation> shownWhileWriting = new java.util.ArrayList<>();
        model.draftProperty().addListener((o, old, now) -> {
            if (now != null) {
                drafts.add(now);
                shownWhileWriting.add(model.selectedProperty().get());
            }
        });
        model.barsProperty().set(6);
        model.seedProperty().set(11);
        model.generate();
        assertThat(errors.reports()).isEmpty();
        assertThat(drafts).extracting(PieceDraft::barsDone).isSorted().doesNotHaveDuplicates().contains(6);
        assertThat(drafts).allSatisfy(d -> assertThat(d.barsInAll()).isEqualTo(6));
        assertThat(drafts.get(0).score().noteCount()).isPositive()
                .isLessThan(model.selectedProperty().get().generation().score().noteCount());
        assertThat(shownWhileWriting).containsOnlyNulls();
        assertThat(model.draftProperty().get()).isNull();
        assertThat(model.selectedProperty().get()).isNotEqualTo(before);
        assertThat(model.selectedProperty().get().generation().seed()).isEqualTo(11);
    }

    /**
     * A take played into the recorder by a keyboard (a known file, after one bar of count-in) is shown as it comes, saved in the workspace's takes folder, becomes the primer and the shown variation.
     */
    @Test
    void aRecordedTakeBecomesThePrimer() throws Exception {
        org.musai.studio.common.WorkspaceFolder workspace = new org.musai.studio.common.WorkspaceFolder(dir);
        model.setWorkspace(workspace);
        Score file = new SmfReader().read(org.musai.TestCorpus.bundled().resolve("music21/test06.mid"));
        Score twoBars = new Score(file.ticksPerQuarter(), file.tracks().stream().map(t -> new org.musai.midi.Track(
                t.name(), t.program(), t.drum(), t.notes().stream().filter(n -> n.tick() < 2 * 4 * 480)
                .map(n -> new org.musai.midi.Note(n.tick(), Math.min(n.duration(), 2 * 4 * 480 - n.tick()), n.pitch(),
                        n.velocity())).toList())).toList(),
                java.util.List.of(org.musai.midi.TempoChange.ofBpm(0, 240)), java.util.List.of());
        java.util.List<PieceDraft> shown = new java.util.ArrayList<>();
        model.draftProperty().addListener((o, old, now) -> {
            if (now != null) {
                shown.add(now);
            }
        });
        org.musai.audio.RecordingSettings settings = new org.musai.audio.RecordingSettings(240,
                org.musai.midi.TimeSignature.COMMON_TIME, 3, 1, true, false);
        org.musai.audio.ScriptedKeyboard keyboard = new org.musai.audio.ScriptedKeyboard(twoBars,
                settings.countInMicros());
        model.record((asked, stop, listener) -> new org.musai.audio.MidiRecorder().record(keyboard, null, asked, stop,
                listener, keyboard), settings);
        assertThat(errors.reports()).isEmpty();
        Path take = dir.resolve("takes").resolve("take-1.mid");
        assertThat(model.primerProperty().get()).isEqualTo(take);
        Score saved = new SmfReader().read(take);
        assertThat(saved.noteCount()).isEqualTo(twoBars.noteCount());
        assertThat(model.selectedProperty().get().generation().score()).isEqualTo(
                model.variations().get(model.variations().size() - 1).generation().score());
        assertThat(model.selectedProperty().get().label()).contains("take-1.mid");
        assertThat(shown).isNotEmpty().allSatisfy(d -> assertThat(d.barsInAll()).isEqualTo(3));
        assertThat(model.recordingProperty().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
    }

    /** A MIDI file opened with the studio (a file association) is shown and becomes the primer; a bad one a dialog. */
    @Test
    void anOpenedMidiFileIsShownAsThePrimer() throws Exception {
        Path song = org.musai.TestCorpus.bundled().resolve("midly/Clementi.mid");
        model.open(song);
        assertThat(model.primerProperty().get()).isEqualTo(song);
        assertThat(model.selectedProperty().get().label()).endsWith("primer Clementi.mid");
        assertThat(model.selectedProperty().get().generation().score()).isEqualTo(new SmfReader().read(song));
        Path broken = Files.writeString(dir.resolve("broken.mid"), "not a MIDI file");
        model.open(broken);
        assertThat(errors.reports()).singleElement().asString().startsWith("Opening broken.mid");
        assertThat(model.primerProperty().get()).isEqualTo(song);
    }

    /** A/B flips between the piece shown and the one shown before it; a renamed piece keeps its place in that. */
    @Test
    void compareFlipsBetweenTheLastTwoPiecesShownAndRenamingKeepsThem() throws Exception {
        model.barsProperty().set(2);
        model.variationCountProperty().set(2);
        model.generate();
        Variation first = model.variations().get(0);
        Variation second = model.variations().get(1);
        assertThat(model.comparableProperty().get()).as("nothing shown before").isFalse();
        model.selectedProperty().set(second);
        assertThat(model.comparableProperty().get()).isTrue();
        model.compareWithPrevious();
        assertThat(model.selectedProperty().get()).isEqualTo(first);
        model.compareWithPrevious();
        assertThat(model.selectedProperty().get()).isEqualTo(second);

        model.rename(first, "  the keeper ");
        model.rename(second, " ");
        assertThat(model.variations()).extracting(Variation::label).containsExactly("the keeper", "1.2 · seed 43");
        model.compareWithPrevious();
        assertThat(model.selectedProperty().get().label()).isEqualTo("the keeper");

        // a new piece: A/B compares it with the one shown before it was written
        model.variationCountProperty().set(1);
        model.generate();
        Variation third = model.selectedProperty().get();
        model.compareWithPrevious();
        assertThat(model.selectedProperty().get().label()).isEqualTo("the keeper");
        model.compareWithPrevious();
        assertThat(model.selectedProperty().get()).isEqualTo(third);
    }

    /** Each entry says what it was asked; batches number their own pieces; pieces are starred and deleted. */
    @Test
    void variationsSayHowTheyWereMadeAndCanBeStarredAndDeleted() throws Exception {
        model.classes().clear();
        model.classes().addAll(Set.of(InstrumentClass.PIANO, InstrumentClass.BASS));
        model.barsProperty().set(2);
        model.variationCountProperty().set(2);
        model.seedProperty().set(3);
        model.temperatureProperty().set(1.5);
        model.generate();
        model.temperatureProperty().set(0.8);
        model.variationCountProperty().set(1);
        model.generate();
        assertThat(errors.reports()).isEmpty();
        assertThat(model.variations()).extracting(Variation::label)
                .containsExactly("1.1 · seed 3", "1.2 · seed 4", "2.1 · seed 3");
        Variation bold = model.variations().get(0);
        int notes = bold.generation().score().noteCount();
        assertThat(bold.details()).isEqualTo("T 1.50 · top-p 0.85 · Piano, Bass · 2 bars · " + notes
                + (notes == 1 ? " note" : " notes"));
        assertThat(model.variations().get(2).details()).startsWith("T 0.80");
        assertThat(model.selectedProperty().get()).isEqualTo(model.variations().get(2));

        model.toggleStar(bold);
        assertThat(model.variations().get(0).starred()).isTrue();
        assertThat(model.variations().get(0).toString()).startsWith("★ 1.1 · seed 3\nT 1.50");
        Variation shown = model.selectedProperty().get();
        model.delete(shown);
        assertThat(model.variations()).hasSize(2);
        assertThat(model.selectedProperty().get()).isEqualTo(model.variations().get(1)); // the one before it
        model.delete(model.variations().get(0));
        model.delete(model.variations().get(0));
        assertThat(model.variations()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void barsOfAGeneratedPieceAreRegeneratedByTheDefaultMmmModel() throws Exception {
        assertThat(model.infillModelProperty().get()).as("the shipped MMM model, beside the REMI one").isNotNull();
        assertThat(model.infillModelProperty().get().codec().tokenizer().config().algorithm())
                .hasToString("MMM");
        model.classes().clear();
        model.classes().addAll(Set.of(InstrumentClass.PIANO, InstrumentClass.BASS));
        model.barsProperty().set(4);
        model.generate();
        Score written = model.selectedProperty().get().generation().score();
        model.regenerate(2, 3, Set.of());
        assertThat(errors.reports()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Bars 2-3 regenerated");
        Score rewritten = model.selectedProperty().get().generation().score();
        assertThat(rewritten.tracks()).hasSameSizeAs(written.tracks());
        int barTicks = 4 * 480; // 4/4 at the generator's 480 ticks per quarter: bars 2-3 are ticks 1920-5760
        for (int t = 0; t < written.tracks().size(); t++) {
            assertThat(rewritten.tracks().get(t).notes().stream().filter(n -> n.tick() < barTicks).toList())
                    .as("bar 1 of track %d", t).isEqualTo(written.tracks().get(t).notes().stream()
                            .filter(n -> n.tick() < barTicks).toList());
            assertThat(rewritten.tracks().get(t).notes().stream().filter(n -> n.tick() >= 3 * barTicks).toList())
                    .as("bar 4 of track %d", t).isEqualTo(written.tracks().get(t).notes().stream()
                            .filter(n -> n.tick() >= 3 * barTicks).toList());
        }
    }

    @Test
    void muteAndSoloDecideWhatSoundsAndExportsKeepEverything() throws Exception {
        model.classes().clear();
        model.classes().addAll(Set.of(InstrumentClass.PIANO, InstrumentClass.BASS, InstrumentClass.DRUMS));
        model.barsProperty().set(4);
        model.generate();
        Score shown = model.selectedProperty().get().generation().score();
        int tracks = shown.tracks().size();
        if (tracks >= 2) {
            model.tracks().get(0).mutedProperty().set(true);
            assertThat(model.dimmedTracksProperty().get()).containsExactly(0);
            assertThat(model.audibleScore().tracks()).hasSize(tracks - 1);
            model.tracks().get(1).soloedProperty().set(true);
            assertThat(model.audibleScore().tracks()).containsExactly(shown.tracks().get(1));
        }
        Path midi = dir.resolve("out.mid");
        model.exportMidi(midi);
        assertThat(new SmfReader().read(midi).noteCount()).isEqualTo(shown.noteCount());
        Path dragged = model.dragFile();
        assertThat(dragged.getFileName().toString()).endsWith(".mid");
        assertThat(new SmfReader().read(dragged).noteCount()).isEqualTo(shown.noteCount());
        Path wav = dir.resolve("out.wav");
        model.exportWav(wav);
        assertThat(model.statusProperty().get()).startsWith("Rendered");
        assertThat(Files.size(wav)).isGreaterThan(44_100); // more than a quarter second of 16-bit stereo
        assertThat(errors.reports()).isEmpty();
    }

    @Test
    void playbackMovesThePlayheadOrSaysWhyItCannot() throws Exception {
        // about threads: the piece plays on a worker while this thread watches the playhead and stops it
        try (StudioFixture threads = StudioFixture.threaded()) {
            playAndStop(new GenerateViewModel(threads.background(), threads.errors()), threads.errors());
        }
    }

    private static void playAndStop(GenerateViewModel model, RecordingErrors errors) throws Exception {
        model.loadModel(null);
        Await.until(() -> model.modelProperty().get() != null || !errors.reports().isEmpty(), 60);
        model.barsProperty().set(2);
        model.generate();
        Await.until(() -> !model.busyProperty().get(), 60);
        assertThat(model.selectedProperty().get()).isNotNull();
        model.play();
        Await.until(() -> model.playback().playheadTickProperty().get() > 0 || !errors.reports().isEmpty(), 30);
        if (errors.reports().isEmpty()) {
            assertThat(model.playback().playingProperty().get()).isTrue();
            model.stopPlayback();
            Await.until(() -> !model.playback().playingProperty().get(), 10);
            assertThat(model.playback().playheadTickProperty().get()).isEqualTo(-1);
        } else {
            // no audio device here (CI): a clear reason that points to WAV, and the page is not left "playing"
            assertThat(errors.reports()).singleElement().asString().startsWith("Playing").contains("WAV");
            Await.until(() -> !model.playback().playingProperty().get(), 10);
        }
    }

    /** Presets check exactly their classes; the user's own are kept, restored and replaced by name. */
    @Test
    void instrumentPresetsInOneClickAndTheUsersOwn() {
        InstrumentPreset band = model.presets().stream().filter(p -> p.name().startsWith("Band")).findFirst()
                .orElseThrow();
        model.applyPreset(band);
        assertThat(model.classes()).containsExactlyInAnyOrder(InstrumentClass.PIANO, InstrumentClass.BASS,
                InstrumentClass.DRUMS);
        model.applyPreset(model.presets().stream().filter(p -> p.name().equals("None")).findFirst().orElseThrow());
        assertThat(model.classes()).isEmpty();

        java.util.List<String> stored = new java.util.ArrayList<>();
        model.useSavedPresets("", stored::add);
        model.classes().addAll(Set.of(InstrumentClass.ORGAN, InstrumentClass.DRUMS));
        model.savePreset("  Gospel ");
        assertThat(stored).containsExactly("Gospel=2,16");
        model.classes().remove(InstrumentClass.DRUMS);
        model.savePreset("Gospel");
        assertThat(stored.get(1)).isEqualTo("Gospel=2");
        model.savePreset(" ");
        assertThat(errors.reports()).singleElement().asString().contains("name");

        GenerateViewModel reopened = new GenerateViewModel(background, errors);
        reopened.useSavedPresets(stored.get(1) + ";damaged=x,y;", saved -> { });
        assertThat(reopened.presets()).extracting(InstrumentPreset::name).endsWith("None", "Gospel");
        reopened.applyPreset(reopened.presets().get(reopened.presets().size() - 1));
        assertThat(reopened.classes()).containsExactly(InstrumentClass.ORGAN);
    }

    /** A fine-tune of the default model, picked as an adapter on top of it; on another base it is refused. */
    @Test
    void anAdapterLoadsOnTheModelItWasTrainedOn() throws Exception {
        Path data = dir.resolve("data");
        org.musai.token.TokenCodec codec = org.musai.token.TokenizerFile.load(
                org.musai.generate.ModelBundle.defaultModelFolder().resolve("tokenizer.json"));
        new org.musai.token.dataset.DatasetBuilder().build(new org.musai.token.dataset.DatasetRequest(
                org.musai.token.dataset.SourceFiles.find(org.musai.TestCorpus.bundled().resolve("music21"), null),
                data, codec.tokenizer().config(), org.musai.midi.InstrumentFilter.defaults(), false, 0, 1)
                .withMergesOf(codec), org.musai.progress.ProgressListener.NONE,
                new org.musai.progress.CancellationToken());
        Path run = dir.resolve("tuned");
        new org.musai.train.Trainer().train(new org.musai.train.TrainingOptions(data, null, 0, run,
                org.musai.generate.ModelBundle.defaultModelFolder(), 64, 1, 256, 4, 1, 2, 1e-3, 0, 0, false, true, 0f,
                "cpu", 1, 0, 100).withLora(new org.musai.model.LoraSettings(2, 4), null),
                new org.musai.train.TrainingListener() {
                }, new org.musai.progress.CancellationToken());

        model.loadAdapter(run);
        assertThat(errors.reports()).isEmpty();
        assertThat(model.modelNameProperty().get()).startsWith("tuned on default").contains("REMI");
        assertThat(model.modelProperty().get()).isNotNull();

        model.loadModel(org.musai.generate.ModelBundle.DEFAULT_INFILL_MODEL);
        model.loadAdapter(run);
        assertThat(errors.reports()).singleElement().asString().contains("another base model");
    }

    @Test
    void theModelChosenLastWinsEvenWhenItCannotBeLoaded() throws Exception {
        model.loadModel(null);
        model.loadModel(dir.resolve("no-model-here"));
        assertThat(errors.reports()).singleElement().asString().contains("not a model folder");
        assertThat(model.modelProperty().get()).as("no model rather than a model nobody chose").isNull();
        assertThat(model.modelNameProperty().get()).isEqualTo("No model loaded");
    }

    @Test
    void anMmmPrimerWithoutAnMmmModelOrAnyPrimerIsReported() throws Exception {
        model.primerProperty().set(dir.resolve("missing.mid"));
        model.generate();
        assertThat(errors.reports()).singleElement().asString().startsWith("Generating").contains("missing.mid");
        assertThat(model.busyProperty().get()).isFalse();
    }
}
