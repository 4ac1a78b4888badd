package org.musai.token.bpe;

/**
 * Packs an ordered pair of non-negative ids into one {@code long}, so pairs can key primitive maps.
 *
 * <p>The left id occupies the high 32 bits, so comparing packed keys as signed longs orders pairs
 * by left id, then right id: the deterministic tie-break that training relies on.
 */
final class PairKey {

    private PairKey() {
    }

    static long pack(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFF_FFFFL);
    }

    static int left(long pair) {
        return (int) (pair >>> 32);
    }

    static int right(long pair) {
        return (int) pair;
    }
}
