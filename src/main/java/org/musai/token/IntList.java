package org.musai.token;

import java.util.Arrays;

/** A growable list of ints without boxing, for building token sequences. Not thread-safe. */
public final class IntList {
    private int[] values;
    private int size;

    public IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public void addAll(IntList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public int get(int index) {
        return values[index];
    }

    public int size() {
        return size;
    }

    /** Keeps the first {@code length} values. */
    public void truncate(int length) {
        if (length < 0 || length > size()) {
            throw new IllegalArgumentException("cannot cut " + size() + " values to " + length);
        }
        this.size = length;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
