package org.musai.token.remi;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the chord that the notes of one instrument strike together, as MidiTok's chord tokens with root do
 * ("C:maj"); three to five notes of no known quality give "3", "4" or "5". Stateless.
 */
final class ChordDetector {

    private static final String[] ROOTS = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    /** MidiTok's chord maps, as pitch-class sets over the root (ninths folded into the octave). */
    private static final String[] QUALITIES = {"min", "maj", "dim", "aug", "sus2", "sus4", "7dom", "7min", "7maj",
            "7halfdim", "7dim", "7aug", "9maj", "9min"};
    private static final int[][] INTERVALS = {{0, 3, 7}, {0, 4, 7}, {0, 3, 6}, {0, 4, 8}, {0, 2, 7}, {0, 5, 7},
            {0, 4, 7, 10}, {0, 3, 7, 10}, {0, 4, 7, 11}, {0, 3, 6, 10}, {0, 3, 6, 9}, {0, 4, 8, 11},
            {0, 2, 4, 7, 10}, {0, 1, 4, 7, 10}};
    private static final int MIN_UNKNOWN = 3;
    private static final int MAX_UNKNOWN = 5;

    private static final int[] MASKS = new int[INTERVALS.length];

    static {
        for (int i = 0; i < INTERVALS.length; i++) {
            for (int interval : INTERVALS[i]) {
                MASKS[i] |= 1 << interval;
            }
        }
    }

    private ChordDetector() {
    }

    /** The names after "Chord_", in token order. */
    static List<String> tokenNames() {
        List<String> names = new ArrayList<>();
        for (String root : ROOTS) {
            for (String quality : QUALITIES) {
                names.add(root + ":" + quality);
            }
        }
        for (int n = MIN_UNKNOWN; n <= MAX_UNKNOWN; n++) {
            names.add(Integer.toString(n));
        }
        return names;
    }

    /**
     * The chord index of pitches struck together, or -1 when they are fewer than three distinct pitch classes or
     * too many to name. The lowest pitch is the root, as in MidiTok.
     *
     * @param pitches the pitches, lowest first
     */
    static int detect(int[] pitches, int count) {
        if (count < MIN_UNKNOWN) {
            return -1;
        }
        int root = pitches[0] % 12;
        int mask = 0;
        for (int i = 0; i < count; i++) {
            mask |= 1 << ((pitches[i] - pitches[0]) % 12);
        }
        int classes = Integer.bitCount(mask);
        if (classes < MIN_UNKNOWN) {
            return -1;
        }
        for (int quality = 0; quality < MASKS.length; quality++) {
            if (MASKS[quality] == mask) {
                return root * QUALITIES.length + quality;
            }
        }
        return classes <= MAX_UNKNOWN ? ROOTS.length * QUALITIES.length + classes - MIN_UNKNOWN : -1;
    }
}
