package org.musai.token.bpe;

/**
 * One learned merge: the adjacent pair ({@code left}, {@code right}) that is replaced by a new id.
 *
 * <p>The new id is not stored: it is {@code baseVocabSize + rank}, where the rank is the merge's
 * position in {@link BpeModel#merges()}.
 *
 * @param left  the id on the left of the pair, a base id or an earlier merge's id
 * @param right the id on the right of the pair, a base id or an earlier merge's id
 */
public record Merge(int left, int right) {

    /** Rejects negative ids, which no vocabulary contains. */
    public Merge {
        if (left < 0 || right < 0) {
            throw new IllegalArgumentException("merge ids must be non-negative, got (" + left + ", " + right + ")");
        }
    }
}
