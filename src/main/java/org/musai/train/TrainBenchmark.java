package org.musai.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.musai.model.RnnState;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvRnn;
import org.musai.model.RwkvWeights;

/**
 * Times a training step (forward, backward, Adam) on random tokens, and RNN-mode steps, at a given shape: the
 * figures that {@code musai bench train} prints beside the PyTorch reference's.
 */
public final class TrainBenchmark {

    /** Steps run before timing starts, so that allocation and JIT warm-up are not counted. */
    private static final int WARMUP_STEPS = 2;
    private static final int RNN_WARMUP_TOKENS = 64;

    /**
     * The figures.
     *
     * @param parameters        trainable values
     * @param stepMsMedian      median milliseconds of a training step
     * @param tokensPerSecond   training tokens per second at that median
     * @param rnnTokensPerSecond RNN-mode tokens per second, batch 1
     * @param device            where the training steps ran
     * @param peakResidentBytes the process's peak resident memory after the steps (Linux), or -1 where unknown
     */
    public record Result(long parameters, double stepMsMedian, double tokensPerSecond, double rnnTokensPerSecond,
                         String device, long peakResidentBytes) {
    }

    /**
     * @param gradientCheckpointing recompute blocks in the backward pass ({@code -g})
     */
    public Result run(RwkvConfig config, int batch, int steps, int rnnTokens, String deviceChoice,
                      boolean gradientCheckpointing) throws TrainingException {
        if (steps < 1 || batch < 1) {
            throw new IllegalArgumentException("--steps and --batch must be at least 1");
        }
        SplittableRandom random = new SplittableRandom(1);
        long[] tokens = random.longs((long) batch * config.ctxLen(), 0, config.vocabSize()).toArray();
        long[] targets = random.longs((long) batch * config.ctxLen(), 0, config.vocabSize()).toArray();
        List<Double> times = new ArrayList<>();
        double rnnRate;
        try (NDManager manager = NDManager.newBaseManager(DeviceChoice.resolve(deviceChoice));
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 1);
             AdamOptimizer optimizer = new AdamOptimizer(manager)) {
            weights.requireGradients();
            RwkvModel model = new RwkvModel(weights);
            Shape shape = new Shape(batch, config.ctxLen());
            for (int step = 0; step < steps + WARMUP_STEPS; step++) {
                long start = System.nanoTime();
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray mask = scratch.ones(shape);
                    NDArray in = scratch.create(tokens, shape);
                    NDArray out = scratch.create(targets, shape);
                    if (gradientCheckpointing) {
                        StepGradients.checkpointed(model, in, out, mask, layer -> { }, true);
                    } else {
                        StepGradients.whole(model, in, out, mask, null);
                    }
                }
                optimizer.step(weights.all(), 1e-4);
                if (step >= WARMUP_STEPS) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            RwkvRnn rnn = new RwkvRnn(weights);
            RnnState state = rnn.newState();
            for (int t = 0; t < RNN_WARMUP_TOKENS; t++) {
                rnn.step(state, t % config.vocabSize());
            }
            long start = System.nanoTime();
            for (int t = 0; t < rnnTokens; t++) {
                rnn.step(state, (int) tokens[t % tokens.length]);
            }
            rnnRate = rnnTokens / ((System.nanoTime() - start) / 1e9);
            Collections.sort(times);
            double median = times.get(times.size() / 2);
            long peak = ProcessMemory.peakResidentBytes();
            return new Result(config.parameterCount(), median, batch * config.ctxLen() / (median / 1000), rnnRate,
                    manager.getDevice().toString(), peak);
        }
    }
}
