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

    /**
     * Notes, tempos and meters from this many quarter-note beats on are dropped. The longest piece of the shared
     * corpora has about 10,800 beats (a string quartet); 32,768 beats is three times that, 4.5 hours at 120 bpm, and
     * bounds the bars of a document (MMM writes every bar of every track), whatever the delta times or the
     * division of a file say.
     */
    public static final int MAX_LENGTH_BEATS = 32_768;

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

    /** The quantized score in the packed form that encoders read, with what quantizing lost. */
    public QuantizedScore quantizePacked(Score score) {
        int tpq = score.ticksPerQuarter();
        long positionLimit = (long) MAX_LENGTH_BEATS * q.positionsPerBeat();
        int longestDuration = nearestDurationLevel.length - 1;
        long[] notes = new long[score.noteCount()];
        int count = 0;
        LossCounts loss = new LossCounts();
        for (Track track : score.tracks()) {
            int instrument = QuantizedScore.instrumentKey(track.program(), track.drum());
            for (Note note : track.notes()) {
                if (note.pitch() < q.config().pitchLow() || note.pitch() > q.config().pitchHigh()) {
                    loss.outOfPitchRange++;
                    continue;
                }
                long position = toPositions(note.tick(), tpq);
                if (position >= positionLimit) {
                    loss.beyondLengthLimit++;
                    continue;
                }
                long length = toPositions(note.duration(), tpq);
                if (note.duration() == 0) {
                    loss.zeroLengthExtended++;
                } else if (length > longestDuration) {
                    loss.durationsClipped++;
                }
                notes[count++] = QuantizedScore.pack((int) position, instrument, note.pitch(),
                        nearestDurationLevel[(int) Math.min(length, longestDuration)], velocityLevel[note.velocity()]);
            }
        }
        Arrays.sort(notes, 0, count);
        long[] separated = separateRepeatedKeys(notes, count, loss);
        List<TempoChange> tempos = quantizeTempos(score.tempos(), tpq, positionLimit);
        int[] tempoLevels = new int[tempos.size()];
        for (int i = 0; i < tempoLevels.length; i++) {
            tempoLevels[i] = q.nearestTempoIndex(tempos.get(i).bpm());
        }
        return new QuantizedScore(separated, tempos, tempoLevels,
                quantizeMeters(score.timeSignatures(), tpq, positionLimit), loss.toNoteLoss());
    }

    /** Counts of what quantizing one score loses, as it goes. */
    private static final class LossCounts {
        long outOfPitchRange;
        long beyondLengthLimit;
        long sameOnsetMerged;
        long overlapsShortened;
        long durationsClipped;
        long zeroLengthExtended;

        NoteLoss toNoteLoss() {
            return new NoteLoss(outOfPitchRange, beyondLengthLimit, sameOnsetMerged, 0, overlapsShortened,
                    durationsClipped, zeroLengthExtended);
        }
    }

    /**
     * Within one instrument, a key struck again while it sounds is cut at the new strike, and of two strikes at the
     * same position only the longest stays: a synthesizer plays it so, and note-off events can then say which note
     * ends. The notes are sorted by position, instrument, pitch and duration level.
     */
    private long[] separateRepeatedKeys(long[] notes, int count, LossCounts loss) {
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
                    loss.sameOnsetMerged++;
                    continue;
                }
                if (start + q.duration(QuantizedScore.durationLevel(before)) > QuantizedScore.position(note)) {
                    notes[previous] = QuantizedScore.pack(start, QuantizedScore.instrument(before),
                            QuantizedScore.pitch(before), q.floorDurationIndex(gap),
                            QuantizedScore.velocityLevel(before));
                    loss.overlapsShortened++;
                }
            }
            lastOfKey[key] = kept;
            notes[kept++] = note;
        }
        return Arrays.copyOf(notes, kept);
    }

    /**
     * Meter changes move to the next bar line of the meter before them; meters without a token become 4/4; changes
     * at or after the length limit are dropped.
     */
    private List<TimeSignature> quantizeMeters(List<TimeSignature> source, int tpq, long positionLimit) {
        List<TimeSignature> meters = new ArrayList<>(List.of(TimeSignature.COMMON_TIME));
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (TimeSignature ts : source) {
            long position = toPositions(ts.tick(), tpq);
            if (position >= positionLimit) {
                continue;
            }
            TimeSignature meter = q.meterIndex(ts) >= 0 ? ts : TimeSignature.COMMON_TIME;
            int last = meters.size() - 1;
            int lastStart = starts.get(last);
            int barLength = q.barPositions(meters.get(last));
            int bars = (int) (Math.max(0, position - lastStart + barLength - 1) / barLength);
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

    /**
     * Tempos move to the grid and to their nearest level; a change to the level already playing is dropped, and so
     * are changes at or after the length limit.
     */
    private List<TempoChange> quantizeTempos(List<TempoChange> source, int tpq, long positionLimit) {
        List<TempoChange> result = new ArrayList<>();
        result.add(new TempoChange(0, q.tempoMicros(q.nearestTempoIndex(TEMPO_WITHOUT_EVENT_BPM))));
        for (TempoChange tempo : source) {
            long position = toPositions(tempo.tick(), tpq);
            if (position >= positionLimit) {
                continue;
            }
            int tick = (int) position * q.ticksPerPosition();
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

    /**
     * Ticks at a file's resolution to grid positions, rounding half up; in long, since a file of one tick per
     * quarter puts ticks near the int limit at billions of positions.
     */
    private long toPositions(long ticks, int tpq) {
        return (ticks * q.positionsPerBeat() * 2 + tpq) / (2L * tpq);
    }
}
