package org.musai.studio.pianoroll;

import java.util.List;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.musai.midi.Score;

/**
 * A piano roll that shows a score on a canvas: notes coloured by instrument class, the meter's bar and beat grid, a
 * keyboard, a bar ruler on which whole bars are selected by dragging, a playhead that the view follows, and zoom and
 * scrolling on both axes. Requests to redraw are gathered into one paint per pulse. Use on the FX thread only.
 */
public final class PianoRoll extends Region {

    /** Style class of the roll; its scroll bars keep their own. */
    public static final String STYLE_CLASS = "piano-roll";
    public static final double MIN_PIXELS_PER_BEAT = 0.1;
    public static final double MAX_PIXELS_PER_BEAT = 400;
    public static final double DEFAULT_PIXELS_PER_BEAT = 40;
    public static final double MIN_ROW_HEIGHT = 2;
    public static final double MAX_ROW_HEIGHT = 40;
    public static final double DEFAULT_ROW_HEIGHT = 10;

    private static final double PREF_WIDTH = 800;
    private static final double PREF_HEIGHT = 480;
    private static final double MIN_SIZE = 120;
    /** Zoom factor per unit of wheel delta: one notch of about 40 units zooms by about 17 %. */
    private static final double ZOOM_PER_SCROLL_UNIT = 0.004;
    /** When the playhead leaves the view, the view pages so that the playhead sits this far into it. */
    private static final double PLAYHEAD_LEAD = 0.1;
    /** Zoom to fit leaves this share of the width free after the end. */
    private static final double FIT_MARGIN = 0.02;
    /** Even a score without notes is shown a bar wide. */
    private static final int FIT_LEAST_BARS = 1;
    /** Zoom to fit shows this many semitones above and below the notes. */
    private static final int FIT_SPARE_ROWS = 2;
    /** An empty score shows C3 to C6. */
    private static final int EMPTY_LOW_PITCH = 48;
    private static final int EMPTY_HIGH_PITCH = 84;
    private static final int EMPTY_TICKS_PER_QUARTER = 480;
    private static final Score EMPTY = new Score(EMPTY_TICKS_PER_QUARTER, List.of(), List.of(), List.of());

    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private final DoubleProperty pixelsPerBeat = new ClampedDoubleProperty(this, "pixelsPerBeat",
            DEFAULT_PIXELS_PER_BEAT, MIN_PIXELS_PER_BEAT, MAX_PIXELS_PER_BEAT);
    private final DoubleProperty rowHeight = new ClampedDoubleProperty(this, "rowHeight",
            DEFAULT_ROW_HEIGHT, MIN_ROW_HEIGHT, MAX_ROW_HEIGHT);
    private final DoubleProperty playheadTick = new SimpleDoubleProperty(this, "playheadTick", -1);
    private final ObjectProperty<BarSelection> selection = new SimpleObjectProperty<>(this, "selection");
    private final RollPainter painter = new RollPainter();
    private final AnimationTimer nextPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            drawPending = false;
            drawNow();
        }
    };

    private Score score = EMPTY;
    private NoteIndex index = NoteIndex.of(EMPTY);
    private RollGrid grid = RollGrid.of(EMPTY);
    private Set<Integer> dimmedTracks = Set.of();
    private boolean[] dimmed = new boolean[0];
    private boolean drawPending;
    private boolean fitPending;
    private int fitBars = FIT_LEAST_BARS;
    private int dragAnchorBar;
    private int lastDrawnRectangles;
    private long lastDrawNanos;

    /** An empty roll. */
    public PianoRoll() {
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        vertical.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, horizontal, vertical);
        vertical.setValue(RollView.rowOf(EMPTY_HIGH_PITCH));

        horizontal.valueProperty().addListener((o, was, now) -> requestDraw());
        vertical.valueProperty().addListener((o, was, now) -> requestDraw());
        pixelsPerBeat.addListener((o, was, now) -> viewChanged());
        rowHeight.addListener((o, was, now) -> viewChanged());
        playheadTick.addListener((o, was, now) -> followPlayhead());
        selection.addListener((o, was, now) -> requestDraw());
        canvas.widthProperty().addListener((o, was, now) -> viewChanged());
        canvas.heightProperty().addListener((o, was, now) -> viewChanged());

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragAnchorBar = 0);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    }

    /** Shows a score; null shows an empty roll. Keeps the selection, zoom and scroll position. */
    public void setScore(Score score) {
        this.score = score == null ? EMPTY : score;
        index = NoteIndex.of(this.score);
        grid = RollGrid.of(this.score);
        dimmed = dimmedMask(dimmedTracks, index.trackCount());
        viewChanged();
    }

    /** The score shown, empty when none was set. */
    public Score getScore() {
        return score;
    }

    /** Draws the notes of these track indices faded; the caller decides which (mute, solo). Kept across scores. */
    public void setDimmedTracks(Set<Integer> trackIndices) {
        dimmedTracks = Set.copyOf(trackIndices);
        dimmed = dimmedMask(dimmedTracks, index.trackCount());
        requestDraw();
    }

    private static boolean[] dimmedMask(Set<Integer> trackIndices, int tracks) {
        boolean[] mask = new boolean[tracks];
        for (int track : trackIndices) {
            if (track >= 0 && track < tracks) {
                mask[track] = true;
            }
        }
        return mask;
    }

    /** The tick of the playhead line; negative hides it. While it moves the view pages to keep it in sight. */
    public DoubleProperty playheadTickProperty() {
        return playheadTick;
    }

    /** The bars chosen on the ruler, or null. */
    public ObjectProperty<BarSelection> selectionProperty() {
        return selection;
    }

    /**
     * Horizontal zoom in pixels per quarter note, kept within {@value #MIN_PIXELS_PER_BEAT}-{@value
     * #MAX_PIXELS_PER_BEAT}.
     */
    public DoubleProperty pixelsPerBeatProperty() {
        return pixelsPerBeat;
    }

    /** Vertical zoom in pixels per semitone, kept within {@value #MIN_ROW_HEIGHT}-{@value #MAX_ROW_HEIGHT}. */
    public DoubleProperty rowHeightProperty() {
        return rowHeight;
    }

    /** Shows the whole score across the width and its pitch range down the height (now, or once laid out). */
    public void zoomToFit() {
        zoomToFit(FIT_LEAST_BARS);
    }

    /**
     * Shows at least {@code bars} bars across the width, the whole score if longer (a piece being written fits the
     * length it will have), and its pitch range down the height.
     */
    public void zoomToFit(int bars) {
        RollView view = view();
        fitBars = bars;
        if (view.rollWidth() <= 0 || view.rollHeight() <= 0) {
            fitPending = true;
            requestLayout();
            return;
        }
        fitPending = false;
        int endTick = Math.max(score.endTick(), grid.barStartTick(Math.max(1, bars) + 1));
        pixelsPerBeat.set(view.rollWidth() * score.ticksPerQuarter() / (endTick * (1 + FIT_MARGIN)));
        int high = index.isEmpty() ? EMPTY_HIGH_PITCH : index.highestPitch();
        int low = index.isEmpty() ? EMPTY_LOW_PITCH : index.lowestPitch();
        int topRow = Math.max(0, RollView.rowOf(high) - FIT_SPARE_ROWS);
        int bottomRow = Math.min(RollView.HIGHEST_PITCH, RollView.rowOf(low) + FIT_SPARE_ROWS);
        int rows = bottomRow - topRow + 1;
        rowHeight.set(view.rollHeight() / rows);
        RollView zoomed = view();
        updateScrollRanges(zoomed);
        horizontal.setValue(0);
        double centre = (topRow + bottomRow + 1) / 2.0;
        vertical.setValue(clamp(centre - zoomed.visibleRows() / 2, vertical.getMin(), vertical.getMax()));
        requestDraw();
    }

    /** Rectangles filled for notes in the last paint. */
    public int lastDrawnRectangles() {
        return lastDrawnRectangles;
    }

    /** Time the last paint took, in nanoseconds (recording the canvas commands, not rasterising them). */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** Paints at once rather than at the next pulse. */
    void drawNow() {
        RollView view = view();
        long start = System.nanoTime();
        RollPainter.Frame frame = new RollPainter.Frame(grid, index, dimmed, score.endTick(), playheadTick.get(),
                selection.get());
        lastDrawnRectangles = painter.paint(canvas.getGraphicsContext2D(), view, frame);
        lastDrawNanos = System.nanoTime() - start;
    }

    /** Whether a paint is waiting for the next pulse. */
    boolean isDrawPending() {
        return drawPending;
    }

    /** The current view: canvas size, scroll position and zoom. */
    RollView view() {
        return new RollView(canvas.getWidth(), canvas.getHeight(), horizontal.getValue(),
                pixelsPerBeat.get() / score.ticksPerQuarter(), vertical.getValue(), rowHeight.get());
    }

    /** The bar grid of the score shown. */
    RollGrid grid() {
        return grid;
    }

    /** The canvas the roll paints on. */
    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double barWidth = snapSizeX(vertical.prefWidth(-1));
        double barHeight = snapSizeY(horizontal.prefHeight(-1));
        double canvasWidth = Math.max(0, snapSizeX(width - barWidth));
        double canvasHeight = Math.max(0, snapSizeY(height - barHeight));
        canvas.relocate(0, 0);
        canvas.setWidth(canvasWidth);
        canvas.setHeight(canvasHeight);
        horizontal.resizeRelocate(RollView.KEYBOARD_WIDTH, canvasHeight,
                Math.max(0, canvasWidth - RollView.KEYBOARD_WIDTH), barHeight);
        vertical.resizeRelocate(canvasWidth, RollView.RULER_HEIGHT, barWidth,
                Math.max(0, canvasHeight - RollView.RULER_HEIGHT));
        if (fitPending) {
            zoomToFit(fitBars);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIZE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MIN_SIZE;
    }

    private void viewChanged() {
        updateScrollRanges(view());
        requestDraw();
    }

    private void requestDraw() {
        if (!drawPending) {
            drawPending = true;
            nextPulse.start();
        }
    }

    /** Fits the scroll bars to the content and the view, keeping their values in range. */
    private void updateScrollRanges(RollView view) {
        double contentTicks = Math.max(score.endTick(), grid.barStartTick(2)) + grid.barStartTick(2);
        double visibleTicks = view.visibleTicks();
        horizontal.setMin(0);
        horizontal.setMax(Math.max(0, contentTicks - visibleTicks));
        horizontal.setVisibleAmount(Math.min(visibleTicks, contentTicks));
        horizontal.setUnitIncrement(score.ticksPerQuarter());
        horizontal.setBlockIncrement(Math.max(1, visibleTicks * (1 - PLAYHEAD_LEAD)));
        horizontal.setValue(clamp(horizontal.getValue(), horizontal.getMin(), horizontal.getMax()));
        double visibleRows = view.visibleRows();
        vertical.setMin(0);
        vertical.setMax(Math.max(0, RollView.ROWS - visibleRows));
        vertical.setVisibleAmount(Math.min(visibleRows, RollView.ROWS));
        vertical.setUnitIncrement(1);
        vertical.setBlockIncrement(Math.max(1, visibleRows - 1));
        vertical.setValue(clamp(vertical.getValue(), vertical.getMin(), vertical.getMax()));
    }

    private void followPlayhead() {
        double tick = playheadTick.get();
        RollView view = view();
        if (tick >= 0 && view.rollWidth() > 0 && (tick < view.leftTick() || tick > view.rightTick())) {
            horizontal.setValue(clamp(tick - view.visibleTicks() * PLAYHEAD_LEAD,
                    horizontal.getMin(), horizontal.getMax()));
        }
        requestDraw();
    }

    private void onPressed(MouseEvent event) {
        requestFocus();
        if (event.getButton() != MouseButton.PRIMARY || !onRuler(event)) {
            return;
        }
        double tick = view().tickAt(event.getX());
        if (tick >= score.endTick()) {
            selection.set(null);
            dragAnchorBar = 0;
            return;
        }
        dragAnchorBar = grid.barAt((long) Math.floor(tick));
        selection.set(new BarSelection(dragAnchorBar, dragAnchorBar));
        event.consume();
    }

    private void onDragged(MouseEvent event) {
        if (dragAnchorBar == 0) {
            return;
        }
        int lastBar = grid.barAt(Math.max(0, score.endTick() - 1));
        int bar = Math.min(lastBar, grid.barAt((long) Math.floor(view().tickAt(event.getX()))));
        selection.set(BarSelection.between(dragAnchorBar, bar));
        event.consume();
    }

    private static boolean onRuler(MouseEvent event) {
        return event.getY() < RollView.RULER_HEIGHT && event.getX() >= RollView.KEYBOARD_WIDTH;
    }

    private void onKeyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && selection.get() != null) {
            selection.set(null);
            event.consume();
        }
    }

    private void onScroll(ScrollEvent event) {
        // Some platforms turn a shifted wheel into a horizontal delta, so either axis may carry the wheel.
        double delta = event.getDeltaY() != 0 ? event.getDeltaY() : event.getDeltaX();
        if (delta == 0) {
            return;
        }
        double factor = Math.exp(delta * ZOOM_PER_SCROLL_UNIT);
        if (event.isAltDown() || (event.isControlDown() && event.isShiftDown())) {
            zoomRows(factor, event.getY());
        } else if (event.isControlDown()) {
            zoomBeats(factor, event.getX());
        } else if (event.isShiftDown() || event.getDeltaY() == 0) {
            horizontal.setValue(clamp(horizontal.getValue() - delta / view().pixelsPerTick(),
                    horizontal.getMin(), horizontal.getMax()));
        } else {
            vertical.setValue(clamp(vertical.getValue() - delta / rowHeight.get(),
                    vertical.getMin(), vertical.getMax()));
        }
        event.consume();
    }

    /** Zooms across, keeping the tick under {@code x} where it is. */
    private void zoomBeats(double factor, double x) {
        double anchorX = Math.max(RollView.KEYBOARD_WIDTH, x);
        double anchorTick = view().tickAt(anchorX);
        pixelsPerBeat.set(pixelsPerBeat.get() * factor);
        RollView zoomed = view();
        horizontal.setValue(clamp(anchorTick - (anchorX - RollView.KEYBOARD_WIDTH) / zoomed.pixelsPerTick(),
                horizontal.getMin(), horizontal.getMax()));
    }

    /** Zooms down, keeping the pitch under {@code y} where it is. */
    private void zoomRows(double factor, double y) {
        double anchorY = Math.max(RollView.RULER_HEIGHT, y);
        double anchorRow = vertical.getValue() + (anchorY - RollView.RULER_HEIGHT) / rowHeight.get();
        rowHeight.set(rowHeight.get() * factor);
        vertical.setValue(clamp(anchorRow - (anchorY - RollView.RULER_HEIGHT) / rowHeight.get(),
                vertical.getMin(), vertical.getMax()));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
