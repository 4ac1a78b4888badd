package org.musai.generate;

import java.util.EnumSet;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;

/**
 * What the musician asks for, as hard constraints on the tokens.
 *
 * @param classes        the instrument classes that may play (drums: 16); no other Program token can be drawn
 * @param bars           bars to write after the primer
 * @param meter          the time signature of a piece without primer
 * @param tempoBpm       the tempo of a piece without primer
 * @param bandMustPlay   whether every class of {@code classes} must play (the band asked for); otherwise they only
 *                       may, and a model with a class header chooses its band among them
 * @param presenceBars   a class of the band plays at least once in every stretch of this many bars
 * @param maxCopiedBars  at most this many bars in a row may repeat the bar before note for note
 * @param limits         registers and notes at once per class
 * @param programs       the Program token values (-1: drums) a primer plays: a class among theirs plays only these,
 *                       so that a piano piece goes on with its own piano; empty: any program of the classes
 */
public record GenerationControls(Set<InstrumentClass> classes, int bars, TimeSignature meter, double tempoBpm,
                                 boolean bandMustPlay, int presenceBars, int maxCopiedBars, ClassLimits limits,
                                 Set<Integer> programs) {

    /** Each class of the band is heard at least once a stretch of this many bars. */
    public static final int DEFAULT_PRESENCE_BARS = 4;
    /** Two copies of a bar in a row are a riff; more is a loop that has locked. */
    public static final int DEFAULT_MAX_COPIED_BARS = 2;

    public GenerationControls {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("choose at least one instrument class");
        }
        classes = EnumSet.copyOf(classes);
        programs = Set.copyOf(programs);
        if (bars < 1 || bars > 1024) {
            throw new IllegalArgumentException("bars must be 1-1024, not " + bars);
        }
        if (!(tempoBpm >= 20 && tempoBpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20-400 bpm, not " + tempoBpm);
        }
        if (presenceBars < 1) {
            throw new IllegalArgumentException("a class must be heard at least once every 1 or more bars");
        }
        if (maxCopiedBars < 0) {
            throw new IllegalArgumentException("copied bars in a row must not be negative");
        }
    }

    /** Any program of the classes. */
    public GenerationControls(Set<InstrumentClass> classes, int bars, TimeSignature meter, double tempoBpm,
                              boolean bandMustPlay, int presenceBars, int maxCopiedBars, ClassLimits limits) {
        this(classes, bars, meter, tempoBpm, bandMustPlay, presenceBars, maxCopiedBars, limits, Set.of());
    }

    /** Classes that may play, nothing required, the default guards. */
    public GenerationControls(Set<InstrumentClass> classes, int bars, TimeSignature meter, double tempoBpm) {
        this(classes, bars, meter, tempoBpm, false, DEFAULT_PRESENCE_BARS, DEFAULT_MAX_COPIED_BARS,
                ClassLimits.DEFAULTS);
    }

    /** The same, with the band required to play or not. */
    public GenerationControls withBandMustPlay(boolean mustPlay) {
        return new GenerationControls(classes, bars, meter, tempoBpm, mustPlay, presenceBars, maxCopiedBars, limits,
                programs);
    }

    /** The same, with other classes and the programs a primer fixes. */
    public GenerationControls withInstruments(Set<InstrumentClass> newClasses, Set<Integer> primerPrograms) {
        return new GenerationControls(newClasses, bars, meter, tempoBpm, bandMustPlay, presenceBars, maxCopiedBars,
                limits, primerPrograms);
    }

    /** Whether a Program token (-1 for drums) belongs to a chosen class. */
    public boolean allowsProgram(int program) {
        InstrumentClass c = classOf(program);
        return classes.contains(c) && (programs.contains(program)
                || programs.stream().noneMatch(p -> classOf(p) == c));
    }

    /** The class of a Program token's value (-1 for drums). */
    static InstrumentClass classOf(int program) {
        return program < 0 ? InstrumentClass.DRUMS : InstrumentClass.of(program, false);
    }
}
