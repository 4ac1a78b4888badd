package org.musai.audio;

/**
 * Follows and steers a score while {@link MidiPlayer} plays it, on the playing thread, about every
 * {@value MidiPlayer#POSITION_MILLIS} ms: where the music is, and which tracks are muted right now (so that mute and
 * solo apply while it plays).
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
}
