package org.musai.studio.chart;

import java.util.Arrays;

/**
 * An append-only series of (x, y) points, x not decreasing, kept in a bounded number of buckets so that a long
 * training run costs fixed memory. Each bucket holds up to {@code width} consecutive points and keeps their first x,
 * last x, mean, minimum, maximum and count. When every bucket is taken, adjacent buckets merge pairwise and the width
 * doubles, so a spike still shows as a bucket's maximum after any amount of thinning.
 *
 * <p>Memory is O(capacity); {@link #add} is O(capacity) when it merges and amortised O(1). Not thread-safe: one
 * thread owns a buffer (in the studio, the FX thread).
 */
public final class SeriesBuffer {

    /** Two buckets are needed to merge a pair. */
    private static final int MIN_CAPACITY = 2;

    private final int capacity;
    private final double[] firstX;
    private final double[] lastX;
    private final double[] sum;
    private final double[] min;
    private final double[] max;
    private final long[] count;

    private int size;
    private long width = 1;
    private int skipped;
    private double lastAddedX = Double.NaN;
    private double lastAddedY = Double.NaN;

    /**
     * Creates an empty buffer.
     *
     * @param capacity the most buckets kept, at least 2 (the studio uses a few thousand, about one per pixel)
     * @throws IllegalArgumentException when capacity is below 2
     */
    public SeriesBuffer(int capacity) {
        if (capacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("capacity must be at least " + MIN_CAPACITY + ": " + capacity);
        }
        this.capacity = capacity;
        firstX = new double[capacity];
        lastX = new double[capacity];
        sum = new double[capacity];
        min = new double[capacity];
        max = new double[capacity];
        count = new long[capacity];
    }

    /**
     * Appends a point. A point whose x or y is NaN or infinite is not stored but counted in {@link #skipped()}.
     *
     * @throws IllegalArgumentException when x is below the last stored x
     */
    public void add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            skipped++;
            return;
        }
        if (size > 0 && x < lastAddedX) {
            throw new IllegalArgumentException("x must not decrease: " + x + " after " + lastAddedX);
        }
        if (size == 0 || count[size - 1] >= width) {
            if (size == capacity) {
                mergePairs();
            }
            if (size == 0 || count[size - 1] >= width) {
                openBucket(x, y);
                remember(x, y);
                return;
            }
        }
        int last = size - 1;
        lastX[last] = x;
        sum[last] += y;
        min[last] = Math.min(min[last], y);
        max[last] = Math.max(max[last], y);
        count[last]++;
        remember(x, y);
    }

    private void openBucket(double x, double y) {
        firstX[size] = x;
        lastX[size] = x;
        sum[size] = y;
        min[size] = y;
        max[size] = y;
        count[size] = 1;
        size++;
    }

    private void remember(double x, double y) {
        lastAddedX = x;
        lastAddedY = y;
    }

    /** Merges buckets 2k and 2k+1 into k; an odd last bucket moves down alone and keeps filling. */
    private void mergePairs() {
        int merged = 0;
        for (int i = 0; i < size; i += 2) {
            firstX[merged] = firstX[i];
            if (i + 1 < size) {
                lastX[merged] = lastX[i + 1];
                sum[merged] = sum[i] + sum[i + 1];
                min[merged] = Math.min(min[i], min[i + 1]);
                max[merged] = Math.max(max[i], max[i + 1]);
                count[merged] = count[i] + count[i + 1];
            } else {
                lastX[merged] = lastX[i];
                sum[merged] = sum[i];
                min[merged] = min[i];
                max[merged] = max[i];
                count[merged] = count[i];
            }
            merged++;
        }
        size = merged;
        width *= 2;
    }

    /** Removes every point and resets the bucket width and the skipped count. */
    public void clear() {
        size = 0;
        width = 1;
        skipped = 0;
        lastAddedX = Double.NaN;
        lastAddedY = Double.NaN;
        Arrays.fill(count, 0);
    }

    /** Returns the number of buckets in use, at most {@link #capacity()}. */
    public int size() {
        return size;
    }

    /** Returns the most buckets this buffer keeps. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many points each bucket takes before a new one opens; doubles at each merge. */
    public long bucketWidth() {
        return width;
    }

    /** Returns how many points were ignored because x or y was NaN or infinite. */
    public int skipped() {
        return skipped;
    }

    /** Returns the centre of bucket i: halfway between its first and last x. */
    public double x(int i) {
        check(i);
        return (firstX[i] + lastX[i]) / 2;
    }

    /** Returns the x of the first point in bucket i. */
    public double firstX(int i) {
        check(i);
        return firstX[i];
    }

    /** Returns the x of the last point in bucket i. */
    public double lastX(int i) {
        check(i);
        return lastX[i];
    }

    /** Returns the mean y of bucket i. */
    public double mean(int i) {
        check(i);
        return sum[i] / count[i];
    }

    /** Returns the smallest y in bucket i. */
    public double min(int i) {
        check(i);
        return min[i];
    }

    /** Returns the largest y in bucket i. */
    public double max(int i) {
        check(i);
        return max[i];
    }

    /** Returns the number of points in bucket i. */
    public long count(int i) {
        check(i);
        return count[i];
    }

    /** Returns the x of the last stored point, or NaN when empty. */
    public double lastX() {
        return lastAddedX;
    }

    /** Returns the y of the last stored point, or NaN when empty. */
    public double lastY() {
        return lastAddedY;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("bucket " + i + " of " + size);
        }
    }
}
