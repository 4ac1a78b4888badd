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
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 3)) {
            weights.requireGradients();
            long[] tokens = new java.util.Random(5).longs(4 * 24, 0, 60).toArray();
            double quiet = gradientSum(weights, tokens);
            collector.start();
            List<Double> sums = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sums.add(gradientSum(weights, tokens));
            }
            assertThat(sums).containsOnly(quiet);
        } finally {
            collector.interrupt();
        }
    }

    private static double gradientSum(RwkvWeights weights, long[] tokens) {
        try (NDManager step = weights.manager().newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = new RwkvModel(weights).forward(step.create(tokens, new Shape(4, 24)), true);
                gc.backward(logits.square().mean());
            }
        }
        double sum = 0;
        try (NDManager read = weights.manager().newSubManager()) {
            weights.lendTo(read);
            for (NDArray parameter : weights.all().values()) {
                NDArray gradient = parameter.getGradient();
                sum += gradient.abs().sum().getFloat();
                gradient.muli(0);
            }
        }
        return sum;
    }
}
