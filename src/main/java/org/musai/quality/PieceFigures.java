package org.musai.quality;

import org.musai.midi.MusicMetrics;

/**
 * What {@link PieceJudge} found in the first bars of one piece.
 *
 * @param bars                bars judged
 * @param notes               notes starting in them, drums included
 * @param copyBars            bars identical to the bar before (see {@link PieceJudge})
 * @param longestCopyRun      the most such bars in a row
 * @param largestChord        the most pitched notes starting at one tick
 * @param topPitchClassShare  the share of pitched notes in the commonest pitch class (0 without pitched notes)
 * @param silentBeatShare     the share of beats in which no note sounds
 * @param notesAboveRange     pitched notes above their class's usual range
 * @param fourFourBars        full 4/4 bars
 * @param emptyFourthBeats    of those, the bars in which no note starts on the fourth beat
 * @param classesPlaying      instrument classes with at least one note
 * @param allRequestedPlay    1 when every requested class has a note, else 0; NaN when no classes were requested
 * @param requestedBarShare   the share of bars in which a requested class sounds, averaged over the requested
 *                            classes; NaN when none were requested
 * @param metrics             MusPy-style metrics of the bars judged
 */
public record PieceFigures(int bars, int notes, int copyBars, int longestCopyRun, int largestChord,
                           double topPitchClassShare, double silentBeatShare, int notesAboveRange, int fourFourBars,
                           int emptyFourthBeats, int classesPlaying, double allRequestedPlay,
                           double requestedBarShare, MusicMetrics metrics) {

    /** At least {@link PieceJudge#LOOP_LOCK_RUN} bars in a row, each identical to the bar before. */
    public boolean loopLock() {
        return longestCopyRun >= PieceJudge.LOOP_LOCK_RUN;
    }

    /** More than {@link PieceJudge#MAX_CHORD} pitched notes starting together. */
    public boolean hugeChord() {
        return largestChord > PieceJudge.MAX_CHORD;
    }

    /** One pitch class holds more than {@link PieceJudge#PITCH_CLASS_LIMIT} of the pitched notes. */
    public boolean onePitchClass() {
        return topPitchClassShare > PieceJudge.PITCH_CLASS_LIMIT;
    }

    /** At least {@link PieceJudge#SILENT_BEAT_LIMIT} of the beats are silent. */
    public boolean mostlySilent() {
        return silentBeatShare >= PieceJudge.SILENT_BEAT_LIMIT;
    }

    /** A pitched note above its class's usual range. */
    public boolean aboveRange() {
        return notesAboveRange > 0;
    }

    /** Any of the five defects. */
    public boolean anyDefect() {
        return loopLock() || hugeChord() || onePitchClass() || mostlySilent() || aboveRange();
    }

    /** Bars compared with the bar before: all but the first. */
    public int comparedBars() {
        return Math.max(0, bars - 1);
    }
}
