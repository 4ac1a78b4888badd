package org.musai.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/** Gathers what all track chunks of a file hold into one score. Not thread-safe. */
final class ScoreCollector {
    private final List<TrackCollector> tracks = new ArrayList<>();
    private final List<TempoChange> tempos = new ArrayList<>();
    private final List<TimeSignature> timeSignatures = new ArrayList<>();

    TrackCollector newTrack() {
        TrackCollector track = new TrackCollector();
        tracks.add(track);
        return track;
    }

    void tempo(TempoChange tempo) {
        tempos.add(tempo);
    }

    void timeSignature(TimeSignature timeSignature) {
        timeSignatures.add(timeSignature);
    }

    int trackCount() {
        return tracks.size();
    }

    /** Notes of all finished tracks. */
    long noteCount() {
        long count = 0;
        for (TrackCollector track : tracks) {
            count += track.noteCount();
        }
        return count;
    }

    Score toScore(int division) {
        List<Track> result = new ArrayList<>();
        for (TrackCollector track : tracks) {
            result.addAll(track.tracks());
        }
        return new Score(division, result, lastPerTick(tempos, TempoChange::tick),
                lastPerTick(timeSignatures, TimeSignature::tick));
    }

    /** Sorts events by tick and keeps the last of those at the same tick, as a player would. */
    private static <T> List<T> lastPerTick(List<T> events, ToIntFunction<T> tickOf) {
        List<T> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(tickOf)); // stable: file order within a tick
        List<T> result = new ArrayList<>(sorted.size());
        for (T event : sorted) {
            if (!result.isEmpty() && tickOf.applyAsInt(result.get(result.size() - 1)) == tickOf.applyAsInt(event)) {
                result.set(result.size() - 1, event);
            } else {
                result.add(event);
            }
        }
        return result;
    }
}
