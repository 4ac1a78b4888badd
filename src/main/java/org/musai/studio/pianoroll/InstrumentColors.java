package org.musai.studio.pianoroll;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;
import org.musai.midi.InstrumentClass;

/**
 * One colour per instrument class, saturated and dark enough to read on a light background; drums are a near-black
 * charcoal so that they stand apart from every pitched family; further tracks of a class in shades of it. The piano
 * roll draws notes in them and the studio reuses them for legends.
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

    /** Tracks of one class are told apart by shades of its colour, in turn. */
    public static final int SHADES = 4;

    /** The colour of an instrument class. */
    public static Color of(InstrumentClass instrumentClass) {
        return COLORS.get(instrumentClass);
    }

    /**
     * The colour of the {@code shade}-th track of a class in a piece: the class's own for the first, then darker,
     * then turned a little towards its neighbours on the colour wheel either way (a quartet's violins, viola and
     * cello in three reds).
     */
    public static Color of(InstrumentClass instrumentClass, int shade) {
        Color base = of(instrumentClass);
        return switch (shade % SHADES) {
            case 0 -> base;
            case 1 -> base.deriveColor(0, 1, 0.62, 1);
            case 2 -> base.deriveColor(32, 1, 0.95, 1);
            default -> base.deriveColor(-32, 0.85, 0.8, 1);
        };
    }

    /** Which of its class's tracks this one is (0 for the first), the shade it is drawn in. */
    public static int shadeOf(java.util.List<org.musai.midi.Track> tracks, int index) {
        InstrumentClass c = tracks.get(index).instrumentClass();
        int before = 0;
        for (int t = 0; t < index; t++) {
            before += tracks.get(t).instrumentClass() == c ? 1 : 0;
        }
        return before;
    }

    /** The colour of a score's track, as the roll, its legend and the tracks list draw it. */
    public static Color ofTrack(java.util.List<org.musai.midi.Track> tracks, int index) {
        return of(tracks.get(index).instrumentClass(), shadeOf(tracks, index));
    }
}
