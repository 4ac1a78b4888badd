package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RWKV-LM's v4neo initialisation: orthogonal matrices of the right gain, identity blocks, a small embedding. */
class V4neoInitTest {

    @Test
    void orthogonalMatricesHaveOrthonormalColumnsOrRowsTimesTheGain() {
        for (int[] shape : new int[][]{{64, 16}, {16, 64}, {32, 32}}) {
            int rows = shape[0];
            int cols = shape[1];
            float[] m = new float[rows * cols];
            V4neoInit.orthogonal(rows, cols, 2.0, new SplittableRandom(1), m);
            boolean byColumns = rows >= cols;
            int n = Math.min(rows, cols);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double dot = 0;
                    for (int k = 0; k < Math.max(rows, cols); k++) {
                        dot += byColumns ? (double) m[k * cols + a] * m[k * cols + b]
                                : (double) m[a * cols + k] * m[b * cols + k];
                    }
                    assertThat(dot).as("%dx%d (%d, %d)", rows, cols, a, b).isCloseTo(a == b ? 4.0 : 0.0, within(1e-4));
                }
            }
        }
    }

    @Test
    void blocksStartAsTheIdentityAndTheEmbeddingIsSmall() {
        RwkvConfig config = new RwkvConfig(40, 32, 2, 16, 64, 0, 0, 0f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initializeV4neo(config, manager, 3, 1e-3)) {
            for (String zero : new String[]{"blocks.1.att.key.weight", "blocks.1.att.receptance.weight",
                    "blocks.1.att.output.weight", "blocks.0.ffn.value.weight", "blocks.0.ffn.receptance.weight",
                    "head_q.weight"}) {
                assertThat(weights.get(zero).abs().max().getFloat()).as(zero).isZero();
            }
            assertThat(weights.get("emb.weight").abs().max().getFloat()).isPositive().isLessThanOrEqualTo(1e-3f);
            // the head (40 x 32) is orthogonal with gain 0.5 x sqrt(40 / 32): each column has that norm
            float[] head = weights.get("head.weight").toFloatArray();
            double norm = 0;
            for (int r = 0; r < 40; r++) {
                norm += head[r * 32] * head[r * 32];
            }
            assertThat(Math.sqrt(norm)).isCloseTo(0.5 * Math.sqrt(40.0 / 32), within(1e-4));
            assertThat(weights.get("blocks.0.att.value.weight").abs().max().getFloat()).isPositive();
            assertThat(weights.get("blocks.0.ln1.weight").toFloatArray()).containsOnly(1f);
            // the time curves are the usual ones
            try (RwkvWeights seed = RwkvWeights.initialize(config, manager, 3)) {
                assertThat(weights.get("blocks.1.att.time_decay").toFloatArray())
                        .containsExactly(seed.get("blocks.1.att.time_decay").toFloatArray());
            }
        }
    }
}
