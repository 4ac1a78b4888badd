package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradients must not depend on when Java collects garbage. DJL's number operands live in Java buffers that autograd
 * can outlive (see {@link Scalars}); with a collector running all the time, such a bug gives different gradients.
 */
class GradientUnderGarbageCollectionTest {

    @Test
    void gradientsAreTheSameWhileTheCollectorRuns() throws Exception {
        RwkvConfig config = new RwkvConfig(60, 32, 2, 24, 64, 24, 1, 0f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 3)) {
            weights.requireGradients();
            assertStableUnderCollection(() -> gradientSum(weights, null, weights.all()));
        }
    }

    /** The same with a LoRA adapter, whose scale multiplies every adapted layer's delta. */
    @Test
    void loraGradientsAreTheSameWhileTheCollectorRuns() throws Exception {
        RwkvConfig config = new RwkvConfig(60, 32, 2, 24, 64, 0, 0, 0f);
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 3);
             LoraAdapter adapter = LoraAdapter.initialize(config, new LoraSettings(4, 16), manager, 4)) {
            adapter.requireGradients();
            adapter.factors().values().forEach(f -> f.addi(0.01f)); // B not zero, so that A gets gradients too
            assertStableUnderCollection(() -> gradientSum(weights, adapter, adapter.factors()));
        }
    }

    private static void assertStableUnderCollection(java.util.function.DoubleSupplier gradientSum) {
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        try {
            double quiet = gradientSum.getAsDouble();
            collector.start();
            List<Double> sums = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sums.add(gradientSum.getAsDouble());
            }
            assertThat(sums).containsOnly(quiet);
        } finally {
            collector.interrupt();
        }
    }

    private static double gradientSum(RwkvWeights weights, LoraAdapter adapter, java.util.Map<String, NDArray> trained) {
        try (NDManager step = weights.manager().newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = new RwkvModel(weights, adapter).forward(step.create(tokens(), new Shape(4, 24)), true);
                gc.backward(logits.square().mean());
            }
        }
        double sum = 0;
        try (NDManager read = weights.manager().newSubManager()) {
            trained.values().forEach(parameter -> parameter.tempAttach(read));
            for (NDArray parameter : trained.values()) {
                NDArray gradient = parameter.getGradient();
                sum += gradient.abs().sum().getFloat();
                gradient.muli(0);
            }
        }
        return sum;
    }

    private static long[] tokens() {
        return new java.util.Random(5).longs(4 * 24, 0, 60).toArray();
    }
}
