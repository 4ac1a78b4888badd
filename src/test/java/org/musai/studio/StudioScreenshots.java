package org.musai.studio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.musai.midi.InstrumentClass;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's screenshots: the real main window, driven through its view models to a state worth showing
 * (a folder inspected and tokenized, the default model's training history, generated pieces), saved as PNG.
 * Run under a display, e.g. Xvfb: see docs/screenshots/README.md.
 */
public final class StudioScreenshots {

    private static final long TIMEOUT_SECONDS = 300;

    private StudioScreenshots() {
    }

    /**
     * Arguments: output folder, a folder of MIDI files to tokenize, a scratch folder, a run folder to open, and a
     * MIDI file to play into the recorder.
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path midi = Path.of(args[1]);
        Path scratch = Path.of(args[2]);
        Path run = Path.of(args[3]);
        Path take = Path.of(args[4]);
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Preferences node = Preferences.userRoot().node("org/musai/studio-shots/" + UUID.randomUUID());
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            StudioPreferences preferences = new StudioPreferences(node);
            preferences.setWorkspaceFolder(scratch.resolve("workspace"));
            MainWindow main = new MainWindow(stage, preferences);
            Scene scene = new Scene(main, StudioApp.DEFAULT_WIDTH, StudioApp.DEFAULT_HEIGHT);
            MainWindow.style(scene);
            stage.setScene(scene);
            stage.setTitle("MusAI Studio");
            stage.show();
            main.started();
            return main;
        });

        fx(() -> {
            window.workspaces().getSelectionModel().select(0);
            window.dataset().outputProperty().set(scratch.resolve("dataset"));
            window.dataset().chooseSource(midi);
            return null;
        });
        Await.until(() -> window.dataset().reportProperty().get() != null, (int) TIMEOUT_SECONDS);
        fx(() -> {
            window.dataset().requiredClasses().add(InstrumentClass.PIANO);
            window.dataset().tokenize();
            return null;
        });
        Await.until(() -> window.dataset().manifestProperty().get() != null, (int) TIMEOUT_SECONDS);
        shoot(window, out.resolve("dataset.png"));

        fx(() -> {
            window.workspaces().getSelectionModel().select(1);
            window.train().openRun(run);
            return null;
        });
        shoot(window, out.resolve("train.png"));

        Await.until(() -> window.generate().modelProperty().get() != null, (int) TIMEOUT_SECONDS);
        fx(() -> {
            window.workspaces().getSelectionModel().select(2);
            Set<InstrumentClass> band = Set.of(InstrumentClass.PIANO, InstrumentClass.BASS, InstrumentClass.DRUMS);
            window.generate().classes().retainAll(band);
            window.generate().classes().addAll(band);
            window.generate().variationCountProperty().set(3);
            window.generate().generate();
            return null;
        });
        Await.until(() -> window.generate().statusProperty().get().contains("pieces"), (int) TIMEOUT_SECONDS);
        shoot(window, out.resolve("generate.png"));

        // notes as they come: the roll part-way through a 32-bar piece
        CompletableFuture<Void> halfway = new CompletableFuture<>();
        fx(() -> {
            window.generate().draftProperty().addListener((o, old, draft) -> {
                if (draft != null && draft.barsDone() >= 12 && !halfway.isDone()) {
                    halfway.complete(null);
                    snapshot(window, out.resolve("generate-streaming.png"));
                }
            });
            window.generate().barsProperty().set(32);
            window.generate().variationCountProperty().set(1);
            window.generate().generate();
            return null;
        });
        halfway.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Await.until(() -> !window.generate().busyProperty().get(), (int) TIMEOUT_SECONDS);

        // add a track: a piano piece, then a bass part written over it
        fx(() -> {
            window.generate().classes().retainAll(Set.of(InstrumentClass.PIANO));
            window.generate().barsProperty().set(8);
            window.generate().generate();
            return null;
        });
        Await.until(() -> !window.generate().busyProperty().get(), (int) TIMEOUT_SECONDS);
        fx(() -> {
            window.generate().addTrack(InstrumentClass.BASS);
            return null;
        });
        Await.until(() -> !window.generate().busyProperty().get(), (int) TIMEOUT_SECONDS);
        shoot(window, out.resolve("add-track.png"));

        // recording: Java's sequencer plays a lied's first bars into the recorder, shot part-way through the take
        org.musai.midi.Score lied = new org.musai.midi.SmfReader().read(take);
        double tempo = lied.temposOrDefault().get(0).bpm();
        CompletableFuture<Void> recording = new CompletableFuture<>();
        try (SequencerKeyboard keyboard = new SequencerKeyboard(lied)) {
            fx(() -> {
                window.generate().draftProperty().addListener((o, old, draft) -> {
                    if (draft != null && window.generate().recordingProperty().get()
                            && draft.score().noteCount() > 40 && !recording.isDone()) {
                        recording.complete(null);
                        snapshot(window, out.resolve("record.png"));
                    }
                });
                window.generate().record(keyboard.takes(), new org.musai.audio.RecordingSettings(tempo,
                        org.musai.midi.TimeSignature.COMMON_TIME, 4, 1, true, true));
                return null;
            });
            recording.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Await.until(() -> !window.generate().busyProperty().get(), (int) TIMEOUT_SECONDS);
        }
        node.removeNode();
        Platform.exit();
    }

    private static void shoot(MainWindow window, Path file) throws Exception {
        Thread.sleep(1500); // let charts and the roll redraw at their own pace
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> snapshot(window, file));
    }

    /** The window as it is now, on the JavaFX thread. */
    private static boolean snapshot(MainWindow window, Path file) {
        try {
            return ImageIO.write(SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null), "png",
                    file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
