package org.musai.studio.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a whole chart onto a canvas: background, gridlines, axes with tick labels, axis labels, title, every series
 * and the legend. Holds no state between paints; runs on the JavaFX application thread.
 */
final class ChartPainter {

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID = Color.web("#e6e6e6");
    private static final Color FRAME = Color.web("#9a9a9a");
    private static final Color TEXT = Color.web("#333333");
    private static final Color LEGEND_BACKGROUND = Color.rgb(255, 255, 255, 0.85);
    private static final Font TICK_FONT = Font.font(11);
    private static final Font LABEL_FONT = Font.font(12);
    private static final Font TITLE_FONT = Font.font(13);

    /** Opacity of the raw min/max band under a smoothed line: visible, yet clearly behind it. */
    private static final double BAND_OPACITY = 0.18;
    /** Opacity of the raw mean line under a smoothed line. */
    private static final double RAW_OPACITY = 0.35;
    private static final double MAIN_LINE_WIDTH = 2;
    private static final double RAW_LINE_WIDTH = 1;
    private static final double MARKER_RADIUS = 2.5;
    /** Above this many buckets point markers would merge into a thick line, so only the line is drawn. */
    static final int MAX_MARKERS = 300;
    private static final double TICK_LENGTH = 4;
    private static final double TEXT_GAP = 4;
    private static final double LEGEND_SWATCH = 14;
    private static final double LEGEND_ROW = 16;
    private static final double LEGEND_PADDING = 6;

