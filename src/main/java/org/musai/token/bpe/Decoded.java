package org.musai.token.bpe;

import java.util.Arrays;

/**
 * The base ids that {@link BpeModel#decode(int[])} expanded, with the number of unknown ids it skipped.
 *
 * <p>Equality compares the id contents, not the array identity.
 *
 * @param ids     the expanded base ids, a fresh array owned by the caller
 * @param skipped how many input ids were negative or outside the vocabulary and were left out
 */
public record Decoded(int[] ids, int skipped) {

    /** Rejects a missing array or a negative count. */
    public Decoded {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must be non-negative, got " + skipped);
        }
    }

    /** Whether every input id was known, so that {@link #ids()} is the complete expansion. */
    public boolean complete() {
        return skipped == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decoded that && skipped == that.skipped && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + skipped;
    }

    @Override
    public String toString() {
        return "Decoded[ids=" + Arrays.toString(ids) + ", skipped=" + skipped + "]";
    }
}
