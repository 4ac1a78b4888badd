package org.musai.token.mmm;

import java.util.Arrays;

/**
 * The notes of one track that have started and not yet ended, queued per pitch so that a NOTE_OFF ends the
 * earliest open note of its pitch. Not thread-safe.
 */
final class OpenNotes {

    private static final int NONE = -1;

    private final int[] head = new int[128];
    private final int[] tail = new int[128];
    private int[] onset = new int[64];
    private int[] velocityLevel = new int[64];
    private int[] next = new int[64];
    private int count;

    OpenNotes() {
        clear();
    }

    /** Forgets every note, for the next track. */
    void clear() {
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        count = 0;
    }

    void open(int pitch, int onsetPosition, int level) {
        if (count == onset.length) {
            onset = Arrays.copyOf(onset, count * 2);
            velocityLevel = Arrays.copyOf(velocityLevel, count * 2);
            next = Arrays.copyOf(next, count * 2);
        }
        onset[count] = onsetPosition;
        velocityLevel[count] = level;
        next[count] = NONE;
        if (tail[pitch] == NONE) {
            head[pitch] = count;
        } else {
            next[tail[pitch]] = count;
        }
        tail[pitch] = count;
        count++;
    }

    /** The earliest open note of a pitch, or -1 when none is open. */
    int earliest(int pitch) {
        return head[pitch];
    }

    /** Removes the earliest open note of a pitch, which must exist. */
    void closeEarliest(int pitch) {
        int note = head[pitch];
        head[pitch] = next[note];
        if (head[pitch] == NONE) {
            tail[pitch] = NONE;
        }
    }

    int onset(int note) {
        return onset[note];
    }

    int velocityLevel(int note) {
        return velocityLevel[note];
    }

    /** The open note after this one of the same pitch, or -1. */
    int nextOfPitch(int note) {
        return next[note];
    }
}
