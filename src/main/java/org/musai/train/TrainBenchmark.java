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
     * @param matmulGflops      a 1024 x 1024 float matmul's rate on the same device and threads, median of
     *                          {@value #PEAK_REPEATS}, measured after the steps: the machine's peak to compare with
     */
    public record Result(long parameters, double stepMsMedian, double tokensPerSecond, double rnnTokensPerSecond,
                         String device, long peakResidentBytes, double matmulGflops) {

        /** The arithmetic a training step does per second: 6 x parameters x tokens/s (forward 2, backward 4). */
        public double achievedGflops() {
            return 6.0 * parameters * tokensPerSecond / 1e9;
        }

        /** The achieved arithmetic as a share of the matmul peak measured in the same run. */
        public double shareOfMatmulPeak() {
            return achievedGflops() / matmulGflops;
        }
    }

    private static final int PEAK_SIZE = 1024;
    private static final int PEAK_REPEATS = 10;

    /**
     * @param gradientCheckpointing recompute blocks in the backward pass ({@code -g})
     */
    public Result run(RwkvConfig config, int batch, int steps, int rnnTokens, String deviceChoice,
                      boolean gradientCheckpointing) throws TrainingException {
        return run(config, batch, steps, rnnTokens, deviceChoice, gradientCheckpointing, null);
    }

    /**
     * @param profile where to write PyTorch's trace of the timed steps ({@link OpProfile}), or null for none; the
     *                profiler slows the steps it records, so their times are not the ones to quote
     */
    public Result run(RwkvConfig config, int batch, int steps, int rnnTokens, String deviceChoice,
                      boolean gradientCheckpointing, java.nio.file.Path profile) throws TrainingException {
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
                if (profile != null && step == WARMUP_STEPS) {
                    OpProfile.start();
                }
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
            if (profile != null) {
                OpProfile.stop(profile);
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
                    manager.getDevice().toString(), peak, matmulGflops(manager));
        }
    }

    /** The median rate of a square float matmul, after a warm-up, on the manager's device. */
    private static double matmulGflops(NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            Shape square = new Shape(PEAK_SIZE, PEAK_SIZE);
            NDArray x = scratch.randomNormal(square);
            NDArray y = scratch.randomNormal(square);
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < PEAK_REPEATS + 2; i++) {
                long start = System.nanoTime();
                try (NDArray product = x.matMul(y)) {
                    product.getFloat(0, 0); // waits for the device without timing a copy of the result
                }
                if (i >= 2) {
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
            }
            Collections.sort(seconds);
            return 2.0 * PEAK_SIZE * PEAK_SIZE * PEAK_SIZE / seconds.get(seconds.size() / 2) / 1e9;
        }
    }
}
