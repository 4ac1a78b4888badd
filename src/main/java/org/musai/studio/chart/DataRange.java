package org.musai.studio.chart;

import java.util.List;

/**
 * The x and y extent that a chart shows: x from the first to the last step of all series, y over every bucket's
 * minimum and maximum with a little padding. On a log axis y is kept as log10 of the value and only positive values
 * count.
 *
 * @param xLo first x shown
 * @param xHi last x shown
 * @param yLo lowest y shown, in axis units (log10 of the value on a log axis)
 * @param yHi highest y shown, in axis units
 */
record DataRange(double xLo, double xHi, double yLo, double yHi) {

    /** Fraction of the y span added above and below, so extremes do not sit on the frame. */
    static final double Y_PADDING = 0.05;
    /** The range of an empty chart. */
    static final DataRange EMPTY = new DataRange(0, 1, 0, 1);
    /** Half the y span around a flat series: a fraction of its value, or of a decade on a log axis. */
    private static final double FLAT_HALF_SPAN = 0.5;
    /** Half the x span around a series of a single step. */
    private static final double SINGLE_STEP_HALF_SPAN = 1;

    /** Returns the range over every point of the series, or {@link #EMPTY} when none has a point to show. */
    static DataRange of(List<Series> series, boolean logScale) {
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            SeriesBuffer raw = s.raw();
            for (int i = 0; i < raw.size(); i++) {
                double lo = lowest(raw, i, logScale);
                double hi = raw.max(i);
                if (Double.isNaN(lo)) {
                    continue;
                }
                xLo = Math.min(xLo, raw.firstX(i));
                xHi = Math.max(xHi, raw.lastX(i));
                yLo = Math.min(yLo, lo);
                yHi = Math.max(yHi, hi);
            }
        }
        if (xLo > xHi) {
            return EMPTY;
        }
        if (xLo == xHi) {
            xLo -= SINGLE_STEP_HALF_SPAN;
            xHi += SINGLE_STEP_HALF_SPAN;
        }
        if (logScale) {
            yLo = Math.log10(yLo);
            yHi = Math.log10(yHi);
        }
        double pad = yHi > yLo ? (yHi - yLo) * Y_PADDING : FLAT_HALF_SPAN * (logScale || yLo == 0 ? 1 : Math.abs(yLo));
        return new DataRange(xLo, xHi, yLo - pad, yHi + pad);
    }

    /** Returns the lowest value of bucket i that the axis can show, or NaN when it can show none of it. */
    private static double lowest(SeriesBuffer raw, int i, boolean logScale) {
        if (!logScale || raw.min(i) > 0) {
            return raw.min(i);
        }
        if (raw.mean(i) > 0) {
            return raw.mean(i);
        }
        return raw.max(i) > 0 ? raw.max(i) : Double.NaN;
    }
}
