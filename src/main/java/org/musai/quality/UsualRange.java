package org.musai.quality;

import java.util.EnumMap;
import java.util.Map;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;

/**
 * How high each instrument class usually plays in a corpus: the 99.5th percentile of the pitches of its notes (the
 * lowest pitch that at least 99.5% of them do not exceed). Drums have no range. Immutable once built; build it on one
 * thread.
 */
public final class UsualRange {

    /** The share of a class's notes that lie at or under its usual highest pitch. */
    public static final double PERCENTILE = 0.995;

    private static final int KEYS = 128;

    private final Map<InstrumentClass, long[]> histograms = new EnumMap<>(InstrumentClass.class);

    /** Counts the pitched notes of a score. */
    public void add(Score score) {
        for (Track track : score.tracks()) {
            if (track.drum() || track.notes().isEmpty()) {
                continue;
            }
            long[] histogram = histograms.computeIfAbsent(track.instrumentClass(), c -> new long[KEYS]);
            for (Note note : track.notes()) {
                histogram[note.pitch()]++;
            }
        }
    }

    /** The usual highest pitch of a class, or -1 when the corpus has no pitched note of it. */
    public int highest(InstrumentClass instrumentClass) {
        long[] histogram = histograms.get(instrumentClass);
        if (histogram == null) {
            return -1;
        }
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        long seen = 0;
        for (int pitch = 0; pitch < KEYS; pitch++) {
            seen += histogram[pitch];
            if (seen >= PERCENTILE * total) {
                return pitch;
            }
        }
        return KEYS - 1;
    }

    /** Whether a note of a class lies above its usual range (never, for a class the corpus lacks). */
    public boolean above(InstrumentClass instrumentClass, int pitch) {
        int highest = highest(instrumentClass);
        return highest >= 0 && pitch > highest;
    }

    /** The pitched notes counted for a class. */
    public long notes(InstrumentClass instrumentClass) {
        long[] histogram = histograms.get(instrumentClass);
        long total = 0;
        for (long count : histogram == null ? new long[0] : histogram) {
            total += count;
        }
        return total;
    }

    /** The classes with notes, each with its usual highest pitch. */
    public Map<InstrumentClass, Integer> highestByClass() {
        Map<InstrumentClass, Integer> result = new EnumMap<>(InstrumentClass.class);
        for (InstrumentClass c : histograms.keySet()) {
            result.put(c, highest(c));
        }
        return result;
    }
}
