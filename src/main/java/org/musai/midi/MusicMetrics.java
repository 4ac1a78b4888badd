package org.musai.midi;

import java.util.ArrayList;
import java.util.List;

/**
 * Objective descriptions of a piece in the sense of MusPy (Dong et al., 2020), to compare generated music with
 * training music: pitch range, pitch-class entropy, polyphony, scale consistency, empty-beat rate, groove
 * consistency and note density. Drums count only for rhythm (empty beats, groove, density).
 *
 * @param pitchRange         highest minus lowest pitched note
 * @param pitchClassEntropy  Shannon entropy of the pitch-class histogram, in bits (0-3.58)
 * @param polyphony          mean number of pitched notes sounding when any sounds
 * @param scaleConsistency   the largest share of pitched notes inside one major or minor scale
 * @param emptyBeatRate      share of beats in which no note sounds
 * @param grooveConsistency  1 minus the mean difference of onset patterns between neighbouring bars
 * @param noteDensity        notes per beat
 */
public record MusicMetrics(double pitchRange, double pitchClassEntropy, double polyphony, double scaleConsistency,
                           double emptyBeatRate, double grooveConsistency, double noteDensity) {

    /** Onset grid of the groove measure: sixteenth notes. */
    private static final int GRID_PER_BEAT = 4;
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    /** The metrics of a score; a score without notes gives zeros. */
    public static MusicMetrics of(Score score) {
        List<Note> pitched = new ArrayList<>();
        List<Note> all = new ArrayList<>();
        for (Track track : score.tracks()) {
            all.addAll(track.notes());
            if (!track.drum()) {
                pitched.addAll(track.notes());
            }
        }
        if (all.isEmpty()) {
            return new MusicMetrics(0, 0, 0, 0, 0, 0, 0);
        }
        int tpq = score.ticksPerQuarter();
        int beats = Math.max(1, (int) Math.ceil((double) score.endTick() / tpq));
        return new MusicMetrics(pitchRange(pitched), pitchClassEntropy(pitched), polyphony(pitched, tpq),
                scaleConsistency(pitched), emptyBeatRate(all, tpq, beats), grooveConsistency(all, score),
                (double) all.size() / beats);
    }

    /** The mean of each metric over several pieces. */
    public static MusicMetrics mean(List<MusicMetrics> metrics) {
        double[] sums = new double[7];
        for (MusicMetrics m : metrics) {
            double[] v = m.values();
            for (int i = 0; i < sums.length; i++) {
                sums[i] += v[i];
            }
        }
        int n = Math.max(1, metrics.size());
        return new MusicMetrics(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n,
                sums[6] / n);
    }

    /** The values in the order of the record's components. */
    public double[] values() {
        return new double[]{pitchRange, pitchClassEntropy, polyphony, scaleConsistency, emptyBeatRate,
                grooveConsistency, noteDensity};
    }

    private static double pitchRange(List<Note> notes) {
        int low = 127;
        int high = 0;
        for (Note note : notes) {
            low = Math.min(low, note.pitch());
            high = Math.max(high, note.pitch());
        }
        return notes.isEmpty() ? 0 : high - low;
    }

    private static double pitchClassEntropy(List<Note> notes) {
        double[] counts = new double[12];
        for (Note note : notes) {
            counts[note.pitch() % 12]++;
        }
        double entropy = 0;
        for (double count : counts) {
            if (count > 0) {
                double p = count / notes.size();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }

    /** Sounding notes counted on a grid of sixteenths, over the steps where at least one sounds. */
    private static double polyphony(List<Note> notes, int tpq) {
        int step = Math.max(1, tpq / GRID_PER_BEAT);
        int end = 0;
        for (Note note : notes) {
            end = Math.max(end, note.end());
        }
        int[] sounding = new int[end / step + 1];
        for (Note note : notes) {
            for (int s = note.tick() / step; s < Math.max(note.tick() / step + 1, note.end() / step); s++) {
                sounding[s]++;
            }
        }
        long sum = 0;
        int active = 0;
        for (int count : sounding) {
            if (count > 0) {
                sum += count;
                active++;
            }
        }
        return active == 0 ? 0 : (double) sum / active;
    }

    private static double scaleConsistency(List<Note> notes) {
        if (notes.isEmpty()) {
            return 0;
        }
        int[] counts = new int[12];
        for (Note note : notes) {
            counts[note.pitch() % 12]++;
        }
        int best = 0;
        for (int root = 0; root < 12; root++) {
            for (int[] scale : new int[][]{MAJOR, MINOR}) {
                int inside = 0;
                for (int degree : scale) {
                    inside += counts[(root + degree) % 12];
                }
                best = Math.max(best, inside);
            }
        }
        return (double) best / notes.size();
    }

    private static double emptyBeatRate(List<Note> notes, int tpq, int beats) {
        boolean[] sounding = new boolean[beats];
        for (Note note : notes) {
            int last = Math.min(beats - 1, Math.max(note.tick(), note.end() - 1) / tpq);
            for (int b = note.tick() / tpq; b <= last; b++) {
                sounding[b] = true;
            }
        }
        int empty = 0;
        for (boolean s : sounding) {
            empty += s ? 0 : 1;
        }
        return (double) empty / beats;
    }

    /** Onset patterns per bar (4/4 assumed where the meter changes), compared bar to bar. */
    private static double grooveConsistency(List<Note> notes, Score score) {
        TimeSignature meter = score.timeSignaturesOrDefault().get(0);
        int barTicks = meter.barTicks(score.ticksPerQuarter());
        int step = Math.max(1, score.ticksPerQuarter() / GRID_PER_BEAT);
        int cells = Math.max(1, barTicks / step);
        int bars = (score.endTick() + barTicks - 1) / barTicks;
        if (bars < 2) {
            return 1;
        }
        boolean[][] pattern = new boolean[bars][cells];
        for (Note note : notes) {
            int bar = note.tick() / barTicks;
            int cell = Math.min(cells - 1, (note.tick() % barTicks) / step);
            pattern[bar][cell] = true;
        }
        double distance = 0;
        for (int b = 0; b + 1 < bars; b++) {
            int differing = 0;
            for (int c = 0; c < cells; c++) {
                differing += pattern[b][c] != pattern[b + 1][c] ? 1 : 0;
            }
            distance += (double) differing / cells;
        }
        return 1 - distance / (bars - 1);
    }
}
