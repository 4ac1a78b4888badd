package org.musai.token.bpe;

/**
 * A priority-queue entry proposing a pair for the next merge, with the pair's count when it was queued.
 *
 * <p>Counts change after queuing; the learner re-checks the count when the entry comes out of
 * the queue (lazy invalidation) instead of searching the queue for it.
 * The natural order puts the highest count first and breaks ties by the smaller pair
 * (left id, then right id), so training is reproducible.
 */
record PairCandidate(long pair, int slot, long count) implements Comparable<PairCandidate> {

    @Override
    public int compareTo(PairCandidate other) {
        int byCount = Long.compare(other.count, count);
        return byCount != 0 ? byCount : Long.compare(pair, other.pair);
    }
}
