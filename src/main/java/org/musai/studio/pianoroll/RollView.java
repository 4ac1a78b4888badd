package org.musai.studio.pianoroll;

/**
 * Where the piano roll looks at one moment: the canvas size, the first tick and row shown and the zoom on both axes,
 * with the conversions between ticks or pitch rows and canvas pixels. Row 0 is the highest pitch (127), at the top.
 *
 * @param width         canvas width in pixels, keyboard included
 * @param height        canvas height in pixels, ruler included
 * @param leftTick      the tick at the left edge of the note area
 * @param pixelsPerTick horizontal zoom
 * @param topRow        the row (fractional) at the top edge of the note area
 * @param rowHeight     pixels per semitone
 */
record RollView(double width, double height, double leftTick, double pixelsPerTick, double topRow,
                double rowHeight) {

    /** Width of the keyboard ruler on the left. */
    static final double KEYBOARD_WIDTH = 44;
    /** Height of the bar ruler along the top. */
    static final double RULER_HEIGHT = 20;
    /** The MIDI pitches 0-127, one row each. */
    static final int ROWS = 128;
    static final int HIGHEST_PITCH = ROWS - 1;

    /** Width of the note area. */
    double rollWidth() {
        return Math.max(0, width - KEYBOARD_WIDTH);
    }

    /** Height of the note area. */
    double rollHeight() {
        return Math.max(0, height - RULER_HEIGHT);
    }

    /** The canvas x of a tick. */
    double x(double tick) {
        return KEYBOARD_WIDTH + (tick - leftTick) * pixelsPerTick;
    }

    /** The tick at a canvas x. */
    double tickAt(double x) {
        return leftTick + (x - KEYBOARD_WIDTH) / pixelsPerTick;
    }

    /** The tick at the right edge of the note area. */
    double rightTick() {
        return leftTick + rollWidth() / pixelsPerTick;
    }

    /** Ticks that fit across the note area. */
    double visibleTicks() {
        return rollWidth() / pixelsPerTick;
    }

    /** Rows (fractional) that fit down the note area. */
    double visibleRows() {
        return rollHeight() / rowHeight;
    }

    /** The canvas y of the top of a row. */
    double y(int row) {
        return RULER_HEIGHT + (row - topRow) * rowHeight;
    }

    /** The row at a canvas y, possibly outside 0-127. */
    int rowAt(double y) {
        return (int) Math.floor(topRow + (y - RULER_HEIGHT) / rowHeight);
    }

    /** The first row at least partly visible. */
    int firstVisibleRow() {
        return Math.max(0, (int) Math.floor(topRow));
    }

    /** The last row at least partly visible. */
    int lastVisibleRow() {
        return Math.min(HIGHEST_PITCH, (int) Math.ceil(topRow + visibleRows()) - 1);
    }

    /** The row of a pitch. */
    static int rowOf(int pitch) {
        return HIGHEST_PITCH - pitch;
    }

    /** The pitch of a row. */
    static int pitchOf(int row) {
        return HIGHEST_PITCH - row;
    }
}
