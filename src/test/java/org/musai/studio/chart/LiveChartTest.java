package org.musai.studio.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a real chart on a headless stage (Monocle), feeding it from the FX thread as the studio does. */
@ExtendWith(ApplicationExtension.class)
class LiveChartTest {

    private static final double WIDTH = 640;
    private static final double HEIGHT = 400;
    private static final Color LINE = Color.web("#d62728");
    /** What the chart promises, whatever its interval constant says. */
    private static final int MAX_REDRAWS_PER_SECOND = 10;
    /** How long to wait for the first redraw after a change; several redraw intervals. */
    private static final long REDRAW_WAIT_SECONDS = 3;

    private LiveChart chart;
    private StackPane root;

    @Start
    void start(Stage stage) {
        chart = new LiveChart();
        root = new StackPane(chart);
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
    }

    @Test
    void burstsOfPointsAreRedrawnAtMostTenTimesASecond() throws Exception {
        Series loss = onFx(() -> chart.addSeries("train", LINE, true));
        int bursts = 100;
        int perBurst = 200;
        int before = onFx(chart::redrawCount);
        long start = System.nanoTime();
        for (int b = 0; b < bursts; b++) {
            int first = b * perBurst;
            Platform.runLater(() -> {
                for (int i = first; i < first + perBurst; i++) {
                    loss.add(i, 3 * Math.exp(-i / 5_000.0) + 0.1 * Math.sin(i));
                }
            });
            Thread.sleep(10);
        }
        WaitForAsyncUtils.waitForFxEvents();
        double seconds = (System.nanoTime() - start) / 1e9;
        int redraws = onFx(chart::redrawCount) - before;
        int points = onFx(() -> loss.raw().size() == 0 ? 0 : (int) loss.raw().lastX() + 1);

        assertThat(points).isEqualTo(bursts * perBurst);
        assertThat(redraws).isGreaterThanOrEqualTo(1);
        // the promise is ten a second; allow the redraw that opens the window and one at its edge
        assertThat(redraws).isLessThanOrEqualTo((int) (seconds * MAX_REDRAWS_PER_SECOND) + 2);
    }

    @Test
    void snapshotShowsTheLineInItsColour() throws Exception {
        int before = onFx(chart::redrawCount);
        onFx(() -> {
            Series series = chart.addSeries("validation", LINE, false);
            for (int i = 0; i <= 100; i++) {
                series.add(i * 100, 5 - i * 0.04);
            }
            return series;
        });
        awaitRedrawAfter(before);

        Image image = onFx(() -> chart.snapshot(null, null));
        PlotFrame frame = PlotFrame.layout(WIDTH, HEIGHT, false, false, false, DataRange.EMPTY, false);
        // the left half of the plot: the legend (which has a swatch of the same colour) sits top right
        int lineColoured = countPixels(image, LINE, (int) frame.left(), (int) (frame.left() + frame.width() / 2));
        int backgroundLeft = countPixels(image, Color.WHITE, (int) frame.left(), (int) (frame.left() + 20));

        assertThat(lineColoured).isGreaterThan(100);
        assertThat(backgroundLeft).isGreaterThan(100);
    }

    @Test
    void logScaleShowsDecadeLabels() throws Exception {
        onFx(() -> {
            Series series = chart.addSeries("loss", LINE, true);
            int n = 1_000;
            for (int i = 0; i < n; i++) {
                series.add(i, Math.pow(10, 1 - 2.0 * i / (n - 1)));
            }
            return series;
        });
        int before = onFx(chart::redrawCount);
        var linear = onFx(chart::yTickLabels);
        onFx(() -> {
            chart.logScaleProperty().set(true);
            return null;
        });
        var log = onFx(chart::yTickLabels);
        awaitRedrawAfter(before);

        assertThat(log).containsExactly("0.1", "1", "10");
        assertThat(linear).isNotEqualTo(log).contains("0", "10");
    }

    @Test
    void changingSmoothingRebuildsTheAverage() throws Exception {
        Series series = onFx(() -> {
            Series added = chart.addSeries("loss", LINE, true);
            added.add(0, 4);
            added.add(1, 2);
            return added;
        });
        double smoothed = onFx(() -> series.average().lastY());
        onFx(() -> {
            chart.smoothingProperty().set(0);
            return null;
        });

        assertThat(smoothed).isCloseTo(0.9 * 4 + 0.1 * 2, within(1e-12));
        assertThat(onFx(() -> series.average().lastY())).isEqualTo(2);
    }

    @Test
    void chartFollowsItsParentsSize() throws Exception {
        onFx(() -> {
            root.getScene().getWindow().setWidth(WIDTH + 200);
            return null;
        });
        WaitForAsyncUtils.waitFor(REDRAW_WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(chart::getWidth) > WIDTH + 100);

        assertThat(onFx(chart::getWidth)).isGreaterThan(WIDTH + 100);
        assertThat(onFx(chart::getHeight)).isGreaterThan(HEIGHT - 50);
    }

    private void awaitRedrawAfter(int count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(REDRAW_WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(chart::redrawCount) > count);
    }

    private static int countPixels(Image image, Color color, int fromColumn, int toColumn) {
        PixelReader reader = image.getPixelReader();
        int found = 0;
        for (int x = fromColumn; x < toColumn; x++) {
            for (int y = 0; y < (int) image.getHeight(); y++) {
                if (close(reader.getColor(x, y), color)) {
                    found++;
                }
            }
        }
        return found;
    }

    private static boolean close(Color a, Color b) {
        double tolerance = 0.06;
        return Math.abs(a.getRed() - b.getRed()) < tolerance && Math.abs(a.getGreen() - b.getGreen()) < tolerance
                && Math.abs(a.getBlue() - b.getBlue()) < tolerance;
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(REDRAW_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
