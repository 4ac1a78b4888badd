package org.musai.studio;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.musai.studio.generate.GenerateViewModel;
import org.musai.studio.generate.PieceDraft;
import org.musai.studio.pianoroll.PianoRollBenchmark;
import org.musai.studio.pianoroll.SyntheticScore;

/**
 * Times the studio's user-facing hot paths in one run: how long after the JVM started the main window is on screen,
 * how soon after Generate the first notes show (the piece streams into the roll bar by bar), and how long the piano
 * roll takes per frame with many notes. Needs a display (or Monocle); {@code musai bench
 * studio} prints the figures.
 */
public final class StudioBenchmark {

    private static final int BARS = 200;
    private static final long SEED = 42;
    private static final long TIMEOUT_SECONDS = 60;

    /** Pieces written to time the first notes: the median is reported. */
    private static final int PIECES = 5;

    /**
     * The figures.
     *
     * @param windowSeconds    seconds from the JVM's start to the main window's first frame
     * @param firstNotesMillis from pressing Generate to the first frame that shows notes in the roll, the median of
     *                         {@value #PIECES} pieces of the default length with the default model
     * @param pieceMillis      from pressing Generate to the finished piece in the roll, the same median
     * @param roll             the piano roll's frame times
     * @param pipeline         the JavaFX rendering pipeline that drew them
     */
    public record Result(double windowSeconds, double firstNotesMillis, double pieceMillis,
                         PianoRollBenchmark.Result roll, String pipeline) {
    }

    private StudioBenchmark() {
    }

    public static Result run(int notes, int frames) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Preferences node = Preferences.userRoot().node("org/musai/studio-bench/" + UUID.randomUUID());
        try {
            return measure(jvmStart, node, notes, frames);
        } finally {
            node.removeNode();
            Platform.exit();
        }
    }

    private static Result measure(long jvmStart, Preferences node, int notes, int frames) throws Exception {
        CompletableFuture<Double> shown = new CompletableFuture<>();
        Stage[] stage = new Stage[1];
        MainWindow[] window = new MainWindow[1];
        Platform.runLater(() -> {
            stage[0] = new Stage();
            window[0] = new MainWindow(stage[0], new StudioPreferences(node));
            Scene scene = new Scene(window[0], StudioApp.DEFAULT_WIDTH, StudioApp.DEFAULT_HEIGHT);
            MainWindow.style(scene);
            stage[0].setScene(scene);
            stage[0].show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    shown.complete((System.currentTimeMillis() - jvmStart) / 1000.0);
                }
            }.start();
        });
        double windowSeconds = shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        GenerateViewModel generate = window[0].generate();
        Platform.runLater(window[0]::started); // as StudioApp does once the window shows
        awaitOnFx(() -> generate.modelProperty().get() != null && !generate.busyProperty().get());
        double[] firstNotes = new double[PIECES];
        double[] piece = new double[PIECES];
        for (int i = 0; i < PIECES; i++) {
            double[] times = timeOnePiece(generate, SEED + i);
            firstNotes[i] = times[0];
            piece[i] = times[1];
        }
        CompletableFuture<PianoRollBenchmark.Result> roll = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                stage[0].close();
                window[0].close();
                roll.complete(PianoRollBenchmark.measure(SyntheticScore.of(notes, BARS, SEED), frames));
            } catch (RuntimeException e) {
                roll.completeExceptionally(e);
            }
        });
        return new Result(windowSeconds, median(firstNotes), median(piece), roll.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
    }

    /**
     * Presses Generate (on the JavaFX thread, as a click does) and times the first frame after notes reach the roll
     * and the moment the finished piece is shown, in milliseconds.
     */
    private static double[] timeOnePiece(GenerateViewModel generate, long seed) throws Exception {
        CompletableFuture<Double> firstFrame = new CompletableFuture<>();
        CompletableFuture<Double> finished = new CompletableFuture<>();
        long[] start = new long[1];
        ChangeListener<PieceDraft> drafts = (o, old, draft) -> {
            if (draft != null && draft.score().noteCount() > 0 && !firstFrame.isDone()) {
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        stop();
                        firstFrame.complete((System.nanoTime() - start[0]) / 1e6);
                    }
                }.start();
            }
        };
        ChangeListener<Boolean> done = (o, was, busy) -> {
            if (!busy) {
                finished.complete((System.nanoTime() - start[0]) / 1e6);
            }
        };
        Platform.runLater(() -> {
            generate.draftProperty().addListener(drafts);
            generate.busyProperty().addListener(done);
            generate.seedProperty().set(seed);
            start[0] = System.nanoTime();
            generate.generate();
        });
        try {
            double pieceMillis = finished.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // a piece finished within one draft interval shows its notes when it is shown whole
            return new double[] {firstFrame.isDone() ? firstFrame.get() : pieceMillis, pieceMillis};
        } finally {
            Platform.runLater(() -> {
                generate.draftProperty().removeListener(drafts);
                generate.busyProperty().removeListener(done);
            });
        }
    }

    private static void awaitOnFx(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            CompletableFuture<Boolean> met = new CompletableFuture<>();
            Platform.runLater(() -> met.complete(condition.getAsBoolean()));
            if (met.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the default model did not load within " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
