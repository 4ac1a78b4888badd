package org.musai.generate;

import org.musai.midi.InstrumentClass;

/**
 * How busy a new part of each instrument class is by default: the median MMM density level (notes per bar, binned
 * as DENSITY tokens bin them) of that class's parts in the training corpus (shared/corpus/train: a part is one
 * instrument's tracks in one file, its notes over the file's bars). A bass written over a piano piece plays like a
 * bass (level 6, about 7 notes a bar), not as busily as the piano (level 8, about 14).
 */
final class PartDensity {

    /** By class number, 0 Piano to 16 Drums; the median notes per bar are in the comments. */
    private static final int[] MEDIAN_LEVEL = {
        8, // piano, 14.0 notes a bar over 1,457 parts
        4, // chromatic percussion, 3.2
        5, // organ, 4.7
        5, // guitar, 5.3
        6, // bass, 6.7 over 55 parts
        5, // strings, 4.0
        5, // ensemble, 4.0
        3, // brass, 2.7
        3, // reed, 2.9 (the lieder's voices) over 1,391 parts
        3, // pipe, 2.9
        4, // synth lead, 3.7
        2, // synth pad, 1.4
        3, // synth effects, 2.1
        2, // ethnic, 1.9
        0, // percussive, 0.3
        1, // sound effects, 0.7
        8, // drums, 15.4 over 63 parts
    };

    private PartDensity() {
    }

    static int typical(InstrumentClass instrumentClass) {
        return MEDIAN_LEVEL[instrumentClass.number()];
    }
}
