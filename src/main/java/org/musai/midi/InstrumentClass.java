package org.musai.midi;

import java.util.Locale;

/**
 * The 17 instrument classes of the seed project: the 16 General MIDI families (program / 8) and the drum kit.
 */
public enum InstrumentClass {
    PIANO("Piano"),
    CHROMATIC_PERCUSSION("Chromatic Percussion"),
    ORGAN("Organ"),
    GUITAR("Guitar"),
    BASS("Bass"),
    STRINGS("Strings"),
    ENSEMBLE("Ensemble"),
    BRASS("Brass"),
    REED("Reed"),
    PIPE("Pipe"),
    SYNTH_LEAD("Synth Lead"),
    SYNTH_PAD("Synth Pad"),
    SYNTH_EFFECTS("Synth Effects"),
    ETHNIC("Ethnic"),
    PERCUSSIVE("Percussive"),
    SOUND_EFFECTS("Sound Effects"),
    DRUMS("Drums");

    /** General MIDI groups its 128 programs in families of eight. */
    public static final int PROGRAMS_PER_FAMILY = 8;

    private final String displayName;

    InstrumentClass(String displayName) {
        this.displayName = displayName;
    }

    /** The class of a track: drums by channel or flag, whatever the program; else its GM family. */
    public static InstrumentClass of(int program, boolean drum) {
        return drum ? DRUMS : values()[program / PROGRAMS_PER_FAMILY];
    }

    /** The class with the seed's number (0-16). */
    public static InstrumentClass ofNumber(int number) {
        if (number < 0 || number >= values().length) {
            throw new IllegalArgumentException("instrument class must be 0-16, not " + number);
        }
        return values()[number];
    }

    /** Parses a class by number ("16") or by name ("drums", "Synth Lead", "synth_lead"). */
    public static InstrumentClass parse(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("\\d+")) {
            return ofNumber(Integer.parseInt(trimmed));
        }
        String key = trimmed.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (InstrumentClass c : values()) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown instrument class '" + text + "' (use 0-16 or a name such as Piano, Bass, Drums)");
    }

    /** The seed's class number, 0-16. */
    public int number() {
        return ordinal();
    }

    /** The first General MIDI program of this family; drums use program 0 (standard kit). */
    public int firstProgram() {
        return this == DRUMS ? 0 : ordinal() * PROGRAMS_PER_FAMILY;
    }

    /** A name for people: "Synth Lead". */
    public String displayName() {
        return displayName;
    }
}
