package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** RNN mode gives GPT mode's logits, token by token, with every option on, and keeps its memory flat. */
class RwkvRnnTest {

    @Test
    void matchesTheReferenceRnnLogits() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            GoldenVectors golden = new GoldenVectors(manager);
            try (RwkvWeights weights = golden.weights(manager)) {
                RwkvRnn rnn = new RwkvRnn(weights);
                RnnState state = rnn.newState();
                int[] tokens = golden.get("input.tokens").toType(DataType.INT32, false).toIntArray();
                float[][] logits = new float[24][];
                for (int t = 0; t < 24; t++) {
                    logits[t] = rnn.step(state, tokens[t]);
                }
                RwkvGoldenTest.assertClose(manager.create(logits), golden.get("expected.logits_rnn"), 1e-4);
            }
        }
    }

    /**
     * 100 steps with a context of 40: past the window, head-QK and tiny attention in both modes see the last 40
     * positions, as training did (the ring of keys in RNN mode, a band mask in GPT mode).
     */
    @Test
    void equalsGptModeWithHeadQkAndTinyAttentionPastTheContextWindow() throws Exception {
        RwkvConfig config = new RwkvConfig(50, 32, 3, 40, 64, 40, 2, 0f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 7)) {
            randomizeZeroInitialised(weights, manager);
            int steps = 100;
            long[] tokens = new java.util.Random(3).longs(steps, 0, 50).toArray();
            NDArray gpt;
            try (NDManager pass = manager.newSubManager()) {
                gpt = new RwkvModel(weights).forward(pass.create(tokens, new Shape(1, steps)), false).squeeze(0);
                gpt.attach(manager);
            }
            {
                RwkvRnn rnn = new RwkvRnn(weights);
                RnnState state = rnn.newState();
                float[][] logits = new float[steps][];
                for (int t = 0; t < steps; t++) {
                    logits[t] = rnn.step(state, (int) tokens[t]);
                }
                RwkvGoldenTest.assertClose(manager.create(logits), gpt, 1e-4);
                assertThat(gpt.get(new NDIndex("5")).sub(gpt.get(new NDIndex("6"))).abs().max().getFloat())
                        .as("positions differ").isGreaterThan(1e-3f);
            }
            // the window matters: with everything remembered (a context of 100) the late logits differ
            RwkvConfig unbounded = new RwkvConfig(50, 32, 3, steps, 64, 40, 2, 0f);
            java.util.Map<String, NDArray> arrays = new java.util.HashMap<>();
            for (String name : weights.names()) {
                arrays.put(name, weights.get(name));
            }
            try (NDManager pass = manager.newSubManager();
                 RwkvWeights same = RwkvWeights.of(unbounded, manager, arrays, "the same weights")) {
                NDArray remembered = new RwkvModel(same).forward(pass.create(tokens, new Shape(1, steps)), false)
                        .squeeze(0);
                NDIndex late = new NDIndex("60:");
                assertThat(remembered.get(late).sub(gpt.get(late)).abs().max().getFloat())
                        .as("a window of 40 is not everything").isGreaterThan(1e-3f);
                NDIndex early = new NDIndex(":40");
                RwkvGoldenTest.assertClose(remembered.get(early), gpt.get(early), 1e-5);
            }
        }
    }

    @Test
    void aCopiedStateContinuesLikeTheOriginal() {
        RwkvConfig config = new RwkvConfig(30, 16, 2, 64, 32, 16, 1, 0f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 1)) {
            RwkvRnn rnn = new RwkvRnn(weights);
            RnnState state = rnn.newState();
            for (int t = 0; t < 10; t++) {
                rnn.step(state, t);
            }
            RnnState branch = state.copy();
            float[] original = rnn.step(state, 5);
            float[] copied = rnn.step(branch, 5);
            assertThat(copied).containsExactly(original);
            assertThat(rnn.step(state, 6)).isNotEqualTo(rnn.step(branch, 7));
            assertThat(state.length()).isEqualTo(12);
        }
    }

    /**
     * Several states stepped together give each the bits it gets alone, whatever the others read: with head-QK, tiny
     * attention and an embedding (21) that is no multiple of a vector's length, so every remainder path runs.
     */
    @Test
    void statesSteppedTogetherGetTheLogitsTheyGetAlone() {
        RwkvConfig config = new RwkvConfig(30, 21, 2, 64, 42, 21, 1, 0f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 3)) {
            randomizeZeroInitialised(weights, manager);
            RwkvRnn rnn = new RwkvRnn(weights);
            int n = 3;
            RnnState[] together = new RnnState[n];
            RnnState[] alone = new RnnState[n];
            for (int b = 0; b < n; b++) {
                together[b] = rnn.newState();
                alone[b] = rnn.newState();
            }
            java.util.Random random = new java.util.Random(5);
            for (int t = 0; t < 20; t++) {
                int[] tokens = new int[n];
                for (int b = 0; b < n; b++) {
                    tokens[b] = random.nextInt(30);
                }
                float[][] batched = rnn.stepAll(together, tokens);
                for (int b = 0; b < n; b++) {
                    assertThat(batched[b]).as("state %d at step %d", b, t).containsExactly(rnn.step(alone[b], tokens[b]));
                }
            }
        }
    }

    /** Fresh models start head-QK and tiny attention near zero influence; larger weights make the test bite. */
    private static void randomizeZeroInitialised(RwkvWeights weights, NDManager manager) {
        for (String name : weights.names()) {
            if (name.contains("tiny_") || name.startsWith("head_")) {
                NDArray random = manager.randomNormal(weights.get(name).getShape()).mul(0.5);
                weights.replace(name, random);
            }
        }
    }
}
