package org.musai.token.remi;

import org.musai.midi.TimeSignature;
import org.musai.token.Quantization;

/**
 * The account of time that a REMI stream keeps, in grid positions: the current bar, where it starts and how long it
 * is, the cursor, and where the last note ends (a Rest counts from the later of the cursor and that end). The decoder
 * and the generator's grammar move it alike, so what one allows the other reads. Not thread-safe.
 */
public final class RemiClock {

    private final Quantization q;
    private int bar = -1;
    private int barStart;
    private int barLength;
    private int cursor;
    private int lastEnd;

    public RemiClock(Quantization quantization) {
        this.q = quantization;
        this.barLength = q.barPositions(TimeSignature.COMMON_TIME);
    }

    /** An independent copy. */
    public RemiClock copy() {
        RemiClock copy = new RemiClock(q);
        copy.bar = bar;
        copy.barStart = barStart;
        copy.barLength = barLength;
        copy.cursor = cursor;
        copy.lastEnd = lastEnd;
        return copy;
    }

    /** A Bar token: the next bar begins (the first Bar begins bar 0). */
    public void nextBar() {
        if (bar >= 0) {
            barStart += barLength;
        }
        bar++;
        cursor = barStart;
    }

    /** A TimeSig token: the current bar and those after it have this meter. */
    public void meter(TimeSignature meter) {
        barLength = q.barPositions(meter);
    }

    /** A Position token. */
    public void position(int position) {
        cursor = barStart + position;
    }

    /** A Rest token: time moves on from the later of the cursor and the end of the last note. */
    public void rest(int level) {
        cursor = restLanding(level);
        while (cursor >= barStart + barLength) {
            barStart += barLength;
            bar++;
        }
    }

    /** Where a rest of this level would put the cursor. */
    public int restLanding(int level) {
        return Math.max(cursor, lastEnd) + q.rest(level);
    }

    /** The bar a position falls in, with the current meter. */
    public int barOf(int position) {
        return bar + (position - barStart) / barLength;
    }

    /** A note of this duration level starts at the cursor. */
    public void note(int durationLevel) {
        lastEnd = Math.max(lastEnd, cursor + q.duration(durationLevel));
    }

    /** Where the last note written so far is released. */
    public int lastEnd() {
        return lastEnd;
    }

    /** Whether a Bar token has been read. */
    public boolean inBar() {
        return bar >= 0;
    }

    public int bar() {
        return bar;
    }

    public int barStart() {
        return barStart;
    }

    public int barLength() {
        return barLength;
    }

    public int cursor() {
        return cursor;
    }

    /** Whether the cursor stands at the start of its bar. */
    public boolean atBarStart() {
        return cursor == barStart;
    }
}
