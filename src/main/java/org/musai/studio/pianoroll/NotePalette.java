package org.musai.studio.pianoroll;

import javafx.scene.paint.Color;
import org.musai.midi.InstrumentClass;

/**
 * The opaque fill of every note look, made once: instrument class, velocity step and whether the track is dimmed.
 * Strength is shown by mixing the class colour with the roll's background, so the loudest notes show the class
 * colour itself and overlapping notes do not darken each other.
 */
final class NotePalette {

    /** The quietest step keeps this share of the class colour. */
    private static final double WEAKEST_SHARE = 0.35;
    /** A dimmed track keeps this share of what it would otherwise show. */
    private static final double DIMMED_SHARE = 0.25;

    private static final int CLASSES = InstrumentClass.values().length;
    private static final int LOOKS_PER_CLASS = 2 * NoteIndex.VELOCITY_STEPS;

    private final Color[] fills = new Color[CLASSES * LOOKS_PER_CLASS];

    NotePalette(Color background) {
        for (InstrumentClass c : InstrumentClass.values()) {
            Color base = InstrumentColors.of(c);
            for (int step = 0; step < NoteIndex.VELOCITY_STEPS; step++) {
                double share = WEAKEST_SHARE
                        + (1 - WEAKEST_SHARE) * (step + 1) / (double) NoteIndex.VELOCITY_STEPS;
                fills[key(c.number(), step, false)] = background.interpolate(base, share);
                fills[key(c.number(), step, true)] = background.interpolate(base, share * DIMMED_SHARE);
            }
        }
    }

    /** The key of a look, 0 to {@link #size()} - 1. */
    static int key(int classNumber, int velocityStep, boolean dimmed) {
        return classNumber * LOOKS_PER_CLASS + (dimmed ? NoteIndex.VELOCITY_STEPS : 0) + velocityStep;
    }

    /** Number of looks. */
    static int size() {
        return CLASSES * LOOKS_PER_CLASS;
    }

    /** The fill of a look. */
    Color fill(int key) {
        return fills[key];
    }
}
