package org.musai.audio;

import org.musai.midi.TimeSignature;

/**
 * How a take is recorded from a MIDI keyboard.
 *
 * @param bpm         the tempo of the click and of the take
 * @param meter       the take's time signature
 * @param bars        bars to record after the count-in
 * @param countInBars bars of click before the take starts (0-4)
 * @param quantize    whether onsets and lengths snap to sixteenth notes
 * @param click       whether the click goes on while recording (it always counts in)
 */
public record RecordingSettings(double bpm, TimeSignature meter, int bars, int countInBars, boolean quantize,
                                boolean click) {

    /** Ticks per quarter note of a take. */
    public static final int TICKS_PER_QUARTER = 480;

    public RecordingSettings {
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20-400 bpm, not " + bpm);
        }
        if (bars < 1 || bars > 256) {
            throw new IllegalArgumentException("record 1-256 bars, not " + bars);
        }
        if (countInBars < 0 || countInBars > 4) {
            throw new IllegalArgumentException("count in 0-4 bars, not " + countInBars);
        }
    }

    /** Microseconds of one tick at this tempo. */
    double microsPerTick() {
        return 60_000_000.0 / bpm / TICKS_PER_QUARTER;
    }

    /** Ticks of one beat (the meter's denominator). */
    int beatTicks() {
        return TICKS_PER_QUARTER * 4 / meter.denominator();
    }

    /** Ticks of one bar. */
    int barTicks() {
        return beatTicks() * meter.numerator();
    }

    /** Microseconds from the first click to the first beat of the take. */
    public long countInMicros() {
        return Math.round((long) countInBars * barTicks() * microsPerTick());
    }

    /** Microseconds from the first click to the end of the take. */
    long endMicros() {
        return Math.round((long) (countInBars + bars) * barTicks() * microsPerTick());
    }
}
