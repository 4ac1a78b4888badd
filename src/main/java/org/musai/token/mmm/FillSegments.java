package org.musai.token.mmm;

import org.musai.token.IntList;

/**
 * Where the fills of a token sequence lie: each runs from a FILL_START to the next FILL_END, or, when the generator
 * stopped early, to the next FILL_START or the end of the document.
 */
final class FillSegments {

    /** Per fill: the index of its FILL_START, the end of its content, and the end of the fill (past any FILL_END). */
    private final IntList bounds;

    private FillSegments(IntList bounds) {
        this.bounds = bounds;
    }

    /** The fills among {@code ids[0..stop)}. */
    static FillSegments find(int[] ids, int stop, int fillStart, int fillEnd) {
        IntList bounds = new IntList(8);
        int i = 0;
        while (i < stop) {
            if (ids[i] != fillStart) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < stop && ids[end] != fillStart && ids[end] != fillEnd) {
                end++;
            }
            bounds.add(start);
            bounds.add(end);
            i = end < stop && ids[end] == fillEnd ? end + 1 : end;
            bounds.add(i);
        }
        return new FillSegments(bounds);
    }

    int count() {
        return bounds.size() / 3;
    }

    /** Index of the fill's FILL_START. */
    int start(int fill) {
        return bounds.get(3 * fill);
    }

    /** First index of the fill's content. */
    int contentStart(int fill) {
        return bounds.get(3 * fill) + 1;
    }

    /** One past the last index of the fill's content. */
    int contentEnd(int fill) {
        return bounds.get(3 * fill + 1);
    }

    /** One past the fill's last token, its FILL_END included. */
    int end(int fill) {
        return bounds.get(3 * fill + 2);
    }
}
