package org.musai.token.bpe;

/**
 * An open-addressing hash map from non-negative {@code long} keys to non-negative {@code int} values.
 *
 * <p>Training touches pair keys hundreds of millions of times on large corpora; boxing every
 * key into a {@code Long} would dominate the run time and double the memory, hence this map.
 * It never removes entries (training leaves exhausted pairs at count zero instead). Not
 * thread-safe for writes; concurrent reads of a map that is no longer written are safe once
 * it has been safely published.
 */
final class LongIntHashMap {

    /** What {@link #get(long)} answers for a key that is not present. */
    static final int ABSENT = -1;

    private static final long EMPTY_KEY = -1L;
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private int resizeThreshold;

    LongIntHashMap(int expectedSize) {
        int capacity = MIN_CAPACITY;
        while (capacity * 0.6 < expectedSize) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    int size() {
        return size;
    }

    /** The value stored for {@code key}, or {@link #ABSENT}. */
    int get(long key) {
        int index = indexFor(key);
        while (true) {
            long candidate = keys[index];
            if (candidate == key) {
                return values[index];
            }
            if (candidate == EMPTY_KEY) {
                return ABSENT;
            }
            index = (index + 1) & mask;
        }
    }

    /** Stores {@code value} for {@code key}, replacing any previous value. */
    void put(long key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative, got " + key);
        }
        if (value < 0) {
            throw new IllegalArgumentException("values must be non-negative, got " + value);
        }
        int index = indexFor(key);
        while (true) {
            long candidate = keys[index];
            if (candidate == key) {
                values[index] = value;
                return;
            }
            if (candidate == EMPTY_KEY) {
                keys[index] = key;
                values[index] = value;
                if (++size > resizeThreshold) {
                    grow();
                }
                return;
            }
            index = (index + 1) & mask;
        }
    }

    private int indexFor(long key) {
        // Packed pairs differ mostly in low bits of each half; the MurmurHash3 finaliser spreads them.
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY_KEY);
        values = new int[capacity];
        mask = capacity - 1;
        resizeThreshold = (int) (capacity * 0.6);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != EMPTY_KEY) {
                int index = indexFor(key);
                while (keys[index] != EMPTY_KEY) {
                    index = (index + 1) & mask;
                }
                keys[index] = key;
                values[index] = oldValues[i];
            }
        }
    }
}
