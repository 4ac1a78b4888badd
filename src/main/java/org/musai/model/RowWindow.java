package org.musai.model;

import java.util.Arrays;

/**
 * The last {@code capacity} rows of a stream of vectors (head-QK keys, tiny-attention keys and values), stored in a
 * ring: RNN mode attends to the same window as training, the last context-length positions, however long the piece.
 * Storage grows geometrically up to the window, so a short generation stays small. Not thread-safe.
 */
final class RowWindow {

    private final int width;
    private final int capacity;
    private float[] rows = new float[0];
    private long added;

    RowWindow(int width, int capacity) {
        this.width = width;
        this.capacity = capacity;
    }

    private RowWindow(RowWindow other) {
        width = other.width;
        capacity = other.capacity;
        rows = other.rows.clone();
        added = other.added;
    }

    RowWindow copy() {
        return new RowWindow(this);
    }

    /** Appends a row, dropping the oldest once the window is full. */
    void add(float[] row) {
        int slot = (int) (added % capacity);
        int end = (slot + 1) * width;
        if (rows.length < end) {
            rows = Arrays.copyOf(rows, Math.min(capacity * width, Math.max(end, rows.length * 2)));
        }
        System.arraycopy(row, 0, rows, slot * width, width);
        added++;
    }

    /** Rows in the window. */
    int size() {
        return (int) Math.min(added, capacity);
    }

    /** Where the i-th row of the window (0 = oldest) starts in {@link #data()}. */
    int offset(int i) {
        return (int) ((added - size() + i) % capacity) * width;
    }

    float[] data() {
        return rows;
    }
}
