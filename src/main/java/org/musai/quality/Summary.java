package org.musai.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.musai.midi.MusicMetrics;

/**
 * The figures of a group of pieces. Defect rates are shares of pieces with the defect; the empty-fourth-beat, copy
 * and notes-per-bar figures are pooled over the bars of all pieces; the rest are means over pieces. A figure that
 * does not apply (no 4/4 bar, no requested classes, no pieces) is NaN.
 *
 * @param pieces             pieces in the group
 * @param loopLock           share of pieces with a loop lock
 * @param hugeChord          share with a chord of more than {@value PieceJudge#MAX_CHORD} pitched notes
 * @param onePitchClass      share with one pitch class over 60% of the pitched notes
 * @param mostlySilent       share with 25% or more silent beats
 * @param aboveRange         share with a note above its class's usual range
 * @param anyDefect          share with any of those
 * @param emptyFourthBeat    share of full 4/4 bars with no note starting on the fourth beat
 * @param fourFourBars       full 4/4 bars
 * @param copyShare          share of bars (after the first) identical to the bar before
 * @param longestCopyRun     mean of each piece's longest copy run
 * @param longestCopyRunMax  the longest copy run of any piece
 * @param allRequestedPlay   share of pieces in which every requested class plays
 * @param requestedBarShare  mean share of bars in which a requested class plays
 * @param classesPlaying     mean number of instrument classes that play
 * @param notesPerBar        notes per bar
 * @param metrics            MusPy-style metrics, means over pieces
 */
public record Summary(int pieces, double loopLock, double hugeChord, double onePitchClass, double mostlySilent,
                      double aboveRange, double anyDefect, double emptyFourthBeat, int fourFourBars,
                      double copyShare, double longestCopyRun, int longestCopyRunMax, double allRequestedPlay,
                      double requestedBarShare, double classesPlaying, double notesPerBar, MusicMetrics metrics) {

    public static Summary of(List<PieceFigures> pieces) {
        long bars = 0;
        long notes = 0;
        long compared = 0;
        long copies = 0;
        int fourFour = 0;
        int emptyFourth = 0;
        int longest = 0;
        List<MusicMetrics> metrics = new ArrayList<>();
        for (PieceFigures p : pieces) {
            bars += p.bars();
            notes += p.notes();
            compared += p.comparedBars();
            copies += p.copyBars();
            fourFour += p.fourFourBars();
            emptyFourth += p.emptyFourthBeats();
            longest = Math.max(longest, p.longestCopyRun());
            metrics.add(p.metrics());
        }
        return new Summary(pieces.size(), share(pieces, PieceFigures::loopLock),
                share(pieces, PieceFigures::hugeChord), share(pieces, PieceFigures::onePitchClass),
                share(pieces, PieceFigures::mostlySilent), share(pieces, PieceFigures::aboveRange),
                share(pieces, PieceFigures::anyDefect), ratio(emptyFourth, fourFour), fourFour,
                ratio(copies, compared), mean(pieces, PieceFigures::longestCopyRun), longest,
                mean(pieces, PieceFigures::allRequestedPlay), mean(pieces, PieceFigures::requestedBarShare),
                mean(pieces, PieceFigures::classesPlaying), ratio(notes, bars),
                pieces.isEmpty() ? null : MusicMetrics.mean(metrics));
    }

    private static double share(List<PieceFigures> pieces, Predicate<PieceFigures> defect) {
        return ratio(pieces.stream().filter(defect).count(), pieces.size());
    }

    /** The mean of the values that apply (not NaN), or NaN when none does. */
    private static double mean(List<PieceFigures> pieces, ToDoubleFunction<PieceFigures> value) {
        double sum = 0;
        int count = 0;
        for (PieceFigures p : pieces) {
            double v = value.applyAsDouble(p);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
