package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.musai.model.LoraAdapter;
import org.musai.model.LoraSettings;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;

/** Gradient checkpointing (-g) gives the loss and gradients of the whole pass, with every option of the model on. */
class StepGradientsTest {

    private static final RwkvConfig SHAPE = new RwkvConfig(40, 24, 3, 16, 48, 16, 2, 0f);

    @Test
    void recomputingBlockByBlockGivesTheSameGradients() throws Exception {
        GradientMaker.setUp();
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(SHAPE, manager, 4)) {
            for (String name : weights.names()) { // head-QK and tiny attention start at zero in neither scheme here
                if (name.contains("tiny_") || name.startsWith("head_")) {
                    weights.replace(name, manager.randomNormal(weights.get(name).getShape()).mul(0.3));
                }
            }
            weights.requireGradients();
            RwkvModel model = new RwkvModel(weights);
            Result whole = run(model, weights.all(), false);
            Result checkpointed = run(model, weights.all(), true);
            assertThat(checkpointed.loss).isCloseTo(whole.loss, org.assertj.core.data.Offset.offset(1e-6));
            assertSameGradients(checkpointed.gradients, whole.gradients);
        }
    }

    @Test
    void andTheSameWithLoraAdapters() throws Exception {
        GradientMaker.setUp();
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(SHAPE, manager, 4);
             LoraAdapter adapter = LoraAdapter.initialize(SHAPE, new LoraSettings(4, 8), manager, 5)) {
            adapter.factors().forEach((name, f) -> { // B random, so that A gets gradients too
                if (name.endsWith("lora_B")) {
                    f.set(manager.randomNormal(0, 0.1f, f.getShape(), f.getDataType()).toFloatArray());
                }
            });
            adapter.requireGradients();
            RwkvModel model = new RwkvModel(weights, adapter);
            Result whole = run(model, adapter.factors(), false);
            Result checkpointed = run(model, adapter.factors(), true);
            assertSameGradients(checkpointed.gradients, whole.gradients);
        }
    }

    private record Result(double loss, Map<String, float[]> gradients) {
    }

    private static Result run(RwkvModel model, Map<String, NDArray> trained, boolean checkpointed) {
        Random random = new Random(3);
        long[] tokens = random.longs(2 * 16, 0, 40).toArray();
        long[] targets = random.longs(2 * 16, 0, 40).toArray();
        float[] mask = new float[2 * 16];
        java.util.Arrays.fill(mask, 1f);
        mask[5] = 0f;
        double loss;
        try (NDManager step = model.weights().manager().getParentManager().newSubManager()) {
            Shape shape = new Shape(2, 16);
            NDArray in = step.create(tokens, shape);
            NDArray out = step.create(targets, shape);
            NDArray m = step.create(mask, shape);
            loss = checkpointed ? StepGradients.checkpointed(model, in, out, m, layer -> { }, trained.containsKey("blocks.0.ln0.weight"))
                    : StepGradients.whole(model, in, out, m, null);
        }
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (NDManager read = model.weights().manager().getParentManager().newSubManager()) {
            trained.values().forEach(p -> p.tempAttach(read));
            trained.forEach((name, p) -> {
                NDArray gradient = p.getGradient();
                gradients.put(name, gradient.toFloatArray());
                gradient.muli(0);
            });
        }
        return new Result(loss, gradients);
    }

    private static void assertSameGradients(Map<String, float[]> actual, Map<String, float[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, values) -> {
            float[] got = actual.get(name);
            double scale = 1e-12;
            for (float v : values) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertThat(scale).as(name + " has a gradient").isGreaterThan(1e-9);
            for (int i = 0; i < values.length; i++) {
                assertThat(Math.abs(got[i] - values[i]) / scale).as(name + "[" + i + "]").isLessThan(1e-4);
            }
        });
    }

    /** Turns PyTorch's grad mode off on the test thread, as every training thread does. */
    private static final class GradientMaker {
        static void setUp() {
            GradMode.offOnThisThread();
        }
    }
}
