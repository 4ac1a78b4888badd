package org.musai.studio.chart;

/**
 * An exponential moving average: each new value y moves the average to {@code s * average + (1 - s) * y}, where s is
 * the smoothing in [0, 1). The first value starts the average, so a constant series averages to that constant.
 */
final class ExponentialAverage {

    private final double smoothing;
    private double value = Double.NaN;

    /**
     * Creates an empty average.
     *
     * @param smoothing the weight of the past, in [0, 1); 0 follows the values exactly
     * @throws IllegalArgumentException when smoothing is outside [0, 1)
     */
    ExponentialAverage(double smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1): " + smoothing);
        }
        this.smoothing = smoothing;
    }

    /** Takes one value and returns the new average. */
    double update(double y) {
        return update(y, 1);
    }

    /**
     * Takes the same value {@code times} times in a row and returns the new average; used to rebuild an average from
     * bucket means, where a bucket of n points counts as its mean n times.
     */
    double update(double y, long times) {
        if (Double.isNaN(value)) {
            value = y;
        } else {
            double keep = Math.pow(smoothing, times);
            value = keep * value + (1 - keep) * y;
        }
        return value;
    }

    /** Returns the current average, or NaN before the first value. */
    double value() {
        return value;
    }
}
