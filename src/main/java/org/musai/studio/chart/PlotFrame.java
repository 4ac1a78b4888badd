package org.musai.studio.chart;

/**
 * Where the plot sits inside the chart, in pixels, and how data maps onto it. The margins leave room for tick labels,
 * axis labels and an optional title.
 *
 * @param left     x of the plot's left edge
 * @param top      y of the plot's top edge
 * @param width    plot width, at least 1
 * @param height   plot height, at least 1
 * @param range    the data shown
 * @param logScale whether y is on a log10 axis (then range's y bounds are log10 values)
 */
record PlotFrame(double left, double top, double width, double height, DataRange range, boolean logScale) {

    /** Room for y tick labels such as "0.0003". */
    static final double LEFT_MARGIN = 56;
    /** Extra room on the left for a rotated y label. */
    static final double Y_LABEL_MARGIN = 18;
    static final double RIGHT_MARGIN = 16;
    static final double TOP_MARGIN = 10;
    /** Extra room at the top for a title. */
    static final double TITLE_MARGIN = 20;
    /** Room for x tick labels. */
    static final double BOTTOM_MARGIN = 24;
    /** Extra room at the bottom for an x label. */
    static final double X_LABEL_MARGIN = 16;
    /** Pixels between y ticks at least, so labels do not crowd. */
    static final double Y_TICK_SPACING = 40;
    /** Pixels between x ticks at least; x labels are wider than tall. */
    static final double X_TICK_SPACING = 90;

    /** Lays out a plot inside a chart of the given size. */
    static PlotFrame layout(double chartWidth, double chartHeight, boolean hasTitle, boolean hasXLabel,
            boolean hasYLabel, DataRange range, boolean logScale) {
        double left = LEFT_MARGIN + (hasYLabel ? Y_LABEL_MARGIN : 0);
        double top = TOP_MARGIN + (hasTitle ? TITLE_MARGIN : 0);
        double bottom = BOTTOM_MARGIN + (hasXLabel ? X_LABEL_MARGIN : 0);
        double width = Math.max(1, chartWidth - left - RIGHT_MARGIN);
        double height = Math.max(1, chartHeight - top - bottom);
        return new PlotFrame(left, top, width, height, range, logScale);
    }

    /** Returns the pixel column of step x. */
    double px(double x) {
        return left + (x - range.xLo()) / (range.xHi() - range.xLo()) * width;
    }

    /** Returns the pixel row of value y, or NaN when a log axis cannot show it (y not positive). */
    double py(double y) {
        double axis = y;
        if (logScale) {
            if (!(y > 0)) {
                return Double.NaN;
            }
            axis = Math.log10(y);
        }
        return top + (range.yHi() - axis) / (range.yHi() - range.yLo()) * height;
    }

    /** Returns the plot's bottom edge. */
    double bottom() {
        return top + height;
    }

    /** Returns the plot's right edge. */
    double right() {
        return left + width;
    }

    /** Returns the ticks of the y axis, as many as fit the height. */
    AxisTicks yTicks() {
        int most = Math.max(1, (int) (height / Y_TICK_SPACING));
        if (logScale) {
            return AxisTicks.log(Math.pow(10, range.yLo()), Math.pow(10, range.yHi()), most);
        }
        return AxisTicks.linear(range.yLo(), range.yHi(), most);
    }

    /** Returns the ticks of the x axis, as many as fit the width. */
    AxisTicks xTicks() {
        return AxisTicks.linear(range.xLo(), range.xHi(), Math.max(1, (int) (width / X_TICK_SPACING)));
    }
}
