package org.musai.token.bpe;

import java.util.Arrays;

/**
 * An immutable copy of an id sequence with content equality and a cached hash, used as a word key.
 *
 * <p>The same word recurs thousands of times in a corpus, so the hash is computed once at
 * construction instead of on every map probe.
 */
final class IntSequence {

    private final int[] ids;
    private final int hash;

    private IntSequence(int[] ownedIds) {
        this.ids = ownedIds;
        this.hash = Arrays.hashCode(ownedIds);
    }

    /** A sequence holding a copy of {@code source[from, to)}. */
    static IntSequence copyOf(int[] source, int from, int to) {
        return new IntSequence(Arrays.copyOfRange(source, from, to));
    }

    int length() {
        return ids.length;
    }

    /** A fresh, mutable copy of the ids. */
    int[] toArray() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntSequence that && hash == that.hash && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
