package org.musai.studio.pianoroll;

/**
 * A run of whole bars chosen on the piano roll's ruler.
 *
 * @param firstBar first bar of the run, 1-based
 * @param lastBar  last bar of the run, 1-based and inclusive, never before {@code firstBar}
 */
public record BarSelection(int firstBar, int lastBar) {

    public BarSelection {
        if (firstBar < 1 || lastBar < firstBar) {
            throw new IllegalArgumentException("invalid bar selection " + firstBar + "-" + lastBar);
        }
    }

    /** The run between two bars given in either order. */
    public static BarSelection between(int oneBar, int otherBar) {
        return new BarSelection(Math.min(oneBar, otherBar), Math.max(oneBar, otherBar));
    }

    /** Number of bars in the run. */
    public int barCount() {
        return lastBar - firstBar + 1;
    }
}
