package org.musai.generate;

import java.util.EnumSet;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;

/**
 * What the musician asks for, as hard constraints on the tokens.
 *
 * @param classes  the instrument classes that may play (drums: 16); no other Program token can be drawn
 * @param bars     bars to write after the primer
 * @param meter    the time signature of a piece without primer
 * @param tempoBpm the tempo of a piece without primer
 */
public record GenerationControls(Set<InstrumentClass> classes, int bars, TimeSignature meter, double tempoBpm) {

    public GenerationControls {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("choose at least one instrument class");
        }
        classes = EnumSet.copyOf(classes);
        if (bars < 1 || bars > 1024) {
            throw new IllegalArgumentException("bars must be 1-1024, not " + bars);
        }
        if (!(tempoBpm >= 20 && tempoBpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20-400 bpm, not " + tempoBpm);
        }
    }

    /** Whether a Program token (-1 for drums) belongs to a chosen class. */
    public boolean allowsProgram(int program) {
        return classes.contains(program < 0 ? InstrumentClass.DRUMS : InstrumentClass.of(program, false));
    }
}
