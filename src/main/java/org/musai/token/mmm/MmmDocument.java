package org.musai.token.mmm;

import org.musai.token.IntList;

/**
 * The plain MMM document of one score, with where each bar's events lie in it, so that the bar-infill form can be
 * cut out of it without encoding again.
 */
final class MmmDocument {

    private final int[] tokens;
    private final int trackCount;
    private final int barCount;
    /** For track t and bar b, at t * barCount + b: the first index of the bar's events, and one past the last. */
    private final int[] eventsFrom;
    private final int[] eventsTo;

    MmmDocument(int[] tokens, int trackCount, int barCount, int[] eventsFrom, int[] eventsTo) {
        this.tokens = tokens;
        this.trackCount = trackCount;
        this.barCount = barCount;
        this.eventsFrom = eventsFrom;
        this.eventsTo = eventsTo;
    }

    /** The plain form: BOS ... EOS. */
    int[] tokens() {
        return tokens;
    }

    int trackCount() {
        return trackCount;
    }

    int barCount() {
        return barCount;
    }

    /**
     * The infill form: the events of the selected bars of the selected tracks replaced by FILL_PLACEHOLDER, and
     * moved, in document order, between FILL_START and FILL_END after the last track. When {@code prompt}, the form
     * ends right after the first FILL_START.
     *
     * @param tracks   selected track indices, ascending and valid
     * @param firstBar first selected bar, valid
     * @param lastBar  last selected bar, valid and not before {@code firstBar}
     */
    int[] infill(int[] tracks, int firstBar, int lastBar, MmmTokenIds ids, boolean prompt) {
        IntList out = new IntList(tokens.length + 3 * tracks.length * (lastBar - firstBar + 1) + 1);
        int copied = 0;
        for (int track : tracks) {
            for (int bar = firstBar; bar <= lastBar; bar++) {
                int slot = track * barCount + bar;
                copy(copied, eventsFrom[slot], out);
                out.add(ids.fillPlaceholder());
                copied = eventsTo[slot];
            }
        }
        copy(copied, tokens.length - 1, out); // all but the EOS, which ends the fills
        for (int track : tracks) {
            for (int bar = firstBar; bar <= lastBar; bar++) {
                out.add(ids.fillStart());
                if (prompt) {
                    return out.toArray();
                }
                int slot = track * barCount + bar;
                copy(eventsFrom[slot], eventsTo[slot], out);
                out.add(ids.fillEnd());
            }
        }
        out.add(tokens[tokens.length - 1]);
        return out.toArray();
    }

    private void copy(int from, int to, IntList out) {
        for (int i = from; i < to; i++) {
            out.add(tokens[i]);
        }
    }
}
