package org.musai.token.bpe;

import java.util.Arrays;

/**
 * Training's pair table: for every adjacent pair seen, its weighted count and the words that contain it.
 *
 * <p>Each pair gets a dense slot number; counts and word lists live in arrays indexed by slot.
 * A word list may hold stale entries (words that no longer contain the pair) and repeats;
 * the learner tolerates both, which keeps updates to a cheap append.
 */
final class PairStatistics {

    private static final int INITIAL_SLOTS = 1024;

    private final LongIntHashMap slotByPair;
    private long[] pairs = new long[INITIAL_SLOTS];
    private long[] counts = new long[INITIAL_SLOTS];
    private int[][] words = new int[INITIAL_SLOTS][];
    private int[] wordListSizes = new int[INITIAL_SLOTS];
    private int[] touchedInStep = new int[INITIAL_SLOTS];
    private int slotCount;

    PairStatistics(int expectedPairs) {
        slotByPair = new LongIntHashMap(expectedPairs);
    }

    int slotCount() {
        return slotCount;
    }

    /** The slot of {@code pair}, or {@link LongIntHashMap#ABSENT} if it was never seen. */
    int slotOf(long pair) {
        return slotByPair.get(pair);
    }

    long pair(int slot) {
        return pairs[slot];
    }

    long count(int slot) {
        return counts[slot];
    }

    /** Adds {@code delta} to the count of {@code pair}, creating its slot if needed; returns the slot. */
    int addCount(long pair, long delta) {
        int slot = slotByPair.get(pair);
        if (slot == LongIntHashMap.ABSENT) {
            slot = createSlot(pair);
        }
        counts[slot] += delta;
        return slot;
    }

    /** Records that {@code word} contains the pair in {@code slot}, skipping an immediate repeat. */
    void recordWord(int slot, int word) {
        int size = wordListSizes[slot];
        int[] list = words[slot];
        if (size > 0 && list[size - 1] == word) {
            return;
        }
        if (list == null) {
            list = new int[2];
            words[slot] = list;
        } else if (size == list.length) {
            list = Arrays.copyOf(list, size * 2);
            words[slot] = list;
        }
        list[size] = word;
        wordListSizes[slot] = size + 1;
    }

    /** The words recorded for {@code slot}; only the first {@link #wordListSize(int)} entries are valid. */
    int[] words(int slot) {
        int[] list = words[slot];
        return list == null ? new int[0] : list;
    }

    int wordListSize(int slot) {
        return wordListSizes[slot];
    }

    /** Frees the word list of a pair that has been merged away and can never occur again. */
    void releaseWords(int slot) {
        words[slot] = null;
        wordListSizes[slot] = 0;
    }

    /**
     * Marks {@code slot} as changed in merge step {@code step}; answers true only the first time per step,
     * so the learner queues each changed pair once.
     */
    boolean markTouched(int slot, int step) {
        // Stored as step + 1 so that the zero-filled array means "never touched".
        if (touchedInStep[slot] == step + 1) {
            return false;
        }
        touchedInStep[slot] = step + 1;
        return true;
    }

    private int createSlot(long pair) {
        if (slotCount == pairs.length) {
            int capacity = pairs.length * 2;
            pairs = Arrays.copyOf(pairs, capacity);
            counts = Arrays.copyOf(counts, capacity);
            words = Arrays.copyOf(words, capacity);
            wordListSizes = Arrays.copyOf(wordListSizes, capacity);
            touchedInStep = Arrays.copyOf(touchedInStep, capacity);
        }
        int slot = slotCount++;
        pairs[slot] = pair;
        slotByPair.put(pair, slot);
        return slot;
    }
}
