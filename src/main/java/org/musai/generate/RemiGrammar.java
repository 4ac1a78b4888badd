package org.musai.generate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;
import org.musai.token.Quantization;
import org.musai.token.SpecialTokens;
import org.musai.token.remi.RemiClock;
import org.musai.token.remi.RemiVocabulary;
import org.musai.token.remi.RemiVocabulary.Kind;

/**
 * REMI's grammar: Bar, then positions that move forward, each with an optional Chord and notes of Program, Pitch,
 * Velocity, Duration, with rests between; one meter (repeated after every Bar where the tokenizer does so) and one
 * tempo, set at the start; only the chosen instruments, each in its register and with no more notes at once than its
 * limit; the end in the last bar, whose notes end by its bar line. It keeps the same account of time as the decoder, so every sequence it allows
 * decodes with no token skipped.
 *
 * <p>The band: every class of it plays at least once in every stretch of {@link GenerationControls#presenceBars()}
 * bars. While a class is due, the bar cannot close (no Bar, no rest across the bar line, no end) as long as the class
 * can still come in this bar; at the bar's last position only the due classes may play.
 *
 * <p>It also fingerprints each bar, so that the generator can see a bar about to repeat the one before once too often
 * and write it again ({@link #closingRepeatsTooOften}).
 */
final class RemiGrammar implements Grammar {

    private static final int CLASSES = InstrumentClass.values().length;

    private final RemiVocabulary v;
    private final Quantization q;
    private final GenerationControls controls;
    private final ClassLimits limits;
    /** Whether each Program value (index value + 1: drums first) may play: the controls' answer, asked once. */
    private final boolean[] programAllowed;
    private final boolean meterEveryBar;
    private final RemiClock clock;
    private final EnumSet<InstrumentClass> band = EnumSet.noneOf(InstrumentClass.class);
    private int maxBars;
    private Kind previous = Kind.SPECIAL;
    private int noteTokens;
    private boolean metered;
    private int meterIndex = -1;
    private boolean meterWritten;
    /** The encoder's order within a position: instruments ascending (drums first), pitches ascending. */
    private int instrumentAtPosition = Integer.MIN_VALUE;
    private int pitchAtPosition = Integer.MIN_VALUE;
    private int currentInstrument;
    private int[] notesAtPosition = new int[CLASSES];
    private int pitchedAtPosition;
    private int[] lastBarPlayed = new int[CLASSES];
    /** Per class, the programs it has played so far, as bits from the class's first program (drums: bit 0). */
    private int[] programsPlayed = new int[CLASSES];
    private long barPrint = 1;
    private long previousBarPrint;
    private boolean barHasNotes;
    private int copiesInARow;
    private boolean closing;
    private boolean ended;
    /** Whether a class of the band is due and can still come in this bar: computed once per state. */
    private Boolean holdingBar;

    RemiGrammar(RemiVocabulary vocabulary, Quantization quantization, GenerationControls controls) {
        this.v = vocabulary;
        this.q = quantization;
        this.controls = controls;
        this.limits = controls.limits();
        this.programAllowed = new boolean[InstrumentClass.PROGRAMS_PER_FAMILY * 16 + 1];
        for (int program = -1; program < programAllowed.length - 1; program++) {
            programAllowed[program + 1] = controls.allowsProgram(program);
        }
        this.meterEveryBar = quantization.config().meterEveryBar();
        this.clock = new RemiClock(quantization);
        this.maxBars = controls.bars();
        Arrays.fill(lastBarPlayed, -1);
    }

    private RemiGrammar(RemiGrammar o) {
        v = o.v;
        q = o.q;
        controls = o.controls;
        limits = o.limits;
        programAllowed = o.programAllowed;
        meterEveryBar = o.meterEveryBar;
        clock = o.clock.copy();
        band.addAll(o.band);
        maxBars = o.maxBars;
        previous = o.previous;
        noteTokens = o.noteTokens;
        metered = o.metered;
        meterIndex = o.meterIndex;
        meterWritten = o.meterWritten;
        instrumentAtPosition = o.instrumentAtPosition;
        pitchAtPosition = o.pitchAtPosition;
        currentInstrument = o.currentInstrument;
        notesAtPosition = o.notesAtPosition.clone();
        pitchedAtPosition = o.pitchedAtPosition;
        lastBarPlayed = o.lastBarPlayed.clone();
        programsPlayed = o.programsPlayed.clone();
        barPrint = o.barPrint;
        previousBarPrint = o.previousBarPrint;
        barHasNotes = o.barHasNotes;
        copiesInARow = o.copiesInARow;
        closing = o.closing;
        ended = o.ended;
        holdingBar = o.holdingBar;
    }

