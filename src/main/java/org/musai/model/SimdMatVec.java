package org.musai.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API form of {@link MatVec}; loaded only when the incubator module is present. */
final class SimdMatVec {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private SimdMatVec() {
    }

    /** The dot product of q with length values of rows from offset. */
    static float dot(float[] q, float[] rows, int offset, int length) {
        int whole = SPECIES.loopBound(length);
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int i = 0; i < whole; i += SPECIES.length()) {
            sum = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromArray(SPECIES, rows, offset + i), sum);
        }
        return sum.reduceLanes(VectorOperators.ADD) + MatVec.dotScalar(q, rows, offset, length, whole);
    }

    /** y += W x, four columns per pass, whole vectors first and the rows left over through the scalar loop. */
    static void accumulate(float[] w, int rows, int cols, float[] x, float[] y) {
        int vectorRows = SPECIES.loopBound(rows);
        int step = SPECIES.length();
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            FloatVector x0 = FloatVector.broadcast(SPECIES, x[j]);
            FloatVector x1 = FloatVector.broadcast(SPECIES, x[j + 1]);
            FloatVector x2 = FloatVector.broadcast(SPECIES, x[j + 2]);
            FloatVector x3 = FloatVector.broadcast(SPECIES, x[j + 3]);
            int o0 = j * rows;
            int o1 = o0 + rows;
            int o2 = o1 + rows;
            int o3 = o2 + rows;
            for (int i = 0; i < vectorRows; i += step) {
                FloatVector sum = FloatVector.fromArray(SPECIES, y, i);
                sum = FloatVector.fromArray(SPECIES, w, o0 + i).fma(x0, sum);
                sum = FloatVector.fromArray(SPECIES, w, o1 + i).fma(x1, sum);
                sum = FloatVector.fromArray(SPECIES, w, o2 + i).fma(x2, sum);
                sum = FloatVector.fromArray(SPECIES, w, o3 + i).fma(x3, sum);
                sum.intoArray(y, i);
            }
        }
        for (; j < cols; j++) {
            FloatVector xj = FloatVector.broadcast(SPECIES, x[j]);
            int offset = j * rows;
            for (int i = 0; i < vectorRows; i += step) {
                FloatVector.fromArray(SPECIES, w, offset + i).fma(xj, FloatVector.fromArray(SPECIES, y, i)).intoArray(y, i);
            }
        }
        if (vectorRows < rows) {
            MatVec.accumulateScalar(w, rows, cols, x, y, vectorRows);
        }
    }

    /**
     * y_b += W x_b for every b, each vector chunk of W's four columns loaded once for all b; the multiply-adds of each
     * y_b come in the order {@link #accumulate} does them, so the results are the same to the bit.
     */
    static void accumulateAll(float[] w, int rows, int cols, float[][] xs, float[][] ys) {
        int vectorRows = SPECIES.loopBound(rows);
        int step = SPECIES.length();
        int n = xs.length;
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            int o0 = j * rows;
            int o1 = o0 + rows;
            int o2 = o1 + rows;
            int o3 = o2 + rows;
            for (int i = 0; i < vectorRows; i += step) {
                FloatVector w0 = FloatVector.fromArray(SPECIES, w, o0 + i);
                FloatVector w1 = FloatVector.fromArray(SPECIES, w, o1 + i);
                FloatVector w2 = FloatVector.fromArray(SPECIES, w, o2 + i);
                FloatVector w3 = FloatVector.fromArray(SPECIES, w, o3 + i);
                for (int b = 0; b < n; b++) {
                    float[] x = xs[b];
                    float[] y = ys[b];
                    FloatVector sum = FloatVector.fromArray(SPECIES, y, i);
                    sum = w0.fma(FloatVector.broadcast(SPECIES, x[j]), sum);
                    sum = w1.fma(FloatVector.broadcast(SPECIES, x[j + 1]), sum);
                    sum = w2.fma(FloatVector.broadcast(SPECIES, x[j + 2]), sum);
                    sum = w3.fma(FloatVector.broadcast(SPECIES, x[j + 3]), sum);
                    sum.intoArray(y, i);
                }
            }
        }
        for (; j < cols; j++) {
            int offset = j * rows;
            for (int i = 0; i < vectorRows; i += step) {
                FloatVector wj = FloatVector.fromArray(SPECIES, w, offset + i);
                for (int b = 0; b < n; b++) {
                    wj.fma(FloatVector.broadcast(SPECIES, xs[b][j]), FloatVector.fromArray(SPECIES, ys[b], i))
                            .intoArray(ys[b], i);
                }
            }
        }
        if (vectorRows < rows) {
            for (int b = 0; b < n; b++) {
                MatVec.accumulateScalar(w, rows, cols, xs[b], ys[b], vectorRows);
            }
        }
    }
}
