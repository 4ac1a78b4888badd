package org.musai.studio.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A line chart for long live series such as training loss per step, drawn on a canvas so that 100,000 steps stay
 * smooth. Each {@link Series} keeps a bounded, thinned copy of its points; adding points only marks the chart dirty,
 * and an animation timer redraws at most once every {@link #REDRAW_INTERVAL_NANOS}, so at most ten times a second no
 * matter how fast points arrive. A smoothed series shows its exponential moving average over its faint raw values; a
 * plain one shows a line with point markers. The y axis can be switched to log10 ({@link #logScaleProperty()}).
 *
 * <p>Create, feed and query the chart on the JavaFX application thread only; a worker that produces points hops to
 * that thread first (for example with {@code Platform.runLater}). The redraw timer runs while the chart is in a scene
 * and stops when it is removed, so a discarded chart holds no timer.
 */
public final class LiveChart extends Region {

    /** Least time between two redraws: 100 ms, at most ten redraws a second. */
    public static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    /** Default weight of the past in the moving average; 0.9 averages over roughly the last ten points. */
    public static final double DEFAULT_SMOOTHING = 0.9;
    /** Highest smoothing used; 1 would freeze the average at the first value. */
    public static final double MAX_SMOOTHING = 0.99;
    private static final double PREF_WIDTH = 480;
    private static final double PREF_HEIGHT = 300;
    private static final double MIN_SIZE = 120;

    private final Canvas canvas = new Canvas();
    private final ChartPainter painter = new ChartPainter();
    private final List<Series> series = new ArrayList<>();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", DEFAULT_SMOOTHING);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            redrawIfDue(now);
        }
    };
    private boolean dirty = true;
    private boolean drawnOnce;
    private long lastRedrawNanos;
    private int redraws;

    /** Creates an empty chart with no series. */
    public LiveChart() {
        getChildren().add(canvas);
        smoothing.addListener(observable -> {
            series.forEach(Series::resmooth);
            markDirty();
        });
        logScale.addListener(this::markDirty);
        title.addListener(this::markDirty);
        xLabel.addListener(this::markDirty);
        yLabel.addListener(this::markDirty);
        canvas.widthProperty().addListener(this::markDirty);
        canvas.heightProperty().addListener(this::markDirty);
        sceneProperty().addListener((observable, before, after) -> {
            if (after == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    /**
     * Adds a series, drawn after those added before it and listed in the legend.
     *
     * @param smoothed true for a dense, noisy series (training loss): faint raw values under a moving average;
     *                 false for a sparse one (validation loss): a line with point markers
     */
    public Series addSeries(String name, Color color, boolean smoothed) {
        Series added = new Series(name, color, smoothed, this::effectiveSmoothing, this::markDirty);
        series.add(added);
        markDirty();
        return added;
    }

    /** Returns the series in drawing order; the list cannot be changed. */
    public List<Series> series() {
        return Collections.unmodifiableList(series);
    }

    /**
     * Returns the weight of the past in smoothed series' moving average, 0 to {@value #MAX_SMOOTHING} (values outside
     * are clamped), {@value #DEFAULT_SMOOTHING} by default. Changing it rebuilds each average from the thinned raw
     * values, which is close to, not exactly, the average over every original point.
     */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** Returns whether the y axis is log10; values that are not positive are then left out. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Returns the title above the plot; empty for none. */
    public StringProperty titleProperty() {
        return title;
    }

    /** Returns the label under the x axis; empty for none. */
    public StringProperty xLabelProperty() {
        return xLabel;
    }

    /** Returns the label beside the y axis; empty for none. */
    public StringProperty yLabelProperty() {
        return yLabel;
    }

    /** Returns how many times the chart has redrawn since it was made; tests use it to check the throttle. */
    public int redrawCount() {
        return redraws;
    }

    /** Returns the y tick labels for the current data, size and scale, lowest first. */
    public List<String> yTickLabels() {
        return frame().yTicks().labels();
    }

    /** Returns the x tick labels for the current data and size, lowest first. */
    public List<String> xTickLabels() {
        return frame().xTicks().labels();
    }

    private double effectiveSmoothing() {
        double value = smoothing.get();
        return Double.isNaN(value) ? DEFAULT_SMOOTHING : Math.max(0, Math.min(MAX_SMOOTHING, value));
    }

    private void markDirty(Observable ignored) {
        markDirty();
    }

    private void markDirty() {
        dirty = true;
    }

    private void redrawIfDue(long now) {
        if (!dirty || drawnOnce && now - lastRedrawNanos < REDRAW_INTERVAL_NANOS) {
            return;
        }
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return; // not laid out yet: stay dirty until there is room to draw
        }
        dirty = false;
        drawnOnce = true;
        lastRedrawNanos = now;
        redraws++;
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), series, frame(),
                title.get(), xLabel.get(), yLabel.get());
    }

    private PlotFrame frame() {
        double width = canvas.getWidth() > 0 ? canvas.getWidth() : PREF_WIDTH;
        double height = canvas.getHeight() > 0 ? canvas.getHeight() : PREF_HEIGHT;
        boolean log = logScale.get();
        return PlotFrame.layout(width, height, !title.get().isEmpty(), !xLabel.get().isEmpty(),
                !yLabel.get().isEmpty(), DataRange.of(series, log), log);
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth()) - snappedLeftInset() - snappedRightInset();
        double height = snapSizeY(getHeight()) - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(0, width));
        canvas.setHeight(Math.max(0, height));
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIZE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MIN_SIZE;
    }
}
