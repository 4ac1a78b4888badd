package org.musai.studio.generate;

import static org.musai.midi.InstrumentClass.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.musai.midi.InstrumentClass;

/**
 * A named set of instrument classes for the Generate page: the bands musicians ask for, "all" and "none" in one
 * click, and the user's own, saved as a name and class numbers ({@link #encode}, {@link #decode}).
 *
 * @param name    what the list shows
 * @param classes the classes it checks
 */
public record InstrumentPreset(String name, Set<InstrumentClass> classes) {

    public InstrumentPreset {
        classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
    }

    /** The built-in presets, in the order the list shows them. */
    public static List<InstrumentPreset> builtIn() {
        return List.of(
                new InstrumentPreset("Piano solo", EnumSet.of(PIANO)),
                new InstrumentPreset("Band (piano, bass, drums)", EnumSet.of(PIANO, BASS, DRUMS)),
                new InstrumentPreset("Rock (guitar, bass, drums)", EnumSet.of(GUITAR, BASS, DRUMS)),
                new InstrumentPreset("String quartet", EnumSet.of(STRINGS)),
                // 1,360 of the corpus's 1,458 lieder carry their voice on a reed program, 86 on an ensemble one
                new InstrumentPreset("Lied (voice and piano)", EnumSet.of(PIANO, REED)),
                // the classes most Freedoom pieces of the training corpus use
                new InstrumentPreset("Game (guitar, bass, voices, lead, drums)",
                        EnumSet.of(GUITAR, BASS, ENSEMBLE, SYNTH_LEAD, DRUMS)),
                new InstrumentPreset("All", EnumSet.allOf(InstrumentClass.class)),
                new InstrumentPreset("None", EnumSet.noneOf(InstrumentClass.class)));
    }

    /** "name=0,4,16", as the preferences keep a user's preset. */
    public String encode() {
        return name.replace("=", " ").replace(";", " ") + "=" + classes.stream().sorted()
                .map(c -> Integer.toString(c.number())).collect(Collectors.joining(","));
    }

    /** Presets written by {@link #encode} and joined with ';'; what cannot be read is left out. */
    public static List<InstrumentPreset> decode(String saved) {
        List<InstrumentPreset> presets = new ArrayList<>();
        for (String entry : saved.split(";")) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            Set<InstrumentClass> classes = EnumSet.noneOf(InstrumentClass.class);
            try {
                for (String number : entry.substring(equals + 1).split(",")) {
                    if (!number.isBlank()) {
                        classes.add(InstrumentClass.values()[Integer.parseInt(number.strip())]);
                    }
                }
            } catch (RuntimeException e) {
                continue; // a damaged entry is dropped, not shown half-read
            }
            presets.add(new InstrumentPreset(entry.substring(0, equals), classes));
        }
        return presets;
    }

    @Override
    public String toString() {
        return name;
    }
}
