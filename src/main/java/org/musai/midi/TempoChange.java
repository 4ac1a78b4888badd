package org.musai.midi;

/**
 * A tempo that holds from a tick on.
 *
 * @param tick               where the tempo starts
 * @param microsPerQuarter   length of a quarter note in microseconds, as a Set Tempo meta event stores it
 */
public record TempoChange(int tick, int microsPerQuarter) {

    /** Microseconds per minute, to convert between beats per minute and Set Tempo values. */
    public static final double MICROS_PER_MINUTE = 60_000_000.0;

    /** The tempo a Standard MIDI File has until its first Set Tempo event: 120 bpm. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    public TempoChange {
        if (tick < 0 || microsPerQuarter <= 0 || microsPerQuarter > 0xFFFFFF) {
            throw new IllegalArgumentException("invalid tempo " + microsPerQuarter + " at tick " + tick);
        }
    }

    /** Builds a tempo change from beats per minute. */
    public static TempoChange ofBpm(int tick, double bpm) {
        return new TempoChange(tick, (int) Math.round(MICROS_PER_MINUTE / bpm));
    }

    /** Quarter notes per minute. */
    public double bpm() {
        return MICROS_PER_MINUTE / microsPerQuarter;
    }
}
