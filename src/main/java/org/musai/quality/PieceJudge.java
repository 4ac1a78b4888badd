package org.musai.quality;

import org.musai.midi.BarMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import org.musai.midi.MusicMetrics;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;

/**
 * Judges the first bars of a piece from its score alone (whoever wrote it), as {@link BarMap} counts them. Notes
 * that start in those bars count, cut off at their end. Definitions:
 * <ul>
 * <li>A bar's content is the set of (onset within the bar, pitch, instrument class) of the notes that start in it;
 * velocity and duration do not count. A bar is a <b>copy</b> when it has notes, the length of the bar before and
 * the same content.</li>
 * <li><b>Loop lock</b>: at least {@value #LOOP_LOCK_RUN} copies in a row (so five or more identical bars).</li>
 * <li><b>Huge chord</b>: more than {@value #MAX_CHORD} pitched notes (drums aside, doublings counted) starting at
 * one tick.</li>
 * <li><b>One pitch class</b>: more than 60% of the pitched notes in one pitch class.</li>
 * <li><b>Mostly silent</b>: no note (drums included) sounding in 25% or more of the beats. A beat is a note value
 * of the time signature's denominator (a quarter in 3/4, an eighth in 6/8); the last beat of a short bar may be
 * shorter.</li>
 * <li><b>Above range</b>: a pitched note above the usual highest pitch of its class ({@link UsualRange}).</li>
 * <li><b>Empty fourth beat</b>: a full 4/4 bar in which no note starts in the fourth quarter.</li>
 * <li>A class <b>plays</b> in a bar when one of its notes sounds there (a note of no length at its onset).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class PieceJudge {

    /** Copies in a row that make a loop lock. */
    public static final int LOOP_LOCK_RUN = 4;
    /** The most pitched notes that may start together: two hands of a piano and then some. */
    public static final int MAX_CHORD = 8;
    /** More of the pitched notes than this in one pitch class is a drone, not a melody or harmony. */
    public static final double PITCH_CLASS_LIMIT = 0.6;
    /** This share of silent beats or more is a defect. */
    public static final double SILENT_BEAT_LIMIT = 0.25;

    private static final int PITCH_CLASSES = 12;
    private static final int FOUR = 4;

    private final UsualRange range;

    public PieceJudge(UsualRange range) {
        this.range = range;
    }

    /**
     * The figures of the first {@code bars} bars of a score.
     *
     * @param requested the classes asked to play, or null when any may (then presence is not judged)
     */
    public PieceFigures judge(Score score, int bars, Set<InstrumentClass> requested) {
        if (bars < 1) {
            throw new IllegalArgumentException("judge at least one bar, not " + bars);
        }
        BarMap map = BarMap.of(score, bars);
        Score opening = opening(score, map.end());
        int tpq = score.ticksPerQuarter();

        List<Set<Long>> contents = new ArrayList<>();
        boolean[] fourthStruck = new boolean[bars];
        for (int b = 0; b < bars; b++) {
            contents.add(new HashSet<>());
        }
        Map<Integer, Integer> pitchedOnsets = new HashMap<>();
        int[] pitchClasses = new int[PITCH_CLASSES];
        int pitched = 0;
        int notes = 0;
        int above = 0;
        Beats beats = new Beats(map, tpq);
        Set<InstrumentClass> playing = EnumSet.noneOf(InstrumentClass.class);
        Map<InstrumentClass, boolean[]> barsPlayed = new EnumMap<>(InstrumentClass.class);
        for (Track track : opening.tracks()) {
            InstrumentClass c = track.instrumentClass();
            boolean[] played = barsPlayed.computeIfAbsent(c, k -> new boolean[bars]);
            for (Note note : track.notes()) {
                notes++;
                playing.add(c);
                int bar = map.barAt(note.tick());
                contents.get(bar).add(((long) (note.tick() - map.start(bar)) << 16) | ((long) c.ordinal() << 8)
                        | note.pitch());
                if (isFullFourFour(map, bar) && note.tick() - map.start(bar) >= (FOUR - 1) * tpq) {
                    fourthStruck[bar] = true;
                }
                int soundingEnd = Math.max(note.tick() + 1, note.end());
                for (int b = bar; b < bars && map.start(b) < soundingEnd; b++) {
                    played[b] = true;
                }
                beats.sound(note.tick(), soundingEnd);
                if (!track.drum()) {
                    pitched++;
                    pitchClasses[note.pitch() % PITCH_CLASSES]++;
                    pitchedOnsets.merge(note.tick(), 1, Integer::sum);
                    above += range.above(c, note.pitch()) ? 1 : 0;
                }
            }
        }

        int copies = 0;
        int run = 0;
        int longestRun = 0;
        for (int b = 1; b < bars; b++) {
            boolean copy = !contents.get(b).isEmpty() && length(map, b) == length(map, b - 1)
                    && contents.get(b).equals(contents.get(b - 1));
            copies += copy ? 1 : 0;
            run = copy ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        int fourFour = 0;
        int emptyFourth = 0;
        for (int b = 0; b < bars; b++) {
            if (isFullFourFour(map, b)) {
                fourFour++;
                emptyFourth += fourthStruck[b] ? 0 : 1;
            }
        }
        int topClass = 0;
        for (int count : pitchClasses) {
            topClass = Math.max(topClass, count);
        }
        int largestChord = 0;
        for (int count : pitchedOnsets.values()) {
            largestChord = Math.max(largestChord, count);
        }
        double allPlay = Double.NaN;
        double barShare = Double.NaN;
        if (requested != null && !requested.isEmpty()) {
            allPlay = playing.containsAll(requested) ? 1 : 0;
            double sum = 0;
            for (InstrumentClass c : requested) {
                boolean[] played = barsPlayed.get(c);
                int count = 0;
                for (int b = 0; played != null && b < bars; b++) {
                    count += played[b] ? 1 : 0;
                }
                sum += (double) count / bars;
            }
            barShare = sum / requested.size();
        }
        return new PieceFigures(bars, notes, copies, longestRun, largestChord,
                pitched == 0 ? 0 : (double) topClass / pitched, beats.silentShare(), above, fourFour, emptyFourth,
                playing.size(), allPlay, barShare, MusicMetrics.of(opening));
    }

    /** The notes that start before a tick, cut off there. */
    static Score opening(Score score, int end) {
        List<Track> tracks = new ArrayList<>();
        for (Track track : score.tracks()) {
            List<Note> kept = new ArrayList<>();
            for (Note note : track.notes()) {
                if (note.tick() < end) {
                    kept.add(note.end() <= end ? note
                            : new Note(note.tick(), end - note.tick(), note.pitch(), note.velocity()));
                }
            }
            if (!kept.isEmpty()) {
                tracks.add(new Track(track.name(), track.program(), track.drum(), kept));
            }
        }
        return score.withTracks(tracks);
    }

    private static int length(BarMap map, int bar) {
        return map.end(bar) - map.start(bar);
    }

    private static boolean isFullFourFour(BarMap map, int bar) {
        return map.meter(bar).numerator() == FOUR && map.meter(bar).denominator() == FOUR && map.isFull(bar);
    }

    /** The beats of the bars judged, and whether a note sounds in each. */
    private static final class Beats {
        private final int[] starts;
        private final boolean[] sounding;

        Beats(BarMap map, int tpq) {
            List<Integer> list = new ArrayList<>();
            for (int b = 0; b < map.bars(); b++) {
                int beat = Math.max(1, tpq * FOUR / map.meter(b).denominator());
                for (int t = map.start(b); t < map.end(b); t += beat) {
                    list.add(t);
                }
            }
            list.add(map.end());
            starts = list.stream().mapToInt(Integer::intValue).toArray();
            sounding = new boolean[starts.length - 1];
        }

        /** A note sounds from {@code from} up to (not including) {@code to}. */
        void sound(int from, int to) {
            int beat = java.util.Arrays.binarySearch(starts, from);
            beat = beat >= 0 ? beat : -beat - 2;
            for (int i = Math.max(0, beat); i < sounding.length && starts[i] < to; i++) {
                sounding[i] = true;
            }
        }

        double silentShare() {
            int silent = 0;
            for (boolean s : sounding) {
                silent += s ? 0 : 1;
            }
            return sounding.length == 0 ? 0 : (double) silent / sounding.length;
        }
    }
}
