package org.musai.studio.generate;

import org.musai.audio.AudioException;
import org.musai.audio.RecordingListener;
import org.musai.audio.RecordingSettings;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;

/** Where a take comes from: a MIDI input port in the studio ({@link org.musai.audio.MidiRecorder}). */
@FunctionalInterface
public interface TakeSource {

    /** Records until the bars are done or {@code stop} is cancelled, and returns what was played. */
    Score record(RecordingSettings settings, CancellationToken stop, RecordingListener listener)
            throws AudioException;
}
