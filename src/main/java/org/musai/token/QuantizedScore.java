package org.musai.token;

import java.util.List;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;

/**
 * A quantized score in the packed form the encoders read: one long per note, sorted by position, instrument, pitch
 * and duration, so that no note object is made on the hot path. {@link #toScore()} gives the same music as a
 * {@link Score}. Immutable once built (the arrays are not copied: do not change them).
 *
 * @param notes          packed notes, sorted; see {@link #position}, {@link #instrument} and the other accessors
 * @param tempos         tempo changes at {@link Quantization#TICKS_PER_QUARTER}, one per position, first at 0
 * @param tempoLevels    the tempo level of each change
 * @param timeSignatures meter changes on bar lines at {@link Quantization#TICKS_PER_QUARTER}, first at 0
 * @param loss           the notes of the score that quantizing dropped or changed, and why
 */
public record QuantizedScore(long[] notes, List<TempoChange> tempos, int[] tempoLevels,
                             List<TimeSignature> timeSignatures, NoteLoss loss) {

    static final int POSITION_SHIFT = 32;
    static final int INSTRUMENT_SHIFT = 24;
    static final int PITCH_SHIFT = 16;
    static final int DURATION_SHIFT = 8;
    private static final int BYTE = 0xFF;

    /** Instrument key of the drums; programs are keyed 1-128, so drums sort first at a position, as in MidiTok. */
    public static final int DRUM_INSTRUMENT = 0;

    static long pack(int position, int instrument, int pitch, int durationLevel, int velocityLevel) {
        return (long) position << POSITION_SHIFT | (long) instrument << INSTRUMENT_SHIFT | (long) pitch << PITCH_SHIFT
                | (long) durationLevel << DURATION_SHIFT | velocityLevel;
    }

    /** The instrument key of a program or of the drums. */
    public static int instrumentKey(int program, boolean drum) {
        return drum ? DRUM_INSTRUMENT : program + 1;
    }

    public static int position(long note) {
        return (int) (note >>> POSITION_SHIFT);
    }

    /** {@link #DRUM_INSTRUMENT} or program + 1. */
    public static int instrument(long note) {
        return (int) (note >>> INSTRUMENT_SHIFT) & BYTE;
    }

    /** Position and instrument together, to find the notes one instrument strikes at one position. */
    public static long positionAndInstrument(long note) {
        return note >>> INSTRUMENT_SHIFT;
    }

    public static int pitch(long note) {
        return (int) (note >>> PITCH_SHIFT) & BYTE;
    }

    public static int durationLevel(long note) {
        return (int) (note >>> DURATION_SHIFT) & BYTE;
    }

    public static int velocityLevel(long note) {
        return (int) note & BYTE;
    }

    /** The same music as a score with one track per instrument, as decoding gives it. */
    public Score toScore(Quantization q) {
        CanonicalTracks tracks = new CanonicalTracks();
        int tpp = q.ticksPerPosition();
        for (long note : notes) {
            int instrument = instrument(note);
            tracks.add(Math.max(0, instrument - 1), instrument == DRUM_INSTRUMENT, new Note(position(note) * tpp,
                    q.duration(durationLevel(note)) * tpp, pitch(note), q.velocity(velocityLevel(note))));
        }
        return new Score(Quantization.TICKS_PER_QUARTER, tracks.toTracks(), tempos, timeSignatures);
    }
}