    /** The piece may run this many bars in all (primer included). */
    void limitBars(int bars) {
        maxBars = bars;
    }

    /** The classes that must be heard: the band asked for, or the one the piece's header names. */
    void requireBand(Set<InstrumentClass> classes) {
        band.clear();
        band.addAll(classes);
        holdingBar = null;
    }

    /** The bars the piece may run in all. */
    int maxBars() {
        return maxBars;
    }

    /** Bars begun so far. */
    int bars() {
        return clock.bar() + 1;
    }

    @Override
    public void close() {
        closing = true;
    }

    @Override
    public Grammar copy() {
        return new RemiGrammar(this);
    }

    @Override
    public boolean finished() {
        return ended;
    }

    @Override
    public int endAlias() {
        boolean lastBar = clock.bar() >= 0 && clock.bar() + 1 >= maxBars;
        return !ended && !closing && noteTokens == 0 && lastBar && allows(SpecialTokens.EOS) ? v.bar() : -1;
    }

    @Override
    public int barIndex() {
        return clock.bar();
    }

    @Override
    public boolean closingRepeatsTooOften(int id) {
        return closes(id) && barHasNotes && barPrint == previousBarPrint
                && copiesInARow + 1 > controls.maxCopiedBars();
    }

    /** Whether a token ends the bar under way: a Bar, a rest across the bar line, the end. */
    private boolean closes(int id) {
        return switch (v.kind(id)) {
            case BAR -> clock.inBar();
            case REST -> clock.barOf(clock.restLanding(v.value(id))) > clock.bar();
            case SPECIAL -> id == SpecialTokens.EOS && clock.inBar();
            default -> false;
        };
    }

    @Override
    public boolean allows(int id) {
        if (ended) {
            return false;
        }
        Kind kind = v.kind(id);
        int value = v.value(id);
        if (noteTokens > 0) {
            if (noteTokens == 1) {
                return kind == Kind.PITCH && limitOf(currentInstrument).allows(value)
                        && (currentInstrument > instrumentAtPosition || value > pitchAtPosition);
            }
            if (noteTokens == 2) {
                return kind == Kind.VELOCITY;
            }
            // in the last bar a note ends by the bar line: the piece ends cleanly, nothing rings on
            return kind == Kind.DURATION && (clock.bar() + 1 < maxBars
                    || clock.cursor() + q.duration(value) <= clock.barStart() + clock.barLength());
        }
        boolean atNoteBoundary = previous != Kind.CHORD && previous != Kind.PROGRAM;
        if (closing) {
            return id == SpecialTokens.EOS && atNoteBoundary;
        }
        if (meterDue()) {
            return kind == Kind.TIME_SIGNATURE && value == expectedMeter();
        }
        if (previous == Kind.CHORD) {
            return kind == Kind.PROGRAM && mayPlay(value);
        }
        boolean afterTime = previous == Kind.BAR || previous == Kind.TIME_SIGNATURE || previous == Kind.REST;
        int bar = clock.bar();
        int at = clock.barStart() + value;
        return switch (kind) {
            case SPECIAL -> id == SpecialTokens.EOS && bar >= 0 && bar >= maxBars - 1
                    && (previous == Kind.DURATION || afterTime) && !holdsBar(true);
            case BAR -> bar + 1 < maxBars && (previous == Kind.DURATION || afterTime || bar < 0)
                    && (bar < 0 || !holdsBar(false) && !endsInSilence());
            case TIME_SIGNATURE -> !meterEveryBar && bar == 0 && !metered && previous == Kind.BAR
                    && q.meters().get(value).sameMeter(controls.meter());
            case POSITION -> bar >= 0 && value < clock.barLength() && (afterTime ? at >= clock.cursor()
                    : previous == Kind.DURATION && at > clock.cursor());
            case REST -> bar >= 0 && (previous == Kind.DURATION || afterTime)
                    && clock.barOf(clock.restLanding(value)) < maxBars
                    && (clock.barOf(clock.restLanding(value)) == bar || !holdsBar(false) && !endsInSilence()
                    && !skipsADueBar(clock.barOf(clock.restLanding(value))));
            case CHORD -> bar >= 0 && (previous == Kind.POSITION || previous == Kind.TEMPO);
            case PROGRAM -> bar >= 0 && mayPlay(value)
                    && (previous == Kind.POSITION || previous == Kind.TEMPO || previous == Kind.DURATION);
            default -> false; // tempo stays as set at the start; pitch, velocity, duration only inside a note
        };
    }

