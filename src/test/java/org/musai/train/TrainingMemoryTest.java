package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;

/** A hundred training steps leave the managers of the weights and of the optimizer exactly as large as before. */
class TrainingMemoryTest {

    @Test
    void managedArraysStayFlatOverAHundredSteps() throws Exception {
        RwkvConfig config = new RwkvConfig(40, 16, 2, 16, 32, 16, 1, 0.1f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 1);
             AdamOptimizer optimizer = new AdamOptimizer(manager)) {
            weights.requireGradients();
            RwkvModel model = new RwkvModel(weights);
            long[] tokens = new java.util.Random(1).longs(2 * 16, 0, 40).toArray();
            step(model, weights, optimizer, manager, tokens); // the first step creates Adam's moments
            int weightArrays = weights.manager().getManagedArrays().size();
            int total = manager.getManagedArrays().size();
            for (int i = 0; i < 100; i++) {
                step(model, weights, optimizer, manager, tokens);
            }
            assertThat(weights.manager().getManagedArrays()).hasSize(weightArrays);
            assertThat(manager.getManagedArrays()).hasSize(total);
        }
    }

    private static void step(RwkvModel model, RwkvWeights weights, AdamOptimizer optimizer, NDManager manager,
                             long[] tokens) {
        try (NDManager scratch = manager.newSubManager()) {
            Shape shape = new Shape(2, 16);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(scratch.create(tokens, shape), true);
                collector.backward(LossFunction.crossEntropy(logits, scratch.create(tokens, shape), scratch.ones(shape))
                        .add(LossFunction.l2Wrap(logits)));
            }
        }
        optimizer.step(weights.all(), 1e-3);
    }
}
