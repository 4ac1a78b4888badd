package org.musai.studio.pianoroll;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of the piano roll on its canvas: pitch rows, the bar and beat grid, the notes, the selection band,
 * the bar ruler, the keyboard and the playhead. A canvas has no style sheet, so its colours live here as constants.
 * Called on the FX thread only.
 */
final class RollPainter {

    static final Color BACKGROUND = Color.web("#fbfbfc");
    private static final Color BLACK_KEY_ROW = Color.web("#eceef2");
    private static final Color OCTAVE_LINE = Color.web("#d3d7de");
    private static final Color BEAT_LINE = Color.web("#e2e5ea");
    private static final Color BAR_LINE = Color.web("#9aa3b2");
    private static final Color RULER = Color.web("#e6e8ec");
    private static final Color RULER_AFTER_END = Color.web("#d3d6dc");
    private static final Color RULER_TEXT = Color.web("#303540");
    private static final Color RULER_MARK = Color.web("#8a93a3");
    private static final Color WHITE_KEY = Color.WHITE;
    private static final Color BLACK_KEY = Color.web("#2b2d31");
    private static final Color KEY_LINE = Color.web("#c5c9d0");
    private static final Color KEY_LABEL = Color.web("#505560");
    private static final Color SELECTION = Color.rgb(66, 133, 244, 0.16);
    private static final Color SELECTION_ON_RULER = Color.rgb(66, 133, 244, 0.45);
    private static final Color PLAYHEAD = Color.web("#d0021b");

    private static final Font LABEL_FONT = Font.font(9);
    /** Bar lines closer than this are thinned to every 2nd, 4th, ... bar. */
    private static final double MIN_BAR_SPACING = 6;
    /** Bar numbers closer than this are thinned likewise. */
    private static final double MIN_LABEL_SPACING = 28;
    /** Beat lines are drawn only when beats are at least this far apart. */
    private static final double MIN_BEAT_SPACING = 8;
    private static final double LABEL_INSET = 3;
    private static final double LABEL_BASELINE = 13;
    private static final double SHORT_MARK = 5;
    private static final double PLAYHEAD_WIDTH = 2;
    /** Black keys reach this share of the keyboard's width. */
    private static final double BLACK_KEY_SHARE = 0.6;
    private static final int SEMITONES = 12;
    private static final int PITCH_OF_C_MINUS_ONE = 0;
    private static final int OCTAVE_OF_PITCH_ZERO = -1;
    private static final int NOTE_F = 5;

    private final NoteLayer notes = new NoteLayer(new NotePalette(BACKGROUND));

    /** What to paint besides the view: the score's data and the overlays. */
    record Frame(RollGrid grid, NoteIndex index, boolean[] dimmed, int endTick, double playheadTick,
                 BarSelection selection) {
    }

    /**
     * Paints a frame.
     *
     * @return the number of note rectangles filled
     */
    int paint(GraphicsContext gc, RollView view, Frame frame) {
        gc.clearRect(0, 0, view.width(), view.height());
        paintRows(gc, view);
        paintGrid(gc, view, frame.grid());
        int rectangles = notes.paint(gc, view, frame.index(), frame.dimmed());
        paintSelectionBand(gc, view, frame, RollView.RULER_HEIGHT, view.rollHeight(), SELECTION);
        paintRuler(gc, view, frame);
        paintKeyboard(gc, view);
        paintPlayhead(gc, view, frame.playheadTick());
        return rectangles;
    }

    private static void paintRows(GraphicsContext gc, RollView view) {
        double left = RollView.KEYBOARD_WIDTH;
        gc.setFill(BACKGROUND);
        gc.fillRect(left, RollView.RULER_HEIGHT, view.rollWidth(), view.rollHeight());
        for (int row = view.firstVisibleRow(); row <= view.lastVisibleRow(); row++) {
            int pitch = RollView.pitchOf(row);
            double y = view.y(row);
            if (isBlackKey(pitch)) {
                gc.setFill(BLACK_KEY_ROW);
                gc.fillRect(left, y, view.rollWidth(), view.rowHeight());
            }
            if (pitch % SEMITONES == PITCH_OF_C_MINUS_ONE) {
                gc.setFill(OCTAVE_LINE);
                gc.fillRect(left, y + view.rowHeight() - 1, view.rollWidth(), 1);
            }
        }
    }

    private static void paintGrid(GraphicsContext gc, RollView view, RollGrid grid) {
        int firstBar = grid.barAt((long) Math.floor(view.leftTick()));
        int lastBar = grid.barAt((long) Math.ceil(view.rightTick()));
        int step = barStep(grid, view, firstBar, MIN_BAR_SPACING);
        double top = RollView.RULER_HEIGHT;
        double height = view.rollHeight();
        for (int bar = alignedBar(firstBar, step); bar <= lastBar; bar += step) {
            int start = grid.barStartTick(bar);
            int beat = grid.beatTicks(bar);
            if (step == 1 && beat * view.pixelsPerTick() >= MIN_BEAT_SPACING) {
                int next = grid.barStartTick(bar + 1);
                gc.setFill(BEAT_LINE);
                for (int tick = start + beat; tick < next; tick += beat) {
                    gc.fillRect(Math.floor(view.x(tick)), top, 1, height);
                }
            }
            double x = Math.floor(view.x(start));
            if (x >= RollView.KEYBOARD_WIDTH) {
                gc.setFill(BAR_LINE);
                gc.fillRect(x, top, 1, height);
            }
        }
    }

