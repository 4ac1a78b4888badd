package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD and scalar products agree with a plain row-by-row product, on shapes with leftover rows and columns. */
class MatVecTest {

    @Test
    void theTestJvmHasTheVectorModule() {
        // surefire's argLine adds it, as the launcher does: without it the SIMD path below would go untested
        assertThat(MatVec.SIMD).isTrue();
    }

    @Test
    void bothKernelsGiveTheRowByRowProduct() {
        Random random = new Random(11);
        int[][] shapes = {{256, 256}, {1024, 256}, {37, 13}, {5, 3}, {1, 1}, {560, 256}, {17, 1030}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            float[] rowMajor = new float[rows * cols];
            float[] columns = new float[rows * cols];
            float[] x = new float[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    float value = (float) random.nextGaussian();
                    rowMajor[i * cols + j] = value;
                    columns[j * rows + i] = value;
                }
            }
            for (int j = 0; j < cols; j++) {
                x[j] = (float) random.nextGaussian();
            }
            float[] simd = MatVec.times(columns, rows, cols, x);
            float[] scalar = new float[rows];
            MatVec.accumulateScalar(columns, rows, cols, x, scalar, 0);
            for (int i = 0; i < rows; i++) {
                double expected = 0;
                for (int j = 0; j < cols; j++) {
                    expected += (double) rowMajor[i * cols + j] * x[j];
                }
                double tolerance = 1e-4 * Math.sqrt(cols) * 4;
                assertThat((double) simd[i]).as("SIMD row %d of %dx%d", i, rows, cols).isCloseTo(expected, within(tolerance));
                assertThat((double) scalar[i]).as("scalar row %d of %dx%d", i, rows, cols).isCloseTo(expected, within(tolerance));
            }
        }
    }
}
