package org.musai.studio.pianoroll;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.musai.midi.Score;

/**
 * Times the piano roll on 20,000 notes over 200 bars, zoomed to fit in a 1280x800 window, and prints one JSON line:
 * the median time of a paint alone and of a paint plus a snapshot of the canvas (which rasterises it), and the median
 * number of note rectangles. It lives with the tests because the project lets only the command line print, and so
 * that Monocle (a test jar) is on its class path for headless runs.
 */
public final class PianoRollBenchmark {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int NOTES = 20_000;
    private static final int BARS = 200;
    private static final long SEED = 42;
    private static final int WARM_UP_FRAMES = 30;
    private static final int DEFAULT_FRAMES = 100;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final long START_TIMEOUT_SECONDS = 30;

    private PianoRollBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of timed frames (default 100)
     */
    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_FRAMES;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(run(frames));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        String line = result.get();
        System.out.println(line);
        Platform.exit();
    }

    private static String run(int frames) {
        Score score = RollScores.synthetic(NOTES, BARS, SEED);
        PianoRoll roll = new PianoRoll();
        Stage stage = new Stage();
        stage.setScene(new Scene(roll, WIDTH, HEIGHT));
        stage.show();
        roll.resize(WIDTH, HEIGHT);
        roll.layout();
        roll.setScore(score);
        roll.zoomToFit();
        for (int i = 0; i < WARM_UP_FRAMES; i++) {
            roll.drawNow();
            roll.canvas().snapshot(null, null);
        }
        long[] drawNanos = new long[frames];
        long[] frameNanos = new long[frames];
        long[] rectangles = new long[frames];
        for (int i = 0; i < frames; i++) {
            long start = System.nanoTime();
            roll.drawNow();
            roll.canvas().snapshot(null, null);
            frameNanos[i] = System.nanoTime() - start;
            drawNanos[i] = roll.lastDrawNanos();
            rectangles[i] = roll.lastDrawnRectangles();
        }
        stage.close();
        return String.format(Locale.ROOT,
                "{\"notes\":%d,\"frames\":%d,\"width\":%d,\"height\":%d,\"draw_ms_median\":%.3f,"
                        + "\"frame_ms_median\":%.3f,\"rects_median\":%d,\"prism\":\"%s\"}",
                score.noteCount(), frames, (int) roll.canvas().getWidth(), (int) roll.canvas().getHeight(),
                median(drawNanos) / NANOS_PER_MILLI, median(frameNanos) / NANOS_PER_MILLI, median(rectangles),
                System.getProperty("prism.order", "default"));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
