package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chunked WKV against the plain recurrence, in float64, values and gradients. */
class WkvTest {

    @ParameterizedTest(name = "T={0} chunk={1} key scale={2}")
    @CsvSource({"70, 32, 3", "300, 32, 50", "300, 7, 50", "129, 16, 1", "5, 32, 10"})
    void chunkedEqualsTheRecurrenceWithItsGradients(int steps, int chunk, double keyScale) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(steps * 31 + chunk);
            long channels = 16;
            NDArray k = manager.randomNormal(new Shape(2, steps, channels)).toType(DataType.FLOAT64, false)
                    .mul(keyScale);
            NDArray v = manager.randomNormal(new Shape(2, steps, channels)).toType(DataType.FLOAT64, false);
            // decays from very slow to very fast, as trained RWKV models have them
            NDArray w = manager.linspace(-6f, 3f, (int) channels).toType(DataType.FLOAT64, false).exp().neg();
            NDArray u = manager.randomNormal(new Shape(channels)).toType(DataType.FLOAT64, false);
            NDArray probe = manager.randomNormal(new Shape(2, steps, channels)).toType(DataType.FLOAT64, false);

            Result chunked = run(k, v, w, u, probe, true, chunk);
            Result sequential = run(k, v, w, u, probe, false, chunk);

            assertThat(chunked.out.isNaN().any().getBoolean()).isFalse();
            assertRelative(chunked.out, sequential.out, 1e-10);
            assertRelative(chunked.gradK, sequential.gradK, 1e-8);
            assertRelative(chunked.gradV, sequential.gradV, 1e-8);
            assertRelative(chunked.gradW, sequential.gradW, 1e-8);
            assertRelative(chunked.gradU, sequential.gradU, 1e-8);
        }
    }

    private record Result(NDArray out, NDArray gradK, NDArray gradV, NDArray gradW, NDArray gradU) {
    }

    private static Result run(NDArray k0, NDArray v0, NDArray w0, NDArray u0, NDArray probe, boolean chunked,
                              int chunk) {
        NDArray k = k0.duplicate();
        NDArray v = v0.duplicate();
        NDArray w = w0.duplicate();
        NDArray u = u0.duplicate();
        for (NDArray leaf : new NDArray[]{k, v, w, u}) {
            leaf.setRequiresGradient(true);
        }
        NDArray out;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            out = chunked ? Wkv.chunked(w, u, k, v, chunk) : Wkv.sequential(w, u, k, v);
            collector.backward(out.mul(probe).sum());
        }
        return new Result(out.stopGradient(), k.getGradient().duplicate(), v.getGradient().duplicate(),
                w.getGradient().duplicate(), u.getGradient().duplicate());
    }

    private static void assertRelative(NDArray actual, NDArray expected, double tolerance) {
        double scale = Math.max(expected.abs().max().getDouble(), 1e-12);
        assertThat(actual.sub(expected).abs().max().getDouble() / scale).isLessThan(tolerance);
    }
}
