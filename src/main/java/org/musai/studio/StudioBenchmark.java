package org.musai.studio;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.musai.studio.pianoroll.PianoRollBenchmark;
import org.musai.studio.pianoroll.SyntheticScore;

/**
 * Times the studio's user-facing hot paths in one run: how long after the JVM started the main window is on screen,
 * and how long the piano roll takes per frame with many notes. Needs a display (or Monocle); {@code musai bench
 * studio} prints the figures.
 */
public final class StudioBenchmark {

    private static final int BARS = 200;
    private static final long SEED = 42;
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * The figures.
     *
     * @param windowSeconds seconds from the JVM's start to the main window's first frame
     * @param roll          the piano roll's frame times
     * @param pipeline      the JavaFX rendering pipeline that drew them
     */
    public record Result(double windowSeconds, PianoRollBenchmark.Result roll, String pipeline) {
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
        return new Result(windowSeconds, roll.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName());
    }
}
