package org.musai.studio.pianoroll;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws the notes in view. Notes at least {@link #MERGE_BELOW_PIXELS} wide are filled one by one; narrower ones are
 * first marked in a grid of (pixel column, pitch row) cells and then filled as runs of equal cells, so that however
 * many notes are in view the number of rectangles stays bounded by the pixels of the note area. Dimmed tracks are
 * drawn first, so that the others lie on top. Called on the FX thread only; keeps its grid between frames.
 */
final class NoteLayer {

    /** Notes narrower than this are merged into pixel cells. */
    static final double MERGE_BELOW_PIXELS = 2.0;
    /** Notes at least this wide leave a one-pixel gap at their end, so that repeated notes stay apart. */
    private static final double END_GAP_FROM_PIXELS = 4.0;
    /** Rows at least this tall leave a one-pixel gap below each note. */
    private static final double ROW_GAP_FROM_PIXELS = 5.0;

    private final NotePalette palette;
    private int[] cells = new int[0];
    private int[] rowMinColumn = new int[0];
    private int[] rowMaxColumn = new int[0];
    private int columns;
    private int firstRow;
    private int rows;
    private Color currentFill;

    NoteLayer(NotePalette palette) {
        this.palette = palette;
    }

    /**
     * Draws the notes in view.
     *
     * @param dimmed for each track index, whether its notes are faded
     * @return the number of rectangles filled
     */
    int paint(GraphicsContext gc, RollView view, NoteIndex index, boolean[] dimmed) {
        if (index.isEmpty() || view.rollWidth() <= 0 || view.rollHeight() <= 0) {
            return 0;
        }
        prepareGrid(view);
        currentFill = null;
        int rectangles = 0;
        rectangles += pass(gc, view, index, dimmed, true);
        rectangles += pass(gc, view, index, dimmed, false);
        return rectangles;
    }

    private void prepareGrid(RollView view) {
        columns = (int) Math.ceil(view.rollWidth());
        firstRow = view.firstVisibleRow();
        rows = Math.max(0, view.lastVisibleRow() - firstRow + 1);
        if (cells.length < columns * rows) {
            cells = new int[columns * rows];
        }
        if (rowMinColumn.length < rows) {
            rowMinColumn = new int[rows];
            rowMaxColumn = new int[rows];
        }
        Arrays.fill(rowMinColumn, 0, rows, Integer.MAX_VALUE);
        Arrays.fill(rowMaxColumn, 0, rows, -1);
    }

    private int pass(GraphicsContext gc, RollView view, NoteIndex index, boolean[] dimmed, boolean dimmedPass) {
        long fromTick = (long) Math.floor(view.leftTick());
        long toTick = (long) Math.ceil(view.rightTick());
        int from = index.firstEndingAfter(fromTick);
        int to = index.firstStartingFrom(toTick);
        int lastRow = firstRow + rows - 1;
        double rowHeight = view.rowHeight();
        double noteHeight = rowHeight >= ROW_GAP_FROM_PIXELS ? rowHeight - 1 : rowHeight;
        double left = RollView.KEYBOARD_WIDTH;
        double right = view.width();
        int rectangles = 0;
        for (int i = from; i < to; i++) {
            int track = index.track(i);
            if (dimmed[track] != dimmedPass) {
                continue;
            }
            int row = RollView.rowOf(index.pitch(i));
            if (row < firstRow || row > lastRow) {
                continue;
            }
            int start = index.start(i);
            int end = index.end(i);
            if (end <= fromTick && start < fromTick) {
                continue;
            }
            int key = NotePalette.key(index.colourOfTrack(track), index.velocityStep(i), dimmedPass);
            double x0 = view.x(start);
            double x1 = view.x(end);
            if (x1 - x0 < MERGE_BELOW_PIXELS) {
                mark(row - firstRow, x0 - left, x1 - left, key);
                continue;
            }
            double x = Math.max(left, x0);
            double w = Math.min(right, x1) - x - (x1 - x0 >= END_GAP_FROM_PIXELS ? 1 : 0);
            if (w > 0) {
                fill(gc, key);
                gc.fillRect(x, view.y(row), w, noteHeight);
                rectangles++;
            }
        }
        return rectangles + flush(gc, view, noteHeight);
    }

    private void mark(int gridRow, double x0, double x1, int key) {
        int c0 = Math.max(0, (int) Math.floor(x0));
        int c1 = Math.min(columns - 1, Math.max((int) Math.floor(x0), (int) Math.ceil(x1) - 1));
        if (c0 > c1) {
            return;
        }
        int base = gridRow * columns;
        for (int c = c0; c <= c1; c++) {
            cells[base + c] = key + 1;
        }
        rowMinColumn[gridRow] = Math.min(rowMinColumn[gridRow], c0);
        rowMaxColumn[gridRow] = Math.max(rowMaxColumn[gridRow], c1);
    }

    /** Fills the marked cells as runs and clears them. */
    private int flush(GraphicsContext gc, RollView view, double noteHeight) {
        int rectangles = 0;
        for (int r = 0; r < rows; r++) {
            int min = rowMinColumn[r];
            int max = rowMaxColumn[r];
            if (min > max) {
                continue;
            }
            double y = view.y(firstRow + r);
            int base = r * columns;
            int c = min;
            while (c <= max) {
                int cell = cells[base + c];
                if (cell == 0) {
                    c++;
                    continue;
                }
                int runStart = c;
                while (c <= max && cells[base + c] == cell) {
                    cells[base + c] = 0;
                    c++;
                }
                fill(gc, cell - 1);
                gc.fillRect(RollView.KEYBOARD_WIDTH + runStart, y, c - runStart, noteHeight);
                rectangles++;
            }
            rowMinColumn[r] = Integer.MAX_VALUE;
            rowMaxColumn[r] = -1;
        }
        return rectangles;
    }

    private void fill(GraphicsContext gc, int key) {
        Color color = palette.fill(key);
        if (color != currentFill) {
            gc.setFill(color);
            currentFill = color;
        }
    }
}