    private static void paintRuler(GraphicsContext gc, RollView view, Frame frame) {
        double left = RollView.KEYBOARD_WIDTH;
        double endX = Math.max(left, Math.min(view.width(), view.x(frame.endTick())));
        gc.setFill(RULER);
        gc.fillRect(left, 0, endX - left, RollView.RULER_HEIGHT);
        gc.setFill(RULER_AFTER_END);
        gc.fillRect(endX, 0, view.width() - endX, RollView.RULER_HEIGHT);
        paintSelectionBand(gc, view, frame, 0, RollView.RULER_HEIGHT, SELECTION_ON_RULER);

        RollGrid grid = frame.grid();
        int firstBar = grid.barAt((long) Math.floor(view.leftTick()));
        int lastBar = grid.barAt((long) Math.ceil(view.rightTick()));
        int lastScoreBar = grid.barAt(Math.max(0, frame.endTick() - 1));
        int step = barStep(grid, view, firstBar, MIN_BAR_SPACING);
        int labelStep = barStep(grid, view, firstBar, MIN_LABEL_SPACING);
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        for (int bar = alignedBar(firstBar, step); bar <= lastBar; bar += step) {
            double x = Math.floor(view.x(grid.barStartTick(bar)));
            if (x < left) {
                continue;
            }
            boolean labelled = (bar - 1) % labelStep == 0 && bar <= lastScoreBar;
            gc.setFill(RULER_MARK);
            double mark = labelled ? RollView.RULER_HEIGHT : SHORT_MARK;
            gc.fillRect(x, RollView.RULER_HEIGHT - mark, 1, mark);
            if (labelled) {
                gc.setFill(RULER_TEXT);
                gc.fillText(Integer.toString(bar), x + LABEL_INSET, LABEL_BASELINE);
            }
        }
    }

    private static void paintSelectionBand(GraphicsContext gc, RollView view, Frame frame, double top,
                                           double height, Color color) {
        BarSelection selection = frame.selection();
        if (selection == null) {
            return;
        }
        double x0 = Math.max(RollView.KEYBOARD_WIDTH, view.x(frame.grid().barStartTick(selection.firstBar())));
        double x1 = Math.min(view.width(), view.x(frame.grid().barStartTick(selection.lastBar() + 1)));
        if (x1 > x0) {
            gc.setFill(color);
            gc.fillRect(x0, top, x1 - x0, height);
        }
    }

    private static void paintKeyboard(GraphicsContext gc, RollView view) {
        double width = RollView.KEYBOARD_WIDTH;
        gc.setFill(RULER);
        gc.fillRect(0, 0, width, RollView.RULER_HEIGHT);
        gc.setFill(WHITE_KEY);
        gc.fillRect(0, RollView.RULER_HEIGHT, width, view.rollHeight());
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.BOTTOM);
        for (int row = view.firstVisibleRow(); row <= view.lastVisibleRow(); row++) {
            int pitch = RollView.pitchOf(row);
            double y = view.y(row);
            double bottom = y + view.rowHeight();
            if (isBlackKey(pitch)) {
                gc.setFill(BLACK_KEY);
                gc.fillRect(0, y, width * BLACK_KEY_SHARE, view.rowHeight());
            }
            int note = pitch % SEMITONES;
            if (note == PITCH_OF_C_MINUS_ONE || note == NOTE_F) {
                gc.setFill(KEY_LINE);
                gc.fillRect(0, bottom - 1, width, 1);
            }
            if (note == PITCH_OF_C_MINUS_ONE) {
                gc.setFill(KEY_LABEL);
                gc.fillText("C" + (pitch / SEMITONES + OCTAVE_OF_PITCH_ZERO), width - LABEL_INSET, bottom);
            }
        }
        gc.setFill(KEY_LINE);
        gc.fillRect(width - 1, RollView.RULER_HEIGHT, 1, view.rollHeight());
    }

    private static void paintPlayhead(GraphicsContext gc, RollView view, double tick) {
        if (tick < 0) {
            return;
        }
        double x = view.x(tick);
        if (x >= RollView.KEYBOARD_WIDTH && x <= view.width()) {
            gc.setFill(PLAYHEAD);
            gc.fillRect(x - PLAYHEAD_WIDTH / 2, 0, PLAYHEAD_WIDTH, view.height());
        }
    }

    /** The smallest power of two of bars whose lines are at least {@code spacing} pixels apart. */
    private static int barStep(RollGrid grid, RollView view, int bar, double spacing) {
        double barPixels = grid.signatureOf(bar).barTicks(grid.ticksPerQuarter()) * view.pixelsPerTick();
        int step = 1;
        while (barPixels * step < spacing && step < Integer.MAX_VALUE / 2) {
            step *= 2;
        }
        return step;
    }

    /** The first bar at or before {@code bar} that a step of bars lands on (1, 1 + step, ...). */
    private static int alignedBar(int bar, int step) {
        return (bar - 1) / step * step + 1;
    }

    /** Whether a pitch is a black key of the piano. */
    static boolean isBlackKey(int pitch) {
        return switch (pitch % SEMITONES) {
            case 1, 3, 6, 8, 10 -> true;
            default -> false;
        };
    }
}
