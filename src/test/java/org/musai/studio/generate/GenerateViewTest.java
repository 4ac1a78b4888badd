package org.musai.studio.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.studio.Await;
import org.musai.studio.RecordingErrors;
import org.musai.studio.StudioFixture;
import org.musai.studio.common.Background;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The generate workspace on a real headless stage with the default model: generate, see notes, mute, drag out. */
@ExtendWith(ApplicationExtension.class)
class GenerateViewTest {

    private final StudioFixture fixture = StudioFixture.onStage();
    private final RecordingErrors errors = fixture.errors();
    private final Background background = fixture.background();
    private final GenerateViewModel model = new GenerateViewModel(background, errors);
    private GenerateView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        view = new GenerateView(model, fixture.choosers());
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** Two clicks give the band: the presets menu, then its entry; the check list shows it. */
    @Test
    void aPresetChecksItsInstruments(FxRobot robot) {
        robot.clickOn("#instrumentPresets").clickOn("Rock (guitar, bass, drums)");
        assertThat(model.classes()).containsExactlyInAnyOrder(InstrumentClass.GUITAR, InstrumentClass.BASS,
                InstrumentClass.DRUMS);
        org.controlsfx.control.CheckComboBox<InstrumentClass> checks = robot.lookup("#classes").query();
        assertThat(checks.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder(InstrumentClass.GUITAR,
                InstrumentClass.BASS, InstrumentClass.DRUMS);
    }

    /**
     * Record… asks for the input and the take's settings (the page's tempo, meter and bars by default); without a
     * MIDI input it says what to connect and cannot start.
     */
    @Test
    void recordAsksForAnInputAndTheTakesSettings(FxRobot robot) {
        robot.interact(() -> model.tempoProperty().set(96));
        robot.clickOn("#recordPrimer");
        javafx.scene.control.Spinner<Double> tempo = robot.lookup("#recordTempo").query();
        assertThat(tempo.getValue()).isEqualTo(96.0);
        javafx.scene.control.ComboBox<String> input = robot.lookup("#recordInput").query();
        boolean none = new org.musai.audio.MidiRecorder().inputPorts().isEmpty();
        assertThat(input.getItems().isEmpty()).isEqualTo(none);
        assertThat(robot.lookup("#noRecordInput").query().isVisible()).isEqualTo(none);
        assertThat(robot.lookup("#startRecording").queryButton().isDisabled()).isEqualTo(none);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#recordTempo").tryQuery()).as("the dialog has closed").isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    /** A piece the REMI model wrote, then Add track with drums chosen: a new variation with a drum part besides. */
    @Test
    void addTrackWritesANewPartOverTheShownPiece(FxRobot robot) throws Exception {
        robot.interact(() -> model.loadModel(null));
        Await.until(() -> model.modelProperty().get() != null && model.infillModelProperty().get() != null, 60);
        robot.interact(() -> {
            model.classes().retainAll(Set.of(InstrumentClass.PIANO));
            model.classes().add(InstrumentClass.PIANO);
            model.barsProperty().set(4);
        });
        robot.clickOn("#generate");
        Await.until(() -> model.variations().size() == 1 && !model.busyProperty().get(), 60);
        Score written = model.selectedProperty().get().generation().score();
        javafx.scene.control.ComboBox<InstrumentClass> newPart = robot.lookup("#newPartClass").query();
        robot.interact(() -> newPart.setValue(InstrumentClass.DRUMS));
        robot.clickOn("#addTrack");
        Await.until(() -> model.variations().size() == 2 && !model.busyProperty().get(), 60);
        assertThat(errors.reports()).isEmpty();
        Score withDrums = model.selectedProperty().get().generation().score();
        assertThat(model.selectedProperty().get().label()).contains("+ Drums");
        assertThat(withDrums.tracks()).hasSize(written.tracks().size() + 1);
        assertThat(withDrums.tracks().get(withDrums.tracks().size() - 1).drum()).isTrue();
        assertThat(withDrums.tracks().subList(0, written.tracks().size())).isEqualTo(written.tracks());
        assertThat(model.statusProperty().get()).startsWith("A Drums part added");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.pianoRoll().getScore()).isEqualTo(withDrums);
    }

    /**
     * Notes as they come: while the piece is written, the roll shows it growing bar by bar and Play is offered; then
     * the finished piece. The page here runs its job inline on the JavaFX thread, so each bar reaches the roll as it is
     * written, whatever the machine's speed.
     */
    @Test
    void theRollShowsThePieceGrowingBeforeItIsFinished(FxRobot robot) throws Exception {
        try (StudioFixture inline = StudioFixture.inline()) {
            GenerateViewModel writing = new GenerateViewModel(inline.background(), inline.errors());
            java.util.List<Integer> notesShown = new java.util.ArrayList<>();
            java.util.List<Boolean> playOffered = new java.util.ArrayList<>();
            GenerateView page = WaitForAsyncUtils.asyncFx(() -> {
                GenerateView shown = new GenerateView(writing, inline.choosers());
                writing.loadModel(null);
                writing.barsProperty().set(32);
                writing.draftProperty().addListener((o, old, draft) -> {
                    if (draft != null) {
                        notesShown.add(shown.pianoRoll().getScore().noteCount());
                        playOffered.add(!((javafx.scene.control.Button) shown.lookup("#play")).isDisabled());
                    }
                });
                writing.generate();
                return shown;
            }).get();
            assertThat(inline.errors().reports()).isEmpty();
            int finished = writing.selectedProperty().get().generation().score().noteCount();
            assertThat(notesShown).as("notes in the roll while writing").hasSizeGreaterThan(20).isSorted()
                    .anySatisfy(n -> assertThat(n).isPositive().isLessThan(finished));
            assertThat(playOffered).containsOnly(true);
            assertThat(page.pianoRoll().getScore().noteCount()).isEqualTo(finished);
        }
    }

    @Test
    void generatesIntoThePianoRollAndTheDragCarriesAMidiFile(FxRobot robot) throws Exception {
        robot.interact(() -> model.loadModel(null));
        Await.until(() -> model.modelProperty().get() != null, 60);
        robot.interact(() -> {
            model.classes().retainAll(Set.of(InstrumentClass.PIANO, InstrumentClass.BASS));
            model.classes().addAll(Set.of(InstrumentClass.PIANO, InstrumentClass.BASS));
            model.barsProperty().set(8);
        });
        robot.clickOn("#generate");
        Await.until(() -> model.statusProperty().get().contains("piece"), 60);
        WaitForAsyncUtils.waitForFxEvents();
        Score shown = view.pianoRoll().getScore();
        assertThat(shown.noteCount()).isPositive();
        assertThat(shown).isEqualTo(model.selectedProperty().get().generation().score());
        Await.until(() -> view.pianoRoll().lastDrawnRectangles() > 0, 10);
        assertThat(robot.lookup("#variations").queryListView().getItems()).hasSize(1);
        javafx.scene.canvas.Canvas thumbnail = robot.lookup("#variations").lookup("#thumbnail").query();
        javafx.scene.image.Image miniature = WaitForAsyncUtils.asyncFx(() -> thumbnail.snapshot(null, null)).get();
        int inked = 0;
        for (int y = 0; y < (int) miniature.getHeight(); y++) {
            for (int x = 0; x < (int) miniature.getWidth(); x++) {
                inked += miniature.getPixelReader().getColor(x, y).equals(RollThumbnail.BACKGROUND) ? 0 : 1;
            }
        }
        assertThat(inked).as("the variation's thumbnail shows notes").isGreaterThan(20);
        assertThat(robot.lookup("#tracks").queryListView().getItems()).hasSize(shown.tracks().size());

        robot.clickOn("#mute0");
        assertThat(model.dimmedTracksProperty().get()).containsExactly(0);
        assertThat(model.audibleScore().tracks()).hasSize(shown.tracks().size() - 1);

        ClipboardContent content = WaitForAsyncUtils.asyncFx(() -> view.dragContent()).get();
        assertThat(content.getFiles()).hasSize(1);
        File dragged = content.getFiles().get(0);
        assertThat(dragged.getName()).endsWith(".mid");
        Score parsed = new SmfReader().read(dragged.toPath());
        assertThat(parsed.noteCount()).isEqualTo(shown.noteCount());
        assertThat(parsed.tracks()).extracting(t -> t.instrumentClass())
                .containsExactlyInAnyOrderElementsOf(shown.tracks().stream().map(t -> t.instrumentClass()).toList());

        Path saved = dir.resolve("piece.mid");
        robot.interact(() -> model.exportMidi(saved));
        assertThat(new SmfReader().read(saved).noteCount()).isEqualTo(shown.noteCount());
        assertThat(robot.lookup("#regenerate").queryButton().isDisabled()).as("REMI model: no infill").isTrue();
        assertThat(errors.reports()).isEmpty();
    }
}
