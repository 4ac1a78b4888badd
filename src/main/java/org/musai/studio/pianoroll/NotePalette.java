package org.musai.studio.pianoroll;

import javafx.scene.paint.Color;
import org.musai.midi.InstrumentClass;

/**
 * The opaque fill of every note look, made once: instrument class and shade, velocity step and whether the track is
 * dimmed.
 * Strength is shown by mixing the class colour with the roll's background, so the loudest notes show the class
 * colour itself and overlapping notes do not darken each other.
 */
final class NotePalette {

    /** The quietest step keeps this share of the class colour. */
    private static final double WEAKEST_SHARE = 0.35;
    /** A dimmed track keeps this share of what it would otherwise show. */
    private static final double DIMMED_SHARE = 0.25;

    /** Colours: each class in each of its shades. */
    private static final int COLOURS = InstrumentClass.values().length * InstrumentColors.SHADES;
    private static final int LOOKS_PER_COLOUR = 2 * NoteIndex.VELOCITY_STEPS;

    private final Color[] fills = new Color[COLOURS * LOOKS_PER_COLOUR];

    NotePalette(Color background) {
        for (InstrumentClass c : InstrumentClass.values()) {
            for (int shade = 0; shade < InstrumentColors.SHADES; shade++) {
                Color base = InstrumentColors.of(c, shade);
                int colour = colourOf(c, shade);
                for (int step = 0; step < NoteIndex.VELOCITY_STEPS; step++) {
                    double share = WEAKEST_SHARE
                            + (1 - WEAKEST_SHARE) * (step + 1) / (double) NoteIndex.VELOCITY_STEPS;
                    fills[key(colour, step, false)] = background.interpolate(base, share);
                    fills[key(colour, step, true)] = background.interpolate(base, share * DIMMED_SHARE);
                }
            }
        }
    }

    /** The number of a class's colour in a shade, 0 to the number of colours - 1. */
    static int colourOf(InstrumentClass instrumentClass, int shade) {
        return instrumentClass.number() * InstrumentColors.SHADES + shade % InstrumentColors.SHADES;
    }

    /** The key of a look, 0 to {@link #size()} - 1. */
    static int key(int colour, int velocityStep, boolean dimmed) {
        return colour * LOOKS_PER_COLOUR + (dimmed ? NoteIndex.VELOCITY_STEPS : 0) + velocityStep;
    }

    /** Number of looks. */
    static int size() {
        return COLOURS * LOOKS_PER_COLOUR;
    }

    /** The fill of a look. */
    Color fill(int key) {
        return fills[key];
    }
}
