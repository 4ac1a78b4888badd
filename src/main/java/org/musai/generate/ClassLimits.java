package org.musai.generate;

import java.util.EnumMap;
import java.util.Map;
import org.musai.midi.InstrumentClass;

/**
 * What each instrument class may play, as a musician expects it: a register (lowest and highest pitch) and how many
 * notes it strikes at once, and how many pitched notes the whole band strikes at once. The defaults come from the
 * training corpus (shared/corpus/train, 1,646 files): each class's 0.5th to 99.5th percentile of pitch, the lower
 * end widened by a whole tone and to two octaves below the top at least (the top is not widened: climbing past the
 * register was how long pieces went wrong); the most notes it strikes together in 99% of its onsets, at
 * least two; the programs it plays in one piece in 95% of the pieces it plays in (one piano, up to three strings
 * for a quartet's violins, viola and cello); and eight pitched notes at once for the band (99.8% of the corpus's
 * onsets). Immutable.
 *
 * @param limits     per class: its register and notes at once
 * @param maxTogether pitched notes that may start at one position, over all instruments
 */
public record ClassLimits(Map<InstrumentClass, Limit> limits, int maxTogether) {

    /**
     * One class's limits.
     *
     * @param lowest  lowest pitch
     * @param highest highest pitch
     * @param atOnce  notes it may strike at one position
     * @param programs programs (instruments of the class) it may play in one piece
     */
    public record Limit(int lowest, int highest, int atOnce, int programs) {
        public Limit {
            if (lowest < 0 || highest > 127 || lowest > highest || atOnce < 1 || programs < 1) {
                throw new IllegalArgumentException("invalid limit " + lowest + "-" + highest + " x" + atOnce
                        + ", " + programs + " programs");
            }
        }

        public boolean allows(int pitch) {
            return pitch >= lowest && pitch <= highest;
        }
    }

    /** No limit at all: every pitch, any number of notes (what the model alone would do). */
    public static final ClassLimits NONE = none();

    /** The defaults measured on the training corpus. */
    public static final ClassLimits DEFAULTS = measured();

    public ClassLimits {
        limits = Map.copyOf(limits);
        if (maxTogether < 1) {
            throw new IllegalArgumentException("at least one note at once, not " + maxTogether);
        }
    }

    public Limit of(InstrumentClass instrumentClass) {
        return limits.get(instrumentClass);
    }

    private static ClassLimits none() {
        Map<InstrumentClass, Limit> all = new EnumMap<>(InstrumentClass.class);
        for (InstrumentClass c : InstrumentClass.values()) {
            all.put(c, new Limit(0, 127, 128, InstrumentClass.PROGRAMS_PER_FAMILY));
        }
        return new ClassLimits(all, 128);
    }

    private static ClassLimits measured() {
        // class: 0.5th and 99.5th percentile pitch, notes at once in 99% of onsets, programs in a piece in 95% of
        // pieces (measured; see the class comment)
        int[][] table = {
            {30, 90, 6, 1}, {52, 90, 2, 2}, {43, 84, 3, 1}, {33, 79, 3, 3}, {21, 55, 1, 2}, {37, 90, 3, 3},
            {37, 81, 5, 2}, {41, 84, 3, 2}, {53, 79, 2, 1}, {59, 90, 1, 1}, {22, 81, 3, 3}, {28, 91, 3, 2},
            {28, 84, 2, 2}, {51, 74, 1, 1}, {21, 64, 1, 2}, {33, 89, 2, 1}, {31, 82, 5, 1},
        };
        Map<InstrumentClass, Limit> limits = new EnumMap<>(InstrumentClass.class);
        for (InstrumentClass c : InstrumentClass.values()) {
            int[] row = table[c.number()];
            int high = row[1];
            int low = Math.min(row[0] - 2, high - 24);
            limits.put(c, new Limit(Math.max(0, low), Math.min(127, high), Math.max(2, row[2]), row[3]));
        }
        return new ClassLimits(limits, 8);
    }
}
