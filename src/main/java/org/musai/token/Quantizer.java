package org.musai.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.musai.midi.MidiConstants;
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

    /** Instrument keys run from drums (0) through program 127 (128). */
    private static final int MAX_INSTRUMENT = 128;

    private final Quantization q;
    private final int[] nearestDurationLevel;
    private final int[] velocityLevel;

    public Quantizer(Quantization quantization) {
        this.q = quantization;
        int[] durations = q.durations();
        nearestDurationLevel = new int[durations[durations.length - 1] + 1];
        for (int length = 0; length < nearestDurationLevel.length; length++) {
            nearestDurationLevel[length] = q.nearestDurationIndex(length);
        }
        velocityLevel = new int[MidiConstants.KEYS];
        for (int velocity = 0; velocity < velocityLevel.length; velocity++) {
            velocityLevel[velocity] = q.nearestVelocityIndex(velocity);
        }
    }

    /** The quantized score, at {@link Quantization#TICKS_PER_QUARTER}, one track per instrument. */
    public Score quantize(Score score) {
        return quantizePacked(score).toScore(q);
    }

    /** The quantized score in the packed form that encoders read. */
    public QuantizedScore quantizePacked(Score score) {
        int tpq = score.ticksPerQuarter();
        long[] notes = new long[score.noteCount()];
        int count = 0;
        for (Track track : score.tracks()) {
            int instrument = QuantizedScore.instrumentKey(track.program(), track.drum());
            for (Note note : track.notes()) {
                if (note.pitch() < q.config().pitchLow() || note.pitch() > q.config().pitchHigh()) {
                    continue;
                }
                int length = toPositions(note.duration(), tpq);
                notes[count++] = QuantizedScore.pack(toPositions(note.tick(), tpq), instrument, note.pitch(),
                        nearestDurationLevel[Math.min(length, nearestDurationLevel.length - 1)],
                        velocityLevel[note.velocity()]);
            }
        }
        Arrays.sort(notes, 0, count);
        List<TempoChange> tempos = quantizeTempos(score.tempos(), tpq);
        int[] tempoLevels = new int[tempos.size()];
        for (int i = 0; i < tempoLevels.length; i++) {
            tempoLevels[i] = q.nearestTempoIndex(tempos.get(i).bpm());
        }
        return new QuantizedScore(separateRepeatedKeys(notes, count), tempos, tempoLevels,
                quantizeMeters(score.timeSignatures(), tpq));
    }

    /**
     * Within one instrument, a key struck again while it sounds is cut at the new strike, and of two strikes at the
     * same position only the longest stays: a synthesizer plays it so, and note-off events can then say which note
     * ends. The notes are sorted by position, instrument, pitch and duration level.
     */
    private long[] separateRepeatedKeys(long[] notes, int count) {
        int[] lastOfKey = new int[(MAX_INSTRUMENT + 1) * MidiConstants.KEYS];
        Arrays.fill(lastOfKey, -1);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            long note = notes[i];
            int key = QuantizedScore.instrument(note) * MidiConstants.KEYS + QuantizedScore.pitch(note);
            int previous = lastOfKey[key];
            if (previous >= 0) {
                long before = notes[previous];
                int start = QuantizedScore.position(before);
                int gap = QuantizedScore.position(note) - start;
                if (gap == 0) {
                    notes[previous] = note; // sorted by duration, so this strike is the longest
                    continue;
                }
                if (start + q.duration(QuantizedScore.durationLevel(before)) > QuantizedScore.position(note)) {
                    notes[previous] = QuantizedScore.pack(start, QuantizedScore.instrument(before),
                            QuantizedScore.pitch(before), q.floorDurationIndex(gap),
                            QuantizedScore.velocityLevel(before));
                }
            }
            lastOfKey[key] = kept;
            notes[kept++] = note;
        }
        return Arrays.copyOf(notes, kept);
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
