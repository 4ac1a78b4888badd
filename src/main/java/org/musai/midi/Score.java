package org.musai.midi;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of music as the rest of the program sees it: tracks of notes on a tick grid, with its tempo map and
 * time signatures. Immutable.
 *
 * @param ticksPerQuarter  resolution of every tick in the score (the SMF header's division)
 * @param tracks           one per instrument
 * @param tempos           tempo changes sorted by tick; may be empty (120 bpm)
 * @param timeSignatures   time signature changes sorted by tick; may be empty (4/4)
 */
public record Score(int ticksPerQuarter, List<Track> tracks, List<TempoChange> tempos,
                    List<TimeSignature> timeSignatures) {

    public Score {
        if (ticksPerQuarter <= 0) {
            throw new IllegalArgumentException("ticks per quarter must be positive, not " + ticksPerQuarter);
        }
        tracks = List.copyOf(tracks);
        tempos = List.copyOf(tempos);
        timeSignatures = List.copyOf(timeSignatures);
    }

    /** The tick at which the last note ends. */
    public int endTick() {
        int end = 0;
        for (Track track : tracks) {
            end = Math.max(end, track.endTick());
        }
        return end;
    }

    /** Length in quarter-note beats, up to the end of the last note. */
    public double lengthInBeats() {
        return (double) endTick() / ticksPerQuarter;
    }

    /** Number of notes over all tracks. */
    public int noteCount() {
        int count = 0;
        for (Track track : tracks) {
            count += track.notes().size();
        }
        return count;
    }

    /** The same score with other tracks. */
    public Score withTracks(List<Track> newTracks) {
        return new Score(ticksPerQuarter, newTracks, tempos, timeSignatures);
    }

    /** The notes that start before a tick, with the tempo and meter changes before it. */
    public Score before(int tick) {
        List<Track> kept = new ArrayList<>();
        for (Track track : tracks) {
            List<Note> notes = track.notes().stream().filter(n -> n.tick() < tick).toList();
            if (!notes.isEmpty()) {
                kept.add(new Track(track.name(), track.program(), track.drum(), notes));
            }
        }
        return new Score(ticksPerQuarter, kept, tempos.stream().filter(t -> t.tick() < tick).toList(),
                timeSignatures.stream().filter(t -> t.tick() < tick).toList());
    }

    /** The first bars, measured in the meter the piece starts with. */
    public Score firstBars(int bars) {
        return before(bars * timeSignaturesOrDefault().get(0).barTicks(ticksPerQuarter));
    }

    /** The time signatures, with 4/4 at tick 0 when the file gives none there. */
    public List<TimeSignature> timeSignaturesOrDefault() {
        if (!timeSignatures.isEmpty() && timeSignatures.get(0).tick() == 0) {
            return timeSignatures;
        }
        List<TimeSignature> result = new ArrayList<>(timeSignatures.size() + 1);
        result.add(TimeSignature.COMMON_TIME);
        result.addAll(timeSignatures);
        return result;
    }

    /** The tempo changes, with 120 bpm at tick 0 when the file gives none there. */
    public List<TempoChange> temposOrDefault() {
        if (!tempos.isEmpty() && tempos.get(0).tick() == 0) {
            return tempos;
        }
        List<TempoChange> result = new ArrayList<>(tempos.size() + 1);
        result.add(new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER));
        result.addAll(tempos);
        return result;
    }
}
