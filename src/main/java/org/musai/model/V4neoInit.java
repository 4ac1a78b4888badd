package org.musai.model;

import java.util.SplittableRandom;

/**
 * RWKV-LM's v4neo initialisation ({@code generate_init_weight} in RWKV-v4neo/src/model.py), as facts: the embedding
 * uniform within plus and minus the initial learning rate; the attention's key, receptance and output and the
 * channel mix's value and receptance at zero, so that each block starts as the identity; head_q at zero; every other
 * matrix orthogonal, with gain sqrt(rows / cols) where rows exceed cols, times 0.5 for the head and 0.1 for head_k;
 * layer norms and the time curves as usual.
 */
final class V4neoInit {

    private V4neoInit() {
    }

    /** Fills the values of one matrix parameter; false for parameters it leaves to the usual scheme. */
    static boolean fill(String name, long rows, long cols, double learningRate, SplittableRandom random,
                        float[] values) {
        if (name.equals(ParameterNames.EMBEDDING)) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * learningRate);
            }
            return true;
        }
        if (!name.endsWith(".weight") || name.contains("ln") || name.contains("time_")) {
            return false;
        }
        double scale = 1;
        for (String zero : new String[]{".att.key.", ".att.receptance.", ".att.output.", ".ffn.value.",
                ".ffn.receptance.", "head_q."}) {
            if (name.contains(zero)) {
                scale = 0;
            }
        }
        if (name.equals(ParameterNames.HEAD)) {
            scale = 0.5;
        } else if (name.startsWith("head_k.")) {
            scale = 0.1;
        }
        if (scale == 0) {
            java.util.Arrays.fill(values, 0f);
            return true;
        }
        double gain = rows > cols ? Math.sqrt((double) rows / cols) : 1;
        orthogonal((int) rows, (int) cols, gain * scale, random, values);
        return true;
    }

    /**
     * A (rows, cols) matrix with orthonormal rows or columns (whichever are fewer) times {@code gain}, as
     * {@code torch.nn.init.orthogonal_}: the Q of a Gaussian matrix's QR decomposition, signs fixed by R's diagonal.
     */
    static void orthogonal(int rows, int cols, double gain, SplittableRandom random, float[] out) {
        int tall = Math.max(rows, cols);
        int narrow = Math.min(rows, cols);
        // columns of a tall Gaussian matrix, made orthonormal one after another (modified Gram-Schmidt, twice for
        // accuracy); the sign of each column follows R's diagonal, which Gram-Schmidt makes positive
        double[][] q = new double[narrow][tall];
        for (int j = 0; j < narrow; j++) {
            double[] v = q[j];
            for (int i = 0; i < tall; i++) {
                v[i] = RwkvWeights.gaussian(random);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < tall; i++) {
                        dot += q[k][i] * v[i];
                    }
                    for (int i = 0; i < tall; i++) {
                        v[i] -= dot * q[k][i];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < tall; i++) {
                v[i] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // rows >= cols: column c of Q; otherwise the transpose, row r of Q^T
                double value = rows >= cols ? q[c][r] : q[r][c];
                out[r * cols + c] = (float) (value * gain);
            }
        }
    }
}
