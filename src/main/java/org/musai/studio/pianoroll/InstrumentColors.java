package org.musai.studio.pianoroll;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;
import org.musai.midi.InstrumentClass;

/**
 * One colour per instrument class, saturated and dark enough to read on a light background; drums are a near-black
 * charcoal so that they stand apart from every pitched family. The piano roll draws notes in them and the studio
 * reuses them for legends.
 */
public final class InstrumentColors {

    private static final Map<InstrumentClass, Color> COLORS = new EnumMap<>(InstrumentClass.class);

    static {
        COLORS.put(InstrumentClass.PIANO, Color.web("#4363d8"));
        COLORS.put(InstrumentClass.CHROMATIC_PERCUSSION, Color.web("#0099b8"));
        COLORS.put(InstrumentClass.ORGAN, Color.web("#911eb4"));
        COLORS.put(InstrumentClass.GUITAR, Color.web("#f58231"));
        COLORS.put(InstrumentClass.BASS, Color.web("#3cb44b"));
        COLORS.put(InstrumentClass.STRINGS, Color.web("#e6194b"));
        COLORS.put(InstrumentClass.ENSEMBLE, Color.web("#e75480"));
        COLORS.put(InstrumentClass.BRASS, Color.web("#c9a400"));
        COLORS.put(InstrumentClass.REED, Color.web("#808000"));
        COLORS.put(InstrumentClass.PIPE, Color.web("#469990"));
        COLORS.put(InstrumentClass.SYNTH_LEAD, Color.web("#f032e6"));
        COLORS.put(InstrumentClass.SYNTH_PAD, Color.web("#7cb518"));
        COLORS.put(InstrumentClass.SYNTH_EFFECTS, Color.web("#000075"));
        COLORS.put(InstrumentClass.ETHNIC, Color.web("#9a6324"));
        COLORS.put(InstrumentClass.PERCUSSIVE, Color.web("#800000"));
        COLORS.put(InstrumentClass.SOUND_EFFECTS, Color.web("#808080"));
        COLORS.put(InstrumentClass.DRUMS, Color.web("#222222"));
    }

    private InstrumentColors() {
    }

    /** The colour of an instrument class. */
    public static Color of(InstrumentClass instrumentClass) {
        return COLORS.get(instrumentClass);
    }
}
