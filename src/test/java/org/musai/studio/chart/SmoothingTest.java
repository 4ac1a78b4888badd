package org.musai.studio.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class SmoothingTest {

    private static final double SMOOTHING = 0.9;

    @Test
    void constantSeriesAveragesToTheConstant() {
        ExponentialAverage average = new ExponentialAverage(SMOOTHING);
        for (int i = 0; i < 100; i++) {
            assertThat(average.update(3.25)).isCloseTo(3.25, within(1e-12));
        }
    }

    @Test
    void stepChangeIsApproachedGeometrically() {
        ExponentialAverage average = new ExponentialAverage(SMOOTHING);
        for (int i = 0; i < 50; i++) {
            average.update(1);
        }
        double after10 = 0;
        for (int i = 1; i <= 100; i++) {
            double value = average.update(2);
            if (i == 10) {
                after10 = value;
            }
        }
        // after n new values the average has covered 1 - 0.9^n of the gap
        assertThat(after10).isCloseTo(2 - Math.pow(SMOOTHING, 10), within(1e-12));
        assertThat(average.value()).isCloseTo(2, within(1e-4));
    }

    @Test
    void repeatedUpdateEqualsSingleUpdates() {
        ExponentialAverage once = new ExponentialAverage(SMOOTHING);
        ExponentialAverage many = new ExponentialAverage(SMOOTHING);
        once.update(5);
        many.update(5);
        once.update(1, 7);
        for (int i = 0; i < 7; i++) {
            many.update(1);
        }
        assertThat(once.value()).isCloseTo(many.value(), within(1e-12));
    }

    @Test
    void smoothedSeriesKeepsTheAverageAndRebuildsItApproximately() {
        double[] smoothing = {SMOOTHING};
        int[] changes = {0};
        Series series = new Series("loss", Color.RED, true, () -> smoothing[0], () -> changes[0]++);
        int steps = 10_000;
        double[] xs = new double[steps];
        double[] ys = new double[steps];
        for (int i = 0; i < steps; i++) {
            xs[i] = i;
            ys[i] = i < steps / 2 ? 4 : 2;
        }
        series.addAll(xs, ys);

        SeriesBuffer average = series.average();
        assertThat(changes[0]).isEqualTo(1);
        assertThat(average.mean(0)).isEqualTo(4);
        assertThat(average.lastY()).isCloseTo(2, within(1e-9));

        smoothing[0] = 0.5;
        series.resmooth();
        assertThat(series.average().size()).isPositive();
        assertThat(series.average().lastY()).isCloseTo(2, within(1e-9));
        assertThat(series.average().max(0)).isCloseTo(4, within(1e-9));
    }

    @Test
    void plainSeriesKeepsNoAverage() {
        Series series = new Series("validation", Color.BLUE, false, () -> SMOOTHING, () -> { });
        series.add(1, 3);
        series.add(2, 2);

        assertThat(series.raw().size()).isEqualTo(2);
        assertThat(series.average().size()).isZero();
    }
}
