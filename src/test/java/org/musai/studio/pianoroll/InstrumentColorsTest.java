package org.musai.studio.pianoroll;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;

class InstrumentColorsTest {

    /** Least RGB distance between two classes' colours. */
    private static final double DISTINCT = 0.12;
    /** Least RGB distance from the roll's background, so that every class reads on it. */
    private static final double READABLE = 0.45;

    @Test
    void everyClassHasItsOwnReadableColour() {
        InstrumentClass[] classes = InstrumentClass.values();
        for (InstrumentClass c : classes) {
            assertThat(distance(InstrumentColors.of(c), RollPainter.BACKGROUND)).as(c.displayName())
                    .isGreaterThan(READABLE);
            for (InstrumentClass other : classes) {
                if (other != c) {
                    assertThat(distance(InstrumentColors.of(c), InstrumentColors.of(other)))
                            .as(c.displayName() + " against " + other.displayName()).isGreaterThan(DISTINCT);
                }
            }
        }
    }

    @Test
    void drumsAreDarkAndUnsaturatedUnlikeThePitchedFamilies() {
        Color drums = InstrumentColors.of(InstrumentClass.DRUMS);
        assertThat(drums.getSaturation()).isLessThan(0.1);
        assertThat(drums.getBrightness()).isLessThan(0.2);
    }

    private static double distance(Color a, Color b) {
        double dr = a.getRed() - b.getRed();
        double dg = a.getGreen() - b.getGreen();
        double db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
