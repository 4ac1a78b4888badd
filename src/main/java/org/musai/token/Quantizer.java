package org.musai.token;

import java.util.ArrayList;
import java.util.List;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;

/**
 * Snaps a score to what tokens can say: onsets to the grid, durations, velocities and tempos to their levels,
 * meter changes to bar lines, one track per instrument, no two notes of one key overlapping. Decoding the tokens of
 * a score gives back exactly its quantized form. Stateless and thread-safe.
 */
public final class Quantizer {

    /** A file plays at 120 bpm until its first Set Tempo event. */
    private static final double TEMPO_WITHOUT_EVENT_BPM = 120.0;

    private final Quantization q;

    public Quantizer(Quantization quantization) {
        this.q = quantization;
    }

    /** The quantized score, at {@link Quantization#TICKS_PER_QUARTER}. */
    public Score quantize(Score score) {
        int tpq = score.ticksPerQuarter();
        List<TimeSignature> meters = quantizeMeters(score.timeSignatures(), tpq);
        List<TempoChange> tempos = quantizeTempos(score.tempos(), tpq);
        CanonicalTracks tracks = new CanonicalTracks();
        for (Track track : score.tracks()) {
            for (Note note : track.notes()) {
                if (note.pitch() < q.config().pitchLow() || note.pitch() > q.config().pitchHigh()) {
                    continue;
                }
                int onset = toPositions(note.tick(), tpq);
                int duration = q.duration(q.nearestDurationIndex(toPositions(note.duration(), tpq)));
                int velocity = q.velocity(q.nearestVelocityIndex(note.velocity()));
                tracks.add(track.program(), track.drum(), new Note(onset, duration, note.pitch(), velocity));
            }
        }
        List<Track> result = new ArrayList<>();
        for (Track track : tracks.toTracks()) {
            result.add(new Track(track.name(), track.program(), track.drum(), separateRepeatedKeys(track.notes())));
        }
        return new Score(Quantization.TICKS_PER_QUARTER, result, tempos, meters);
    }

    /**
     * Within one instrument, a key struck again while it sounds is cut at the new strike, and of two strikes at the
     * same position only the longest stays: a synthesizer plays it so, and note-off events can then say which note
     * ends. Notes arrive sorted by onset, pitch and duration, in positions; they leave in ticks.
     */
    private List<Note> separateRepeatedKeys(List<Note> notes) {
        int[] lastIndexOfKey = new int[128];
        java.util.Arrays.fill(lastIndexOfKey, -1);
        List<Note> kept = new ArrayList<>(notes.size());
        for (Note note : notes) {
            int previous = lastIndexOfKey[note.pitch()];
            if (previous >= 0) {
                Note before = kept.get(previous);
                if (before.tick() == note.tick()) {
                    kept.set(previous, note); // same onset: sorted by duration, so this one is the longest
                    continue;
                }
                if (before.end() > note.tick()) {
                    int cut = q.duration(q.floorDurationIndex(note.tick() - before.tick()));
                    kept.set(previous, new Note(before.tick(), cut, before.pitch(), before.velocity()));
                }
            }
            lastIndexOfKey[note.pitch()] = kept.size();
            kept.add(note);
        }
        List<Note> inTicks = new ArrayList<>(kept.size());
        int tpp = q.ticksPerPosition();
        for (Note note : kept) {
            inTicks.add(new Note(note.tick() * tpp, note.duration() * tpp, note.pitch(), note.velocity()));
        }
        return inTicks;
    }

    /** Meter changes move to the next bar line of the meter before them; meters without a token become 4/4. */
    private List<TimeSignature> quantizeMeters(List<TimeSignature> source, int tpq) {
        List<TimeSignature> meters = new ArrayList<>(List.of(TimeSignature.COMMON_TIME));
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (TimeSignature ts : source) {
            TimeSignature meter = q.meterIndex(ts) >= 0 ? ts : TimeSignature.COMMON_TIME;
            int last = meters.size() - 1;
            int lastStart = starts.get(last);
            int barLength = q.barPositions(meters.get(last));
            int bars = Math.max(0, toPositions(ts.tick(), tpq) - lastStart + barLength - 1) / barLength;
            int start = lastStart + bars * barLength;
            if (start == lastStart) {
                meters.set(last, meter); // two changes at one bar line: the later one holds
                if (last > 0 && meters.get(last - 1).sameMeter(meter)) {
                    meters.remove(last);
                    starts.remove(last);
                }
            } else if (!meter.sameMeter(meters.get(last))) {
                meters.add(meter);
                starts.add(start);
            }
        }
        List<TimeSignature> result = new ArrayList<>(meters.size());
        for (int i = 0; i < meters.size(); i++) {
            result.add(meters.get(i).at(starts.get(i) * q.ticksPerPosition()));
        }
        return result;
    }

    /** Tempos move to the grid and to their nearest level; a change to the level already playing is dropped. */
    private List<TempoChange> quantizeTempos(List<TempoChange> source, int tpq) {
        List<TempoChange> result = new ArrayList<>();
        result.add(new TempoChange(0, q.tempoMicros(q.nearestTempoIndex(TEMPO_WITHOUT_EVENT_BPM))));
        for (TempoChange tempo : source) {
            int tick = toPositions(tempo.tick(), tpq) * q.ticksPerPosition();
            TempoChange level = new TempoChange(tick, q.tempoMicros(q.nearestTempoIndex(tempo.bpm())));
            int last = result.size() - 1;
            if (result.get(last).tick() == tick) {
                result.set(last, level); // the later event at one position holds
                if (last > 0 && result.get(last - 1).microsPerQuarter() == level.microsPerQuarter()) {
                    result.remove(last);
                }
            } else if (result.get(last).microsPerQuarter() != level.microsPerQuarter()) {
                result.add(level);
            }
        }
        return result;
    }

    /** Ticks at a file's resolution to grid positions, rounding half up. */
    private int toPositions(int ticks, int tpq) {
        return (int) (((long) ticks * q.positionsPerBeat() * 2 + tpq) / (2L * tpq));
    }
}