    /** Paints the chart at the given size. */
    void paint(GraphicsContext g, double width, double height, List<Series> series, PlotFrame frame, String title,
            String xLabel, String yLabel) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        paintGridAndTicks(g, frame);
        paintLabels(g, width, height, frame, title, xLabel, yLabel);
        g.save();
        g.beginPath();
        g.rect(frame.left(), frame.top(), frame.width(), frame.height());
        g.clip();
        for (Series s : series) {
            paintSeries(g, frame, s);
        }
        g.restore();
        g.setStroke(FRAME);
        g.setLineWidth(1);
        g.strokeRect(frame.left() + 0.5, frame.top() + 0.5, frame.width() - 1, frame.height() - 1);
        paintLegend(g, frame, series);
    }

    private void paintGridAndTicks(GraphicsContext g, PlotFrame frame) {
        g.setLineWidth(1);
        g.setFont(TICK_FONT);
        g.setFill(TEXT);
        AxisTicks y = frame.yTicks();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < y.values().length; i++) {
            double exact = frame.py(y.values()[i]);
            if (Double.isNaN(exact) || exact < frame.top() || exact > frame.bottom()) {
                continue;
            }
            double row = Math.round(exact) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(frame.left(), row, frame.right(), row);
            g.setStroke(FRAME);
            g.strokeLine(frame.left() - TICK_LENGTH, row, frame.left(), row);
            g.fillText(y.labels().get(i), frame.left() - TICK_LENGTH - TEXT_GAP, row);
        }
        AxisTicks x = frame.xTicks();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < x.values().length; i++) {
            double column = Math.round(frame.px(x.values()[i])) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(column, frame.top(), column, frame.bottom());
            g.setStroke(FRAME);
            g.strokeLine(column, frame.bottom(), column, frame.bottom() + TICK_LENGTH);
            g.fillText(x.labels().get(i), column, frame.bottom() + TICK_LENGTH + TEXT_GAP / 2);
        }
    }

    private void paintLabels(GraphicsContext g, double width, double height, PlotFrame frame, String title,
            String xLabel, String yLabel) {
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        double centreX = frame.left() + frame.width() / 2;
        if (!title.isEmpty()) {
            g.setFont(TITLE_FONT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, centreX, TEXT_GAP);
        }
        g.setFont(LABEL_FONT);
        if (!xLabel.isEmpty()) {
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(xLabel, centreX, height - TEXT_GAP / 2);
        }
        if (!yLabel.isEmpty()) {
            g.save();
            g.translate(TEXT_GAP, frame.top() + frame.height() / 2);
            g.rotate(-90);
            g.setTextBaseline(VPos.TOP);
            g.fillText(yLabel, 0, 0);
            g.restore();
        }
    }

    private void paintSeries(GraphicsContext g, PlotFrame frame, Series s) {
        SeriesBuffer raw = s.raw();
        if (s.isSmoothed()) {
            paintBand(g, frame, raw, s.color().deriveColor(0, 1, 1, BAND_OPACITY));
            paintLine(g, frame, raw, s.color().deriveColor(0, 1, 1, RAW_OPACITY), RAW_LINE_WIDTH);
            paintLine(g, frame, s.average(), s.color(), MAIN_LINE_WIDTH);
        } else {
            paintLine(g, frame, raw, s.color(), MAIN_LINE_WIDTH);
        }
        if (!s.isSmoothed() && raw.size() <= MAX_MARKERS || raw.size() == 1) {
            paintMarkers(g, frame, raw, s.color());
        }
    }

    /** Draws each bucket's min-to-max as a vertical stroke, so thinned-out spikes stay visible. */
    private void paintBand(GraphicsContext g, PlotFrame frame, SeriesBuffer buffer, Color color) {
        g.setStroke(color);
        g.setLineWidth(RAW_LINE_WIDTH);
        for (int i = 0; i < buffer.size(); i++) {
            if (buffer.min(i) == buffer.max(i)) {
                continue;
            }
            double high = frame.py(buffer.max(i));
            double low = frame.py(buffer.min(i));
            if (Double.isNaN(high)) {
                continue;
            }
            double column = frame.px(buffer.x(i));
            g.strokeLine(column, Double.isNaN(low) ? frame.bottom() : low, column, high);
        }
    }

    /** Joins the bucket means; a mean that the axis cannot show (log of a non-positive) breaks the line. */
    private void paintLine(GraphicsContext g, PlotFrame frame, SeriesBuffer buffer, Color color, double lineWidth) {
        g.setStroke(color);
        g.setLineWidth(lineWidth);
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < buffer.size(); i++) {
            double row = frame.py(buffer.mean(i));
            if (Double.isNaN(row)) {
                open = false;
                continue;
            }
            double column = frame.px(buffer.x(i));
            if (open) {
                g.lineTo(column, row);
            } else {
                g.moveTo(column, row);
                open = true;
            }
        }
        g.stroke();
    }

    private void paintMarkers(GraphicsContext g, PlotFrame frame, SeriesBuffer buffer, Color color) {
        g.setFill(color);
        for (int i = 0; i < buffer.size(); i++) {
            double row = frame.py(buffer.mean(i));
            if (!Double.isNaN(row)) {
                double column = frame.px(buffer.x(i));
                g.fillOval(column - MARKER_RADIUS, row - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
            }
        }
    }

    /** Lists each series with a swatch of its colour in the plot's top-right corner. */
    private void paintLegend(GraphicsContext g, PlotFrame frame, List<Series> series) {
        if (series.isEmpty()) {
            return;
        }
        double textWidth = 0;
        for (Series s : series) {
            Text measure = new Text(s.name());
            measure.setFont(TICK_FONT);
            textWidth = Math.max(textWidth, measure.getLayoutBounds().getWidth());
        }
        double boxWidth = LEGEND_PADDING * 3 + LEGEND_SWATCH + textWidth;
        double boxHeight = LEGEND_PADDING * 2 + LEGEND_ROW * series.size();
        double boxLeft = frame.right() - boxWidth - LEGEND_PADDING;
        double boxTop = frame.top() + LEGEND_PADDING;
        g.setFill(LEGEND_BACKGROUND);
        g.fillRect(boxLeft, boxTop, boxWidth, boxHeight);
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.strokeRect(boxLeft + 0.5, boxTop + 0.5, boxWidth - 1, boxHeight - 1);
        g.setFont(TICK_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double row = boxTop + LEGEND_PADDING + LEGEND_ROW * (i + 0.5);
            double swatchLeft = boxLeft + LEGEND_PADDING;
            g.setStroke(s.color());
            g.setLineWidth(MAIN_LINE_WIDTH);
            g.strokeLine(swatchLeft, row, swatchLeft + LEGEND_SWATCH, row);
            g.setFill(TEXT);
            g.fillText(s.name(), swatchLeft + LEGEND_SWATCH + LEGEND_PADDING, row);
        }
    }
}
