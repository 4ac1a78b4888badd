package org.musai.progress;

/**
 * Speed and time left of a job from its start time and progress, for progress lines and status bars.
 *
 * @param perSecond units per second so far
 * @param etaSeconds seconds left at that speed, or -1 when unknown
 */
public record Rate(double perSecond, double etaSeconds) {

    /** The rate after {@code done} of {@code total} units in {@code elapsedNanos}. */
    public static Rate of(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double perSecond = seconds > 0 ? done / seconds : 0;
        double eta = perSecond > 0 && total > 0 ? Math.max(0, total - done) / perSecond : -1;
        return new Rate(perSecond, eta);
    }

    /** The time left as "1:05" or "1:02:03"; "--:--" when unknown. */
    public String etaText() {
        return clock(etaSeconds);
    }

    /** Seconds as "1:05" or "1:02:03"; "--:--" when negative or not finite. */
    public static String clock(double seconds) {
        if (seconds < 0 || !Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
