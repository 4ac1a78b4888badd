package org.musai.studio.pianoroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The piano roll on a real (headless) stage, driven through the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class PianoRollTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int TPQ = RollScores.TICKS_PER_QUARTER;
    private static final int BASS_PROGRAM = 32;
    private static final double COLOUR_TOLERANCE = 0.02;
    private static final int BENCHMARK_NOTES = 20_000;
    private static final int BENCHMARK_BARS = 200;
    private static final int WARM_UP_FRAMES = 10;
    private static final int TIMED_FRAMES = 20;
    private static final long FRAME_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    private PianoRoll roll;

    @Start
    void start(Stage stage) {
        roll = new PianoRoll();
        stage.setScene(new Scene(roll, WIDTH, HEIGHT));
        stage.show();
    }

    @Test
    void aNoteShowsItsClassColourAndADimmedTrackIsFainter(FxRobot robot) throws TimeoutException {
        Track loud = new Track("bass", BASS_PROGRAM, false, List.of(new Note(TPQ, TPQ, 60, 127)));
        Track muted = new Track("bass 2", BASS_PROGRAM, false, List.of(new Note(TPQ, TPQ, 64, 127)));
        robot.interact(() -> {
            roll.setScore(RollScores.of(loud, muted));
            roll.pixelsPerBeatProperty().set(100);
            roll.rowHeightProperty().set(20);
            roll.setDimmedTracks(Set.of(1));
        });
        awaitPaint();

        WritableImage image = snapshot(robot);
        RollView view = viewOf(robot);
        double x = view.x(TPQ + TPQ / 2.0);
        Color loudPixel = pixel(image, x, view.y(RollView.rowOf(60)) + view.rowHeight() / 2);
        Color mutedPixel = pixel(image, x, view.y(RollView.rowOf(64)) + view.rowHeight() / 2);

        Color bass = InstrumentColors.of(InstrumentClass.BASS);
        assertThat(loudPixel.getRed()).isCloseTo(bass.getRed(), offset(COLOUR_TOLERANCE));
        assertThat(loudPixel.getGreen()).isCloseTo(bass.getGreen(), offset(COLOUR_TOLERANCE));
        assertThat(loudPixel.getBlue()).isCloseTo(bass.getBlue(), offset(COLOUR_TOLERANCE));
        assertThat(brightness(mutedPixel)).isGreaterThan(brightness(loudPixel) + 0.2);
        assertThat(mutedPixel.getGreen()).isGreaterThan(mutedPixel.getRed());
    }

    @Test
    void draggingOnTheRulerSelectsWholeBarsAndEscapeClearsThem(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            roll.setScore(RollScores.synthetic(200, 16, 1));
            roll.pixelsPerBeatProperty().set(10);
        });
        awaitPaint();
        RollView view = viewOf(robot);
        RollGrid grid = roll.grid();

        robot.drag(onRuler(view.x(middleOf(grid, 2))), MouseButton.PRIMARY)
                .moveTo(onRuler(view.x(middleOf(grid, 3))))
                .moveTo(onRuler(view.x(middleOf(grid, 4))))
                .release(MouseButton.PRIMARY);
        assertThat(roll.selectionProperty().get()).isEqualTo(new BarSelection(2, 4));

        robot.type(KeyCode.ESCAPE);
        assertThat(roll.selectionProperty().get()).isNull();

        robot.clickOn(onRuler(view.x(middleOf(grid, 7))));
        assertThat(roll.selectionProperty().get()).isEqualTo(new BarSelection(7, 7));
        robot.clickOn(onRuler(view.x(grid.barStartTick(19) + TPQ)));
        assertThat(roll.selectionProperty().get()).isNull();
    }

    @Test
    void controlWheelZoomsAcrossAndZoomToFitShowsTheWholeScore(FxRobot robot) throws TimeoutException {
        Score score = RollScores.synthetic(2_000, 64, 2);
        robot.interact(() -> {
            roll.setScore(score);
            roll.pixelsPerBeatProperty().set(40);
        });
        awaitPaint();
        RollView before = viewOf(robot);

        robot.moveTo(onRoll(before.x(before.leftTick() + before.visibleTicks() / 2), HEIGHT / 2.0))
                .press(KeyCode.CONTROL).scroll(3, VerticalDirection.UP).release(KeyCode.CONTROL);
        double zoomed = roll.pixelsPerBeatProperty().get();
        assertThat(zoomed).isNotCloseTo(40, offset(0.1));
        robot.press(KeyCode.CONTROL).scroll(3, VerticalDirection.DOWN).release(KeyCode.CONTROL);
        assertThat(roll.pixelsPerBeatProperty().get()).isCloseTo(40, offset(0.01));
        robot.scroll(3, VerticalDirection.DOWN);
        assertThat(roll.pixelsPerBeatProperty().get()).isCloseTo(40, offset(0.01));
        double rowHeight = roll.rowHeightProperty().get();
        robot.press(KeyCode.ALT).scroll(3, VerticalDirection.UP).release(KeyCode.ALT);
        assertThat(roll.rowHeightProperty().get()).isNotCloseTo(rowHeight, offset(0.01));
        assertThat(roll.pixelsPerBeatProperty().get()).isCloseTo(40, offset(0.01));

        robot.interact(() -> roll.zoomToFit());
        awaitPaint();
        RollView fitted = viewOf(robot);
        assertThat(fitted.leftTick()).isZero();
        assertThat(fitted.x(score.endTick())).isBetween(fitted.width() * 0.9, fitted.width());
        NoteIndex index = NoteIndex.of(score);
        assertThat(RollView.rowOf(index.highestPitch())).isGreaterThanOrEqualTo(fitted.firstVisibleRow());
        assertThat(RollView.rowOf(index.lowestPitch())).isLessThanOrEqualTo(fitted.lastVisibleRow());
    }

    @Test
    void theViewFollowsThePlayhead(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            roll.setScore(RollScores.synthetic(500, 64, 3));
            roll.pixelsPerBeatProperty().set(80);
            roll.playheadTickProperty().set(40 * RollScores.BAR_4_4);
        });
        awaitPaint();
        RollView view = viewOf(robot);
        assertThat(40.0 * RollScores.BAR_4_4).isBetween(view.leftTick(), view.rightTick());
    }

    /** A timing: runs in -Pperf only, since a busy machine would make it fail by chance. */
    @Test
    @Tag("perf")
    void twentyThousandNotesDrawWithinAFrame(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            roll.setScore(RollScores.synthetic(BENCHMARK_NOTES, BENCHMARK_BARS, 42));
            roll.zoomToFit();
        });
        awaitPaint();
        long[] nanos = new long[TIMED_FRAMES];
        robot.interact(() -> {
            for (int i = 0; i < WARM_UP_FRAMES; i++) {
                roll.drawNow();
            }
            for (int i = 0; i < TIMED_FRAMES; i++) {
                roll.drawNow();
                nanos[i] = roll.lastDrawNanos();
            }
        });
        Arrays.sort(nanos);
        System.out.printf("piano roll, %,d notes: median paint %.2f ms%n", BENCHMARK_NOTES,
                nanos[TIMED_FRAMES / 2] / 1e6);
        assertThat(nanos[TIMED_FRAMES / 2]).isLessThan(FRAME_BUDGET_NANOS);
    }

    @Test
    void twentyThousandNotesZoomedFarOutDrawFewerRectanglesThanNotes(FxRobot robot) throws TimeoutException {
        Score score = RollScores.synthetic(BENCHMARK_NOTES, BENCHMARK_BARS, 42);
        robot.interact(() -> {
            roll.setScore(score);
            roll.zoomToFit();
        });
        awaitPaint();
        int[] rectangles = new int[1];
        robot.interact(() -> {
            roll.drawNow();
            rectangles[0] = roll.lastDrawnRectangles();
        });
        assertThat(rectangles[0]).isPositive().isLessThanOrEqualTo(BENCHMARK_NOTES);

        robot.interact(() -> {
            roll.pixelsPerBeatProperty().set(PianoRoll.MIN_PIXELS_PER_BEAT);
            roll.drawNow();
        });
        RollView farOut = viewOf(robot);
        double scoreWidth = farOut.x(score.endTick()) - RollView.KEYBOARD_WIDTH;
        double cellsInUse = Math.ceil(scoreWidth) * (farOut.lastVisibleRow() - farOut.firstVisibleRow() + 1);
        assertThat(roll.lastDrawnRectangles()).isPositive().isLessThan(BENCHMARK_NOTES / 4)
                .isLessThanOrEqualTo((int) cellsInUse);
    }

    private void awaitPaint() throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !roll.isDrawPending());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WritableImage snapshot(FxRobot robot) {
        List<WritableImage> image = new ArrayList<>();
        robot.interact(() -> image.add(roll.canvas().snapshot(null, null)));
        return image.get(0);
    }

    private RollView viewOf(FxRobot robot) {
        List<RollView> view = new ArrayList<>();
        robot.interact(() -> view.add(roll.view()));
        return view.get(0);
    }

    private static double middleOf(RollGrid grid, int bar) {
        return (grid.barStartTick(bar) + grid.barStartTick(bar + 1)) / 2.0;
    }

    private Point2D onRuler(double x) {
        return roll.localToScreen(x, RollView.RULER_HEIGHT / 2);
    }

    private Point2D onRoll(double x, double y) {
        return roll.localToScreen(x, y);
    }

    private static Color pixel(WritableImage image, double x, double y) {
        return image.getPixelReader().getColor((int) x, (int) y);
    }

    private static double brightness(Color color) {
        return (color.getRed() + color.getGreen() + color.getBlue()) / 3;
    }
}
