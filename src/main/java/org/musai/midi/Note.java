package org.musai.midi;

/**
 * One note: when it starts, how long it lasts (both in the score's ticks), its key and how hard it is struck.
 *
 * @param tick     onset in ticks from the start of the piece
 * @param duration length in ticks, never negative
 * @param pitch    MIDI key number, 0-127
 * @param velocity MIDI velocity, 1-127
 */
public record Note(int tick, int duration, int pitch, int velocity) implements Comparable<Note> {

    public Note {
        if (tick < 0 || duration < 0) {
            throw new IllegalArgumentException("negative time in note: tick " + tick + ", duration " + duration);
        }
        if (pitch < 0 || pitch > 127 || velocity < 0 || velocity > 127) {
            throw new IllegalArgumentException("pitch or velocity out of 0-127: " + pitch + ", " + velocity);
        }
    }

    /** The tick at which the note is released. */
    public int end() {
        return tick + duration;
    }

    /** Orders by onset, then pitch, then duration, then velocity, so that equal scores list notes alike. */
    @Override
    public int compareTo(Note other) {
        int c = Integer.compare(tick, other.tick);
        if (c == 0) c = Integer.compare(pitch, other.pitch);
        if (c == 0) c = Integer.compare(duration, other.duration);
        if (c == 0) c = Integer.compare(velocity, other.velocity);
        return c;
    }
}
