package org.musai.studio.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick values and their labels for one axis: 1-2-5 steps on a linear axis, whole decades on a log axis (with 2 and 5
 * between decades when fewer than three decades are in range, or linear steps when not even two such ticks fit).
 *
 * @param values tick values in data units, increasing
 * @param labels one label per value
 */
record AxisTicks(double[] values, List<String> labels) {

    /** The mantissas of "nice" steps. */
    private static final double[] NICE_STEPS = {1, 2, 5, 10};
    /** Mantissas marked between decades of a narrow log axis. */
    private static final double[] LOG_MANTISSAS = {1, 2, 5};
    /** Fewer ticks than this do not make a readable axis. */
    private static final int MIN_TICKS = 2;
    /** With fewer decades than this in range, 2 and 5 are marked between them when they fit. */
    private static final int ENOUGH_DECADES = 3;
    /** Slack so that rounding does not drop a tick that sits on a range end. */
    private static final double EPSILON = 1e-9;
    /** Beyond these many decimals labels switch to scientific notation. */
    private static final int MAX_DECIMALS = 6;
    /** Steps of at least this much with values of at least {@link #KILO_FROM} are labelled in thousands ("20k"). */
    private static final double KILO = 1000;
    private static final double KILO_FROM = 10_000;

    /**
     * Returns ticks at a 1-2-5 step that puts at most about {@code maxTicks} ticks in [lo, hi].
     *
     * @param maxTicks the most ticks wanted, at least 1
     */
    static AxisTicks linear(double lo, double hi, int maxTicks) {
        double span = hi - lo;
        if (!(span > 0)) {
            return new AxisTicks(new double[] {lo}, List.of(format(lo, Math.max(Math.abs(lo), 1))));
        }
        double step = niceStep(span / Math.max(1, maxTicks));
        long first = (long) Math.ceil(lo / step - EPSILON);
        long last = (long) Math.floor(hi / step + EPSILON);
        double[] values = new double[(int) (last - first + 1)];
        List<String> labels = new ArrayList<>(values.length);
        for (long k = first; k <= last; k++) {
            double v = k * step;
            values[(int) (k - first)] = v;
            labels.add(format(v, step));
        }
        return new AxisTicks(values, List.copyOf(labels));
    }

    /**
     * Returns ticks for a log axis over [lo, hi], both positive: whole decades when at least three fit, else 1-2-5
     * multiples of decades when two or more fit the axis, else the decades, else linear ticks.
     */
    static AxisTicks log(double lo, double hi, int maxTicks) {
        int fromDecade = (int) Math.floor(Math.log10(lo) - EPSILON);
        int toDecade = (int) Math.ceil(Math.log10(hi) + EPSILON);
        List<Double> decades = new ArrayList<>();
        List<Double> mantissas = new ArrayList<>();
        for (int d = fromDecade; d <= toDecade; d++) {
            for (double m : LOG_MANTISSAS) {
                double v = m * Math.pow(10, d);
                if (inside(v, lo, hi)) {
                    mantissas.add(v);
                    if (m == 1) {
                        decades.add(v);
                    }
                }
            }
        }
        if (decades.size() >= ENOUGH_DECADES) {
            return ofLogValues(thin(decades, maxTicks));
        }
        if (mantissas.size() >= MIN_TICKS && mantissas.size() <= maxTicks) {
            return ofLogValues(mantissas);
        }
        if (decades.size() >= MIN_TICKS) {
            return ofLogValues(decades);
        }
        return linear(lo, hi, maxTicks);
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo * (1 - EPSILON) && v <= hi * (1 + EPSILON);
    }

    /** Keeps every n-th value so that at most about maxTicks remain (many decades on a short axis). */
    private static List<Double> thin(List<Double> values, int maxTicks) {
        int every = (int) Math.ceil(values.size() / (double) Math.max(1, maxTicks));
        if (every <= 1) {
            return values;
        }
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < values.size(); i += every) {
            kept.add(values.get(i));
        }
        return kept;
    }

    private static AxisTicks ofLogValues(List<Double> values) {
        double[] array = new double[values.size()];
        List<String> labels = new ArrayList<>(values.size());
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
            labels.add(format(array[i], Math.pow(10, Math.floor(Math.log10(array[i]) + EPSILON))));
        }
        return new AxisTicks(array, List.copyOf(labels));
    }

    /** Returns the 1, 2 or 5 times a power of ten that is at least rough. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        for (double nice : NICE_STEPS) {
            if (residual <= nice + EPSILON) {
                return nice * magnitude;
            }
        }
        return NICE_STEPS[NICE_STEPS.length - 1] * magnitude;
    }

    /** Formats v with as many decimals as the step needs: "0.5", "20", "20k", "1e-7". */
    static String format(double v, double step) {
        if (v == 0) {
            return "0";
        }
        if (step >= KILO && Math.abs(v) >= KILO_FROM) {
            return format(v / KILO, step / KILO) + "k";
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + EPSILON));
        if (decimals > MAX_DECIMALS) {
            int digits = Math.max(1, (int) (Math.floor(Math.log10(Math.abs(v))) - Math.floor(Math.log10(step))) + 1);
            return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toString()
                    .toLowerCase(Locale.ROOT);
        }
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
