package org.musai.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.musai.midi.TimeSignature;

/**
 * The value tables a tokenizer config implies: durations and rests in grid positions, velocity and tempo levels,
 * and the time signatures that have a token. Immutable and thread-safe.
 */
public final class Quantization {

    /**
     * The resolution of decoded and quantized scores: divisible by 8, 4 and 3 subdivisions of a beat, and the
     * resolution most DAWs use.
     */
    public static final int TICKS_PER_QUARTER = 480;

    /** Time signature denominators with tokens, each with the numerators it allows. */
    private static final int[][] METERS = {{2, 1, 4}, {4, 1, 8}, {8, 2, 16}};

    private final TokenizerConfig config;
    private final int positionsPerBeat;
    private final int ticksPerPosition;
    private final int[] durations;
    private final int[] rests;
    private final int[] velocities;
    private final double[] temposBpm;
    private final List<TimeSignature> meters;
    private final int maxBarPositions;

    public Quantization(TokenizerConfig config) {
        this.config = config;
        this.positionsPerBeat = config.positionsPerBeat();
        if (TICKS_PER_QUARTER % positionsPerBeat != 0) {
            throw new IllegalArgumentException("positions per beat must divide " + TICKS_PER_QUARTER);
        }
        this.ticksPerPosition = TICKS_PER_QUARTER / positionsPerBeat;
        this.durations = lengths(config.durationResolution());
        this.rests = lengths(config.restResolution());
        this.velocities = new int[config.velocityBins()];
        for (int i = 0; i < velocities.length; i++) {
            // MidiTok's bins: the upper edges of equal slices of 0-127, truncated to integers
            velocities[i] = (int) ((i + 1) * 127.0 / config.velocityBins());
        }
        this.temposBpm = new double[config.tempoBins()];
        for (int i = 0; i < temposBpm.length; i++) {
            double bpm = temposBpm.length == 1 ? config.tempoMinBpm()
                    : config.tempoMinBpm() + i * (config.tempoMaxBpm() - config.tempoMinBpm()) / (temposBpm.length - 1);
            temposBpm[i] = Math.round(bpm * 100) / 100.0;
        }
        List<TimeSignature> list = new ArrayList<>();
        int maxBar = 0;
        for (int[] meter : METERS) {
            for (int numerator = meter[1]; numerator <= meter[2]; numerator++) {
                TimeSignature ts = new TimeSignature(0, numerator, meter[0]);
                list.add(ts);
                maxBar = Math.max(maxBar, barPositions(ts));
            }
        }
        this.meters = List.copyOf(list);
        this.maxBarPositions = maxBar;
    }

    /** Every length of a range table, in positions, ascending. */
    private int[] lengths(List<TokenizerConfig.BeatRange> ranges) {
        List<Integer> values = new ArrayList<>();
        for (TokenizerConfig.BeatRange range : ranges) {
            int step = positionsPerBeat / range.positionsPerBeat();
            int from = range.fromBeat() * positionsPerBeat + step;
            for (int length = from; length <= range.toBeat() * positionsPerBeat; length += step) {
                values.add(length);
            }
        }
        return values.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }

    public TokenizerConfig config() {
        return config;
    }

    public int positionsPerBeat() {
        return positionsPerBeat;
    }

    /** Ticks of one grid position at {@link #TICKS_PER_QUARTER}. */
    public int ticksPerPosition() {
        return ticksPerPosition;
    }

    /** Duration levels in positions, ascending. */
    public int[] durations() {
        return durations.clone();
    }

    public int durationCount() {
        return durations.length;
    }

    public int duration(int index) {
        return durations[index];
    }

    /** Rest levels in positions, ascending. */
    public int restCount() {
        return rests.length;
    }

    public int rest(int index) {
        return rests[index];
    }

    public int velocityCount() {
        return velocities.length;
    }

    public int velocity(int index) {
        return velocities[index];
    }

    public int tempoCount() {
        return temposBpm.length;
    }

    public double tempoBpm(int index) {
        return temposBpm[index];
    }

    /** The Set Tempo value of a tempo level, the same wherever it is computed. */
    public int tempoMicros(int index) {
        return (int) Math.round(60_000_000.0 / temposBpm[index]);
    }

    /** The time signatures that have tokens. */
    public List<TimeSignature> meters() {
        return meters;
    }

    /** The longest bar of any meter, in positions: the number of Position tokens. */
    public int maxBarPositions() {
        return maxBarPositions;
    }

    /** Bar length of a meter in positions. */
    public int barPositions(TimeSignature ts) {
        return ts.numerator() * positionsPerBeat * 4 / ts.denominator();
    }

    /** Index of the meter, or -1 when it has no token. */
    public int meterIndex(TimeSignature ts) {
        for (int i = 0; i < meters.size(); i++) {
            if (meters.get(i).sameMeter(ts)) {
                return i;
            }
        }
        return -1;
    }

    /** The duration level nearest to a length in positions (ties to the shorter one). */
    public int nearestDurationIndex(int positions) {
        return nearest(durations, positions);
    }

    /** The longest duration level that does not exceed a length in positions (at least the shortest level). */
    public int floorDurationIndex(int positions) {
        int index = 0;
        while (index + 1 < durations.length && durations[index + 1] <= positions) {
            index++;
        }
        return index;
    }

    /** The longest rest level that does not exceed a gap, or -1 when the gap is shorter than every level. */
    public int floorRestIndex(int positions) {
        int index = -1;
        while (index + 1 < rests.length && rests[index + 1] <= positions) {
            index++;
        }
        return index;
    }

    public int nearestVelocityIndex(int velocity) {
        return nearest(velocities, velocity);
    }

    public int nearestTempoIndex(double bpm) {
        int best = 0;
        for (int i = 1; i < temposBpm.length; i++) {
            if (Math.abs(temposBpm[i] - bpm) < Math.abs(temposBpm[best] - bpm)) {
                best = i;
            }
        }
        return best;
    }

    private static int nearest(int[] sorted, int value) {
        int best = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (Math.abs(sorted[i] - value) < Math.abs(sorted[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    /** A length in positions written as MidiTok writes it: beats.positions.resolution, e.g. "4.1.4". */
    public String beatsLabel(int positions, List<TokenizerConfig.BeatRange> ranges) {
        int beats = positions / positionsPerBeat;
        int rest = positions % positionsPerBeat;
        int resolution = positionsPerBeat;
        for (TokenizerConfig.BeatRange range : ranges) {
            if (positions > range.fromBeat() * positionsPerBeat && positions <= range.toBeat() * positionsPerBeat) {
                resolution = range.positionsPerBeat();
            }
        }
        return String.format(Locale.ROOT, "%d.%d.%d", beats, rest * resolution / positionsPerBeat, resolution);
    }
}
