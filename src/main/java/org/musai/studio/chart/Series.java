package org.musai.studio.chart;

import java.util.Objects;
import java.util.function.DoubleSupplier;
import javafx.scene.paint.Color;

/**
 * One named line of a {@link LiveChart}, made by {@link LiveChart#addSeries}. Points go into a bounded
 * {@link SeriesBuffer}; a smoothed series also keeps the exponential moving average of the raw values, computed as
 * they arrive. Adding only marks the chart dirty; it redraws on its own schedule.
 *
 * <p>Call every method on the JavaFX application thread, as for the chart itself.
 */
public final class Series {

    /** Buckets kept per series: about one per pixel of a wide chart, so thinning never shows. */
    static final int CAPACITY = 2_000;

    private final String name;
    private final Color color;
    private final boolean smoothed;
    private final DoubleSupplier smoothing;
    private final Runnable changed;
    private final SeriesBuffer raw = new SeriesBuffer(CAPACITY);
    private final SeriesBuffer average = new SeriesBuffer(CAPACITY);
    private ExponentialAverage ema;

    /**
     * Creates an empty series.
     *
     * @param smoothing supplies the chart's current smoothing when the average starts over
     * @param changed   runs after every change, to mark the chart dirty
     */
    Series(String name, Color color, boolean smoothed, DoubleSupplier smoothing, Runnable changed) {
        this.name = Objects.requireNonNull(name, "name");
        this.color = Objects.requireNonNull(color, "color");
        this.smoothed = smoothed;
        this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
        this.changed = Objects.requireNonNull(changed, "changed");
        ema = new ExponentialAverage(smoothing.getAsDouble());
    }

    /**
     * Appends one point; NaN or infinite values are counted as skipped and not drawn.
     *
     * @throws IllegalArgumentException when x is below the last x
     */
    public void add(double x, double y) {
        append(x, y);
        changed.run();
    }

    /**
     * Appends many points at once, such as a run's history when it is opened.
     *
     * @throws IllegalArgumentException when the arrays differ in length or an x is below the one before
     */
    public void addAll(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length: " + xs.length + " and " + ys.length);
        }
        for (int i = 0; i < xs.length; i++) {
            append(xs[i], ys[i]);
        }
        changed.run();
    }

    private void append(double x, double y) {
        raw.add(x, y);
        if (smoothed && Double.isFinite(x) && Double.isFinite(y)) {
            average.add(x, ema.update(y));
        }
    }

    /** Removes every point and starts the average over. */
    public void clear() {
        raw.clear();
        average.clear();
        ema = new ExponentialAverage(smoothing.getAsDouble());
        changed.run();
    }

    /** Returns the name shown in the legend. */
    public String name() {
        return name;
    }

    /** Returns the colour of the line. */
    public Color color() {
        return color;
    }

    /** Returns whether the series draws its moving average over faint raw values. */
    public boolean isSmoothed() {
        return smoothed;
    }

    /** Returns the raw values, thinned. */
    SeriesBuffer raw() {
        return raw;
    }

    /** Returns the moving average, thinned; empty unless the series is smoothed. */
    SeriesBuffer average() {
        return average;
    }

    /**
     * Rebuilds the moving average with the chart's current smoothing from the raw bucket means, which approximates
     * the average over the original points (each bucket counts as its mean repeated).
     */
    void resmooth() {
        ema = new ExponentialAverage(smoothing.getAsDouble());
        average.clear();
        if (smoothed) {
            for (int i = 0; i < raw.size(); i++) {
                average.add(raw.x(i), ema.update(raw.mean(i), raw.count(i)));
            }
        }
    }
}
