package org.musai.studio.pianoroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;

/** A busy random score, the same for the same seed: what the piano roll's tests and benchmark draw. */
public final class SyntheticScore {

    static final int TICKS_PER_QUARTER = 480;
    static final int BAR_4_4 = 4 * TICKS_PER_QUARTER;
    private static final int SIXTEENTH = TICKS_PER_QUARTER / 4;
    private static final int SIXTEENTHS_PER_BAR = 16;
    private static final int LONGEST_IN_SIXTEENTHS = 8;
    private static final int SOFTEST = 40;
    private static final int VELOCITY_SPREAD = 88;
    /** Programs of the synthetic tracks: piano, guitar, bass, strings, brass, synth lead, synth pad; then drums. */
    private static final int[] PROGRAMS = {0, 24, 32, 48, 56, 80, 88};
    private static final int DRUM_TRACK = PROGRAMS.length;

    private SyntheticScore() {
    }

    /**
     * Random notes, the same for the same seed, over {@code bars} bars of 4/4, in seven pitched tracks of different
     * classes and one drum track.
     */
    public static Score of(int noteCount, int bars, long seed) {
        Random random = new Random(seed);
        List<List<Note>> notes = new ArrayList<>();
        for (int t = 0; t <= DRUM_TRACK; t++) {
            notes.add(new ArrayList<>());
        }
        for (int i = 0; i < noteCount; i++) {
            int track = i % notes.size();
            int tick = random.nextInt(bars) * BAR_4_4 + random.nextInt(SIXTEENTHS_PER_BAR) * SIXTEENTH;
            int duration = (1 + random.nextInt(LONGEST_IN_SIXTEENTHS)) * SIXTEENTH;
            int low = track == DRUM_TRACK ? 35 : track == 2 ? 28 : 48;
            int pitch = low + random.nextInt(track == DRUM_TRACK ? 25 : 36);
            int velocity = SOFTEST + random.nextInt(VELOCITY_SPREAD);
            notes.get(track).add(new Note(tick, duration, pitch, velocity));
        }
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < notes.size(); t++) {
            List<Note> sorted = notes.get(t).stream().sorted().toList();
            tracks.add(t == DRUM_TRACK ? new Track("drums", 0, true, sorted)
                    : new Track("track " + t, PROGRAMS[t], false, sorted));
        }
        return new Score(TICKS_PER_QUARTER, tracks, List.of(), List.of());
    }
}
