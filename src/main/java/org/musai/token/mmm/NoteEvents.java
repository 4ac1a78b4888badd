package org.musai.token.mmm;

import java.util.Arrays;

/**
 * The note-on and note-off events of one track, read one at a time in document order: by position, note-offs
 * before note-ons, then by pitch. Each event is packed in a long whose natural order is that order; note-ons arrive
 * sorted with the quantized notes, so only the note-offs need a primitive sort, and reading merges the two. Not
 * thread-safe.
 */
final class NoteEvents {

    private static final int LEVEL_BITS = 7;
    private static final int PITCH_SHIFT = LEVEL_BITS;
    private static final int ON_SHIFT = PITCH_SHIFT + 7;
    private static final int TIME_SHIFT = ON_SHIFT + 1;
    private static final int SEVEN_BITS = 0x7F;

    private final long[] ons;
    private final long[] offs;
    private final int from;
    private final int to;
    private int nextOn;
    private int nextOff;

    /**
     * The events of the notes in {@code [from, to)} of two arrays that {@link #noteOn} and {@link #noteOff} filled,
     * the note-ons in document order; sorts that range of the note-offs.
     */
    NoteEvents(long[] ons, long[] offs, int from, int to) {
        this.ons = ons;
        this.offs = offs;
        this.from = from;
        this.to = to;
        this.nextOn = from;
        this.nextOff = from;
        Arrays.sort(offs, from, to);
    }

    /** The packed note-on of a note, with its velocity level (0-127). */
    static long noteOn(int position, int pitch, int velocityLevel) {
        return (long) position << TIME_SHIFT | 1L << ON_SHIFT | (long) pitch << PITCH_SHIFT | velocityLevel;
    }

    /** The packed note-off of a note that ends at {@code position}. */
    static long noteOff(long position, int pitch) {
        return position << TIME_SHIFT | (long) pitch << PITCH_SHIFT;
    }

    /** Where the last note ends: the position of the last note-off, 0 without notes. */
    long lastPosition() {
        return to == from ? 0 : position(offs[to - 1]);
    }

    boolean hasNext() {
        return nextOn < to || nextOff < to;
    }

    /** The next event; only when {@link #hasNext()}. */
    long peek() {
        if (nextOff == to) {
            return ons[nextOn];
        }
        if (nextOn == to) {
            return offs[nextOff];
        }
        return Math.min(ons[nextOn], offs[nextOff]);
    }

    /** Moves past the event that {@link #peek()} returned. */
    void advance() {
        if (nextOff == to || nextOn < to && ons[nextOn] < offs[nextOff]) {
            nextOn++;
        } else {
            nextOff++;
        }
    }

    static long position(long event) {
        return event >>> TIME_SHIFT;
    }

    static boolean isNoteOn(long event) {
        return (event >>> ON_SHIFT & 1) != 0;
    }

    static int pitch(long event) {
        return (int) (event >>> PITCH_SHIFT) & SEVEN_BITS;
    }

    /** Velocity level of a note-on. */
    static int velocityLevel(long event) {
        return (int) event & SEVEN_BITS;
    }
}
