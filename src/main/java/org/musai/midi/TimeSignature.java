package org.musai.midi;

/**
 * A time signature that holds from a tick on.
 *
 * @param tick        where it starts
 * @param numerator   beats per bar
 * @param denominator note value of a beat, a power of two
 */
public record TimeSignature(int tick, int numerator, int denominator) {

    /** What a file means when it gives no time signature. */
    public static final TimeSignature COMMON_TIME = new TimeSignature(0, 4, 4);

    public TimeSignature {
        if (tick < 0 || numerator <= 0 || denominator <= 0 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("invalid time signature " + numerator + "/" + denominator);
        }
    }

    /** The same signature from another tick. */
    /** Reads "3/4" or "6/8" as a meter at tick 0; a clear message for anything else. */
    public static TimeSignature parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new TimeSignature(0, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("time signature must look like 3/4 or 6/8, not " + text);
    }

    public TimeSignature at(int newTick) {
        return new TimeSignature(newTick, numerator, denominator);
    }

    /** Whether both have the same numerator and denominator, wherever they start. */
    public boolean sameMeter(TimeSignature other) {
        return numerator == other.numerator && denominator == other.denominator;
    }

    /** Length of one bar in ticks at the given resolution. */
    public int barTicks(int ticksPerQuarter) {
        return numerator * ticksPerQuarter * 4 / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
