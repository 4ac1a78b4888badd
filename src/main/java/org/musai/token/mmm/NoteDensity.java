package org.musai.token.mmm;

/** The DENSITY level of a track: how many notes it plays per bar, in ten bins. */
final class NoteDensity {

    /** Lower edges of bins 1-9 in notes per bar, doubled so that 0.5 is an integer: 0.5, 1, 2, 3, 4, 6, 8, 12, 16. */
    private static final int[] DOUBLED_THRESHOLDS = {1, 2, 4, 6, 8, 12, 16, 24, 32};

    private NoteDensity() {
    }

    /** The level, 0-9, of {@code notes} notes over {@code bars} bars (at least one). */
    static int level(int notes, int bars) {
        long doubledNotes = 2L * notes;
        int level = 0;
        while (level < DOUBLED_THRESHOLDS.length && doubledNotes >= (long) DOUBLED_THRESHOLDS[level] * bars) {
            level++;
        }
        return level;
    }
}
