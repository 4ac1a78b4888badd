package org.musai.audio;

import org.musai.midi.Score;

/**
 * Follows and steers a score while {@link MidiPlayer} plays it, on the playing thread, about every
 * {@value MidiPlayer#POSITION_MILLIS} ms: where the music is, which tracks are muted right now (so that mute and
 * solo apply while it plays), and a newer version of a piece still being written.
 */
public interface PlaybackMonitor {

    /** Plays everything and watches nothing. */
    PlaybackMonitor NONE = new PlaybackMonitor() {
    };

    /** The score tick being played. */
    default void position(long tick) {
    }

    /** Whether a track of the score (by index) is silent now. */
    default boolean muted(int track) {
        return false;
    }

    /** A newer, longer version of the score to go on with, or null for none since the last call. */
    default Score newer() {
        return null;
    }

    /** Whether more of the score is still being written: at its end, the music waits for it. */
    default boolean moreToCome() {
        return false;
    }
}
