package org.musai.studio.pianoroll;

import java.util.Arrays;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.musai.midi.Score;

/**
 * Times the piano roll drawing a score zoomed to fit in a 1280x800 window: a paint alone (recording the canvas
 * commands) and a paint plus a snapshot of the canvas (which makes the renderer rasterise it). Run on the JavaFX
 * thread; {@code musai bench studio} prints the figures.
 */
public final class PianoRollBenchmark {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    private static final int WARM_UP_FRAMES = 30;

    /**
     * The figures.
     *
     * @param notes           notes in the score
     * @param frames          frames timed
     * @param drawMillis      median paint time
     * @param frameMillis     median paint plus rasterisation
     * @param rectangles      median note rectangles painted
     */
    public record Result(int notes, int frames, double drawMillis, double frameMillis, long rectangles) {
    }

    private PianoRollBenchmark() {
    }

    /** Shows the score in a window of its own, times {@code frames} frames after a warm-up, and closes it. */
    public static Result measure(Score score, int frames) {
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
        return new Result(score.noteCount(), frames, median(drawNanos) / 1e6, median(frameNanos) / 1e6,
                median(rectangles));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
