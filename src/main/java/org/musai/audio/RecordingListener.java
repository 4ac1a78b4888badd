package org.musai.audio;

import org.musai.midi.Score;

/** Hears a recording as it goes, on the recording thread. Every method has a no-op default. */
public interface RecordingListener {

    /** Hears nothing. */
    RecordingListener NONE = new RecordingListener() {
    };

    /**
     * A click: {@code bar} counts the take's bars from 1, and the count-in's from -countIn up to -1; {@code beat}
     * from 1.
     */
    default void beat(int bar, int beat) {
    }

    /** The take so far, about every beat. */
    default void taken(Score soFar) {
    }
}
