package org.musai.studio.pianoroll;

import java.util.Arrays;
import java.util.List;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;

/**
 * Every note of a score in one set of parallel arrays sorted by onset, with a running maximum of note ends, so that
 * the notes sounding in a time window are found by two binary searches. Immutable once built.
 */
final class NoteIndex {

    /** Velocities are drawn in this many steps of strength, so that neighbouring notes share a colour. */
    static final int VELOCITY_STEPS = 8;
    /** MIDI velocities run 0-127. */
    private static final int VELOCITY_RANGE = 128;
    private static final int INDEX_BITS = 32;
    private static final long INDEX_MASK = 0xFFFF_FFFFL;

    private final int[] start;
    private final int[] end;
    private final byte[] pitch;
    private final byte[] velocityStep;
    private final int[] track;
    private final int[] maxEndSoFar;
    private final int[] trackClass;
    private final int lowestPitch;
    private final int highestPitch;

    private NoteIndex(int[] start, int[] end, byte[] pitch, byte[] velocityStep, int[] track, int[] trackClass) {
        this.start = start;
        this.end = end;
        this.pitch = pitch;
        this.velocityStep = velocityStep;
        this.track = track;
        this.trackClass = trackClass;
        maxEndSoFar = new int[start.length];
        int maxEnd = 0;
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int i = 0; i < start.length; i++) {
            maxEnd = Math.max(maxEnd, end[i]);
            maxEndSoFar[i] = maxEnd;
            low = Math.min(low, pitch[i]);
            high = Math.max(high, pitch[i]);
        }
        lowestPitch = low;
        highestPitch = high;
    }

    /** The index of a score's notes; an empty index for an empty score. */
    static NoteIndex of(Score score) {
        List<Track> tracks = score.tracks();
        int size = score.noteCount();
        long[] order = new long[size];
        int k = 0;
        for (int t = 0; t < tracks.size(); t++) {
            for (Note note : tracks.get(t).notes()) {
                order[k] = ((long) note.tick() << INDEX_BITS) | k;
                k++;
            }
        }
        Arrays.sort(order);
        Note[] flat = new Note[size];
        int[] trackOfFlat = new int[size];
        k = 0;
        for (int t = 0; t < tracks.size(); t++) {
            for (Note note : tracks.get(t).notes()) {
                flat[k] = note;
                trackOfFlat[k] = t;
                k++;
            }
        }
        int[] trackClass = new int[tracks.size()];
        for (int t = 0; t < tracks.size(); t++) {
            trackClass[t] = NotePalette.colourOf(tracks.get(t).instrumentClass(), InstrumentColors.shadeOf(tracks, t));
        }
        int[] start = new int[size];
        int[] end = new int[size];
        byte[] pitch = new byte[size];
        byte[] velocityStep = new byte[size];
        int[] track = new int[size];
        for (int i = 0; i < size; i++) {
            int source = (int) (order[i] & INDEX_MASK);
            Note note = flat[source];
            start[i] = note.tick();
            end[i] = note.end();
            pitch[i] = (byte) note.pitch();
            velocityStep[i] = (byte) (note.velocity() * VELOCITY_STEPS / VELOCITY_RANGE);
            track[i] = trackOfFlat[source];
        }
        return new NoteIndex(start, end, pitch, velocityStep, track, trackClass);
    }

    /** Number of notes. */
    int size() {
        return start.length;
    }

    /** The first note that may still sound at or after {@code tick}: every earlier one has ended by then. */
    int firstEndingAfter(long tick) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEndSoFar[mid] > tick) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first note that starts at or after {@code tick}. */
    int firstStartingFrom(long tick) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] >= tick) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    int pitch(int i) {
        return pitch[i];
    }

    /** The note's velocity in steps 0 to {@link #VELOCITY_STEPS} - 1. */
    int velocityStep(int i) {
        return velocityStep[i];
    }

    /** Index in the score of the note's track. */
    int track(int i) {
        return track[i];
    }

    /** The colour of a track: its class and shade, as {@link NotePalette#colourOf} numbers them. */
    int colourOfTrack(int trackIndex) {
        return trackClass[trackIndex];
    }

    /** Number of tracks in the score. */
    int trackCount() {
        return trackClass.length;
    }

    /** Whether there are no notes. */
    boolean isEmpty() {
        return size() == 0;
    }

    /** Lowest pitch used; meaningless when empty. */
    int lowestPitch() {
        return lowestPitch;
    }

    /** Highest pitch used; meaningless when empty. */
    int highestPitch() {
        return highestPitch;
    }
}