    /** A Program token here: a chosen class, in the encoder's order, within its limits, and the band's turn. */
    private boolean mayPlay(int program) {
        if (!programAllowed[program + 1] || !followsInOrder(program)) {
            return false;
        }
        // at the bar's last position a due class must not be crowded out
        return !holdsBar(false) || laterPositionLeft() || isDue(GenerationControls.classOf(program), false);
    }

    /**
     * Whether a note of this program (-1 for drums) can come next at this position: a later instrument, or the same
     * one with a pitch of its register left above the last; and neither the class nor the band has struck all the
     * notes it may at once. This keeps the encoder's order and bounds the notes of a position.
     */
    private boolean followsInOrder(int program) {
        InstrumentClass c = GenerationControls.classOf(program);
        ClassLimits.Limit limit = limits.of(c);
        if (notesAtPosition[c.number()] >= limit.atOnce() || program >= 0 && pitchedAtPosition >= limits.maxTogether()) {
            return false;
        }
        int played = programsPlayed[c.number()];
        if ((played & programBit(program)) == 0 && Integer.bitCount(played) >= limit.programs()) {
            return false; // the class has all the instruments it may have in one piece
        }
        int highest = Math.min(limit.highest(), q.config().pitchHigh());
        int lowest = Math.max(limit.lowest(), q.config().pitchLow());
        return program > instrumentAtPosition && lowest <= highest
                || program == instrumentAtPosition && pitchAtPosition < highest;
    }

    private static int programBit(int program) {
        return program < 0 ? 1 : 1 << (program % InstrumentClass.PROGRAMS_PER_FAMILY);
    }

    private ClassLimits.Limit limitOf(int program) {
        return limits.of(GenerationControls.classOf(program));
    }

    private boolean laterPositionLeft() {
        return clock.cursor() + 1 < clock.barStart() + clock.barLength();
    }

    /** Whether the bar must stay open: a class of the band is due and can still come in it. */
    private boolean holdsBar(boolean end) {
        if (band.isEmpty() || clock.bar() < 0) {
            return false;
        }
        if (!end && holdingBar != null) {
            return holdingBar;
        }
        boolean holds = false;
        for (InstrumentClass c : band) {
            if (isDue(c, end) && canStillCome(c)) {
                holds = true;
                break;
            }
        }
        if (!end) {
            holdingBar = holds;
        }
        return holds;
    }

    /**
     * Whether closing the bar now would leave its last beat silent while a note can still come there: in the
     * training corpus nothing sounds in the last beat of 1.1% of the 4/4 bars, in generated pieces it was a hole in
     * every other bar, heard as a stumble. The piece's last bar may end in silence.
     */
    private boolean endsInSilence() {
        int barEnd = clock.barStart() + clock.barLength();
        TimeSignature meter = meterIndex >= 0 ? q.meters().get(meterIndex) : controls.meter();
        int beat = q.positionsPerBeat() * 4 / meter.denominator();
        return clock.lastEnd() <= barEnd - beat && laterPositionLeft();
    }

