package org.musai.generate;

import org.musai.token.Quantization;
import org.musai.token.SpecialTokens;
import org.musai.token.remi.RemiClock;
import org.musai.token.remi.RemiVocabulary;
import org.musai.token.remi.RemiVocabulary.Kind;

/**
 * REMI's grammar: Bar, then positions that move forward, each with an optional Chord and notes of Program, Pitch,
 * Velocity, Duration, with rests between; one meter and one tempo, set at the start; only the chosen instruments; the
 * end in the last bar. It keeps the same account of time as the decoder, so every sequence it allows decodes with
 * no token skipped.
 */
final class RemiGrammar implements Grammar {

    private final RemiVocabulary v;
    private final Quantization q;
    private final GenerationControls controls;
    private final RemiClock clock;
    private int maxBars;
    private Kind previous = Kind.SPECIAL;
    private int noteTokens;
    private boolean metered;
    /** The encoder's order within a position: instruments ascending (drums first), pitches ascending. */
    private int instrumentAtPosition = Integer.MIN_VALUE;
    private int pitchAtPosition = Integer.MIN_VALUE;
    private int currentInstrument;
    private boolean closing;
    private boolean ended;

    RemiGrammar(RemiVocabulary vocabulary, Quantization quantization, GenerationControls controls) {
        this.v = vocabulary;
        this.q = quantization;
        this.controls = controls;
        this.clock = new RemiClock(quantization);
        this.maxBars = controls.bars();
    }

    private RemiGrammar(RemiGrammar o) {
        v = o.v;
        q = o.q;
        controls = o.controls;
        clock = o.clock.copy();
        maxBars = o.maxBars;
        previous = o.previous;
        noteTokens = o.noteTokens;
        metered = o.metered;
        instrumentAtPosition = o.instrumentAtPosition;
        pitchAtPosition = o.pitchAtPosition;
        currentInstrument = o.currentInstrument;
        closing = o.closing;
        ended = o.ended;
    }

    /** The piece may run this many bars in all (primer included). */
    void limitBars(int bars) {
        maxBars = bars;
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
    public boolean allows(int id) {
        if (ended) {
            return false;
        }
        Kind kind = v.kind(id);
        int value = v.value(id);
        if (noteTokens > 0) {
            if (noteTokens == 1) {
                return kind == Kind.PITCH && (currentInstrument > instrumentAtPosition || value > pitchAtPosition);
            }
            return kind == (noteTokens == 2 ? Kind.VELOCITY : Kind.DURATION);
        }
        boolean atNoteBoundary = previous != Kind.CHORD && previous != Kind.PROGRAM;
        if (closing) {
            return id == SpecialTokens.EOS && atNoteBoundary;
        }
        if (previous == Kind.CHORD) {
            return kind == Kind.PROGRAM && controls.allowsProgram(value) && followsInOrder(value);
        }
        boolean afterTime = previous == Kind.BAR || previous == Kind.TIME_SIGNATURE || previous == Kind.REST;
        int bar = clock.bar();
        int at = clock.barStart() + value;
        return switch (kind) {
            case SPECIAL -> id == SpecialTokens.EOS && bar >= 0 && bar >= maxBars - 1
                    && (previous == Kind.DURATION || afterTime);
            case BAR -> bar + 1 < maxBars && (previous == Kind.DURATION || afterTime || bar < 0);
            case TIME_SIGNATURE -> bar == 0 && !metered && previous == Kind.BAR
                    && q.meters().get(value).sameMeter(controls.meter());
            case POSITION -> bar >= 0 && value < clock.barLength() && (afterTime ? at >= clock.cursor()
                    : previous == Kind.DURATION && at > clock.cursor());
            case REST -> bar >= 0 && (previous == Kind.DURATION || afterTime)
                    && clock.barOf(clock.restLanding(value)) < maxBars;
            case CHORD -> bar >= 0 && (previous == Kind.POSITION || previous == Kind.TEMPO);
            case PROGRAM -> bar >= 0 && controls.allowsProgram(value) && followsInOrder(value)
                    && (previous == Kind.POSITION || previous == Kind.TEMPO || previous == Kind.DURATION);
            default -> false; // tempo stays as set at the start; pitch, velocity, duration only inside a note
        };
    }

    /**
     * Whether a note of this program (-1 for drums) can come next at this position: a later instrument, or the same
     * one with a pitch left above the last. This keeps the encoder's order and bounds the notes of a position.
     */
    private boolean followsInOrder(int program) {
        return program > instrumentAtPosition
                || (program == instrumentAtPosition && pitchAtPosition < q.config().pitchHigh());
    }

    private void newPosition() {
        instrumentAtPosition = Integer.MIN_VALUE;
        pitchAtPosition = Integer.MIN_VALUE;
    }

    @Override
    public void accept(int id) {
        if (id == SpecialTokens.EOS) {
            ended = true;
            return;
        }
        Kind kind = v.kind(id);
        int value = v.value(id);
        switch (kind) {
            case BAR -> {
                clock.nextBar();
                noteTokens = 0;
                newPosition();
            }
            case TIME_SIGNATURE -> {
                clock.meter(q.meters().get(value));
                metered = true;
            }
            case POSITION -> {
                clock.position(value);
                newPosition();
            }
            case REST -> {
                clock.rest(value);
                newPosition();
            }
            case PROGRAM -> {
                noteTokens = 1;
                currentInstrument = value;
            }
            case PITCH -> {
                noteTokens = 2;
                pitchAtPosition = value;
                instrumentAtPosition = currentInstrument;
            }
            case VELOCITY -> noteTokens = 3;
            case DURATION -> {
                clock.note(value);
                noteTokens = 0;
            }
            default -> {
                // BOS, tempo and chords do not move time
            }
        }
        if (kind != Kind.SPECIAL) {
            previous = kind;
        }
    }
}
