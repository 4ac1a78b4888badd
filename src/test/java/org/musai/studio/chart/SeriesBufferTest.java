package org.musai.studio.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    private static final int CAPACITY = 2_000;
    private static final int STEPS = 100_000;
    private static final int SPIKE_STEP = 50_000;
    private static final double SPIKE = 40;

    @Test
    void longNoisyRunKeepsBoundsSpikeAndMean() {
        SeriesBuffer buffer = new SeriesBuffer(CAPACITY);
        Random random = new Random(7);
        double trueMin = Double.POSITIVE_INFINITY;
        double trueMax = Double.NEGATIVE_INFINITY;
        double trueSum = 0;
        for (int step = 1; step <= STEPS; step++) {
            double y = step == SPIKE_STEP ? SPIKE : 4 * Math.exp(-step / 20_000.0) + 1 + 0.2 * random.nextGaussian();
            buffer.add(step, y);
            trueMin = Math.min(trueMin, y);
            trueMax = Math.max(trueMax, y);
            trueSum += y;
        }

        assertThat(buffer.size()).isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / 2);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double weighted = 0;
        long points = 0;
        int spikeBucket = -1;
        for (int i = 0; i < buffer.size(); i++) {
            min = Math.min(min, buffer.min(i));
            max = Math.max(max, buffer.max(i));
            weighted += buffer.mean(i) * buffer.count(i);
            points += buffer.count(i);
            if (buffer.max(i) == SPIKE) {
                spikeBucket = i;
            }
            if (i > 0) {
                assertThat(buffer.x(i)).isGreaterThan(buffer.x(i - 1));
                assertThat(buffer.firstX(i)).isGreaterThan(buffer.lastX(i - 1));
            }
        }
        double trueMean = trueSum / STEPS;
        assertThat(min).isEqualTo(trueMin);
        assertThat(max).isEqualTo(trueMax).isEqualTo(SPIKE);
        assertThat(points).isEqualTo(STEPS);
        assertThat(weighted / points).isCloseTo(trueMean, within(Math.abs(trueMean) * 1e-9));
        assertThat(buffer.firstX(spikeBucket)).isLessThanOrEqualTo(SPIKE_STEP);
        assertThat(buffer.lastX(spikeBucket)).isGreaterThanOrEqualTo(SPIKE_STEP);
        assertThat(buffer.lastX()).isEqualTo(STEPS);
        assertThat(buffer.firstX(0)).isEqualTo(1);
        assertThat(buffer.lastX(buffer.size() - 1)).isEqualTo(STEPS);
    }

    @Test
    void nonFiniteValuesAreSkippedAndCounted() {
        SeriesBuffer buffer = new SeriesBuffer(4);
        buffer.add(1, 2);
        buffer.add(2, Double.NaN);
        buffer.add(3, Double.POSITIVE_INFINITY);
        buffer.add(4, 3);

        assertThat(buffer.skipped()).isEqualTo(2);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.lastX()).isEqualTo(4);
        assertThat(buffer.lastY()).isEqualTo(3);
    }

    @Test
    void fullBufferMergesPairsAndDoublesWidth() {
        SeriesBuffer buffer = new SeriesBuffer(4);
        for (int step = 0; step < 5; step++) {
            buffer.add(step, step * 10);
        }

        assertThat(buffer.bucketWidth()).isEqualTo(2);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.firstX(0)).isEqualTo(0);
        assertThat(buffer.lastX(0)).isEqualTo(1);
        assertThat(buffer.mean(0)).isEqualTo(5);
        assertThat(buffer.min(1)).isEqualTo(20);
        assertThat(buffer.max(1)).isEqualTo(30);
        assertThat(buffer.count(2)).isEqualTo(1);
        assertThat(buffer.x(1)).isEqualTo(2.5);
    }

    @Test
    void oddCapacityStaysBounded() {
        SeriesBuffer buffer = new SeriesBuffer(5);
        for (int step = 0; step < 1_000; step++) {
            buffer.add(step, step);
            assertThat(buffer.size()).isLessThanOrEqualTo(5);
        }
        long points = 0;
        for (int i = 0; i < buffer.size(); i++) {
            points += buffer.count(i);
        }
        assertThat(points).isEqualTo(1_000);
        assertThat(buffer.max(buffer.size() - 1)).isEqualTo(999);
    }

    @Test
    void clearEmptiesAndResets() {
        SeriesBuffer buffer = new SeriesBuffer(2);
        for (int step = 0; step < 10; step++) {
            buffer.add(step, step);
        }
        buffer.add(11, Double.NaN);
        buffer.clear();

        assertThat(buffer.size()).isZero();
        assertThat(buffer.skipped()).isZero();
        assertThat(buffer.bucketWidth()).isEqualTo(1);
        assertThat(buffer.lastY()).isNaN();
        buffer.add(0, 1);
        assertThat(buffer.mean(0)).isEqualTo(1);
    }

    @Test
    void decreasingXIsRejected() {
        SeriesBuffer buffer = new SeriesBuffer(8);
        buffer.add(5, 1);

        assertThatThrownBy(() -> buffer.add(4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.mean(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
