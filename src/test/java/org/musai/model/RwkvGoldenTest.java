package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java model against the PyTorch reference's numbers, not only its shapes. */
class RwkvGoldenTest {

    @Test
    void logitsLossAndGradientsMatchTheReference() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            GoldenVectors golden = new GoldenVectors(manager);
            try (RwkvWeights weights = golden.weights(manager)) {
                weights.requireGradients();
                NDArray tokens = golden.get("input.tokens").toType(DataType.INT64, false);
                NDArray inputs = tokens.get(new NDIndex("0:24")).expandDims(0);
                NDArray targets = tokens.get(new NDIndex("1:25"));
                RwkvModel model = new RwkvModel(weights, 7); // a chunk that does not divide 24: two shapes of chunk
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = model.forward(inputs, false).squeeze(0);
                    assertClose(logits, golden.get("expected.logits_gpt"), 1e-4);
                    NDArray loss = logits.logSoftmax(1).gather(targets.expandDims(1), 1).mean().neg();
                    assertThat((double) loss.getFloat()).isCloseTo(golden.get("expected.loss").getFloat(0),
                            org.assertj.core.data.Offset.offset(1e-5));
                    collector.backward(loss);
                }
                for (Map.Entry<String, NDArray> parameter : weights.all().entrySet()) {
                    assertClose(parameter.getValue().getGradient(), golden.get("grad." + parameter.getKey()), 1e-3);
                }
            }
        }
    }

    /** Relative error of the largest difference against the largest reference value. */
    static void assertClose(NDArray actual, NDArray expected, double relative) {
        double scale = Math.max(expected.abs().max().getFloat(), 1e-6f);
        double error = actual.sub(expected).abs().max().getFloat() / scale;
        assertThat(error).as("relative error").isLessThan(relative);
    }
}
