package org.musai.model;

/**
 * Matrix-vector products for RNN mode, on a matrix stored column by column. Uses SIMD through the Vector API when the
 * JVM was started with {@code --add-modules jdk.incubator.vector} (the launcher does so for the commands that
 * generate), otherwise a scalar loop that C2 does not vectorise; see docs/decisions/0006.
 */
final class MatVec {

    /** Whether products run through the Vector API; {@code -Dmusai.simd=false} turns it off to compare. */
    static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && Boolean.parseBoolean(System.getProperty("musai.simd", "true"));

    private MatVec() {
    }

    /** y = W x for W of {@code rows x cols} stored column by column. */
    static float[] times(float[] columns, int rows, int cols, float[] x) {
        float[] y = new float[rows];
        if (SIMD) {
            SimdMatVec.accumulate(columns, rows, cols, x, y);
        } else {
            accumulateScalar(columns, rows, cols, x, y, 0);
        }
        return y;
    }

    /**
     * y_b = W x_b for each of several vectors, W read once for all of them: what batched generation gains, since a
     * product of one vector is bound by reading W from memory. Each y_b has exactly the bits {@link #times} gives.
     */
    static float[][] timesAll(float[] columns, int rows, int cols, float[][] xs) {
        if (xs.length == 1) {
            return new float[][] {times(columns, rows, cols, xs[0])};
        }
        float[][] ys = new float[xs.length][rows];
        if (SIMD) {
            SimdMatVec.accumulateAll(columns, rows, cols, xs, ys);
        } else {
            for (int b = 0; b < xs.length; b++) {
                accumulateScalar(columns, rows, cols, xs[b], ys[b], 0);
            }
        }
        return ys;
    }

    /** The dot product of {@code q} with {@code length} values of {@code rows} from {@code offset}. */
    static float dot(float[] q, float[] rows, int offset, int length) {
        return SIMD ? SimdMatVec.dot(q, rows, offset, length) : dotScalar(q, rows, offset, length, 0);
    }

    /** The dot product over positions {@code from..length}. */
    static float dotScalar(float[] q, float[] rows, int offset, int length, int from) {
        float sum = 0;
        for (int i = from; i < length; i++) {
            sum += q[i] * rows[offset + i];
        }
        return sum;
    }

    /**
     * y[from..rows) += W x. Four columns go in per pass so that y is loaded and stored a quarter as often.
     */
    static void accumulateScalar(float[] w, int rows, int cols, float[] x, float[] y, int from) {
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            float x0 = x[j];
            float x1 = x[j + 1];
            float x2 = x[j + 2];
            float x3 = x[j + 3];
            int o0 = j * rows;
            int o1 = o0 + rows;
            int o2 = o1 + rows;
            int o3 = o2 + rows;
            for (int i = from; i < rows; i++) {
                y[i] += x0 * w[o0 + i] + x1 * w[o1 + i] + x2 * w[o2 + i] + x3 * w[o3 + i];
            }
        }
        for (; j < cols; j++) {
            float xj = x[j];
            int offset = j * rows;
            for (int i = from; i < rows; i++) {
                y[i] += xj * w[offset + i];
            }
        }
    }
}