    /**
     * Whether a rest that lands in bar {@code landing} would pass in silence a bar by whose end a class of the band
     * must have played: one rest can cross several bar lines.
     */
    private boolean skipsADueBar(int landing) {
        for (InstrumentClass c : band) {
            if (controls.classes().contains(c) && lastBarPlayed[c.number()] < landing - controls.presenceBars()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class of the band has been silent for the whole stretch that ends with this bar. */
    private boolean isDue(InstrumentClass c, boolean end) {
        if (!band.contains(c)) {
            return false;
        }
        int bar = clock.bar();
        int firstOfStretch = bar - controls.presenceBars() + 1;
        return lastBarPlayed[c.number()] < (end ? Math.max(0, firstOfStretch) : firstOfStretch);
    }

    private boolean canStillCome(InstrumentClass c) {
        if (!controls.classes().contains(c)) {
            return false;
        }
        if (laterPositionLeft()) {
            return true;
        }
        boolean atPosition = previous == Kind.POSITION || previous == Kind.TEMPO || previous == Kind.DURATION
                || previous == Kind.CHORD;
        if (!atPosition) {
            return false;
        }
        if (c == InstrumentClass.DRUMS) {
            return followsInOrder(-1);
        }
        for (int program = c.firstProgram(); program < c.firstProgram() + InstrumentClass.PROGRAMS_PER_FAMILY;
             program++) {
            if (followsInOrder(program)) {
                return true;
            }
        }
        return false;
    }

    /** Where every bar carries its meter, the token right after a Bar (or a rest reaching a bar line). */
    private boolean meterDue() {
        return meterEveryBar && !meterWritten && clock.inBar() && clock.atBarStart()
                && (previous == Kind.BAR || previous == Kind.REST);
    }

    private int expectedMeter() {
        if (meterIndex >= 0) {
            return meterIndex;
        }
        int asked = q.meterIndex(controls.meter());
        return asked >= 0 ? asked : q.meterIndex(org.musai.midi.TimeSignature.COMMON_TIME);
    }

    private void newPosition() {
        instrumentAtPosition = Integer.MIN_VALUE;
        pitchAtPosition = Integer.MIN_VALUE;
        Arrays.fill(notesAtPosition, 0);
        pitchedAtPosition = 0;
    }

    /** The bar under way has ended: compare it with the one before. */
    private void barClosed() {
        boolean copy = barHasNotes && barPrint == previousBarPrint;
        copiesInARow = copy ? copiesInARow + 1 : 0;
        previousBarPrint = barPrint;
        barPrint = 1;
        barHasNotes = false;
        meterWritten = false;
    }

    private void print(long value) {
        barPrint = barPrint * 1_000_003L + value;
    }

    @Override
    public void accept(int id) {
        holdingBar = null;
        if (id == SpecialTokens.EOS) {
            ended = true;
            return;
        }
        Kind kind = v.kind(id);
        int value = v.value(id);
        switch (kind) {
            case BAR -> {
                if (clock.inBar()) {
                    barClosed();
                }
                clock.nextBar();
                noteTokens = 0;
                newPosition();
            }
            case TIME_SIGNATURE -> {
                clock.meter(q.meters().get(value));
                metered = true;
                meterIndex = value;
                meterWritten = true;
            }
            case POSITION -> {
                clock.position(value);
                newPosition();
                print(value);
            }
            case REST -> {
                int before = clock.bar();
                clock.rest(value);
                if (clock.bar() > before) {
                    barClosed();
                }
                newPosition();
            }
            case PROGRAM -> {
                noteTokens = 1;
                currentInstrument = value;
                programsPlayed[GenerationControls.classOf(value).number()] |= programBit(value);
                // a bar is a copy when onsets, pitches and instrument classes repeat, as a listener (and the
                // quality benchmark) hears it: durations, velocities and programs within a class do not count
                print(1000 + GenerationControls.classOf(value).number());
            }
            case PITCH -> {
                noteTokens = 2;
                pitchAtPosition = value;
                instrumentAtPosition = currentInstrument;
                InstrumentClass c = GenerationControls.classOf(currentInstrument);
                notesAtPosition[c.number()]++;
                if (currentInstrument >= 0) {
                    pitchedAtPosition++;
                }
                lastBarPlayed[c.number()] = clock.bar();
                barHasNotes = true;
                print(2000 + value);
            }
            case VELOCITY -> noteTokens = 3;
            case DURATION -> {
                clock.note(value);
                noteTokens = 0;
            }
            default -> {
                // BOS, the class header, tempo and chords do not move time
            }
        }
        if (kind != Kind.SPECIAL) {
            previous = kind;
        }
    }
}
