package org.musai.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.model.RwkvConfig;
import org.musai.train.OpProfile;
import org.musai.train.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai bench train}: a training step and RNN-mode steps at a given shape, on random tokens. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Time forward, backward and Adam on random tokens, and RNN-mode generation, at one shape.")
final class BenchTrainCommand implements Callable<Integer> {

    private static final int PROFILE_ROWS = 25;

    @Spec
    CommandSpec spec;

    @Option(names = "--vocab", defaultValue = "560", description = "Vocabulary size (default ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--embed", defaultValue = "256", description = "Embedding size (default ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--layers", defaultValue = "4", description = "Layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--ctx", defaultValue = "256", description = "Context length (default ${DEFAULT-VALUE}).")
    int ctx;

    @Option(names = "--batch", defaultValue = "8", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "Timed steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--gen", defaultValue = "256", description = "RNN-mode tokens to time (default ${DEFAULT-VALUE}).")
    int gen;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;

    @Mixin
    TorchThreadsOption threads;

    @Option(names = {"-q", "--head-qk"}, description = "With the head-QK copy mechanism, as train -q.")
    boolean headQk;

    @Option(names = {"-g", "--grad-cp"}, description = "Time steps with gradient checkpointing, as train -g runs them.")
    boolean gradientCheckpointing;

    @Option(names = "--profile", paramLabel = "TRACE.json", description = {"Write PyTorch's trace of the timed "
            + "steps (Chrome trace JSON) and print the operators by self time; the profiler slows the steps."})
    java.nio.file.Path profile;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--vocab", vocab, 2);
        Arguments.atLeast("--embed", embed, 1);
        Arguments.atLeast("--layers", layers, 1);
        Arguments.atLeast("--ctx", ctx, 1);
        Arguments.atLeast("--batch", batch, 1);
        Arguments.atLeast("--steps", steps, 1);
        Arguments.atLeast("--gen", gen, 0);
        if (profile != null) {
            Arguments.outputFile("--profile", profile);
        }
        threads.apply();
        RwkvConfig config = RwkvConfig.of(vocab, embed, layers, ctx).withSeedOptions(headQk, false, 0f);
        MachineLoad load = MachineLoad.atStart();
        TrainBenchmark.Result r = new TrainBenchmark().run(config, batch, steps, gen, device, gradientCheckpointing,
                profile);
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("params", r.parameters());
            figures.put("step_ms_median", Figures.round(r.stepMsMedian(), 1));
            figures.put("tokens_per_s", Figures.round(r.tokensPerSecond(), 1));
            figures.put("rnn_tokens_per_s", Figures.round(r.rnnTokensPerSecond(), 1));
            figures.put("achieved_gflops", Figures.round(r.achievedGflops(), 1));
            figures.put("matmul_gflops", Figures.round(r.matmulGflops(), 1));
            figures.put("share_of_matmul_peak", Figures.round(r.shareOfMatmulPeak(), 3));
            figures.put("device", r.device());
            figures.put("grad_cp", gradientCheckpointing);
            figures.put("head_qk", headQk);
            figures.put("estimated_mb", Figures.round(org.musai.train.TrainingMemory.estimateBytes(config, batch,
                    gradientCheckpointing, false) / 1048576.0, 0));
            figures.put("peak_rss_mb", r.peakResidentBytes() < 0 ? null : Figures.round(r.peakResidentBytes() / 1048576.0, 0));
            figures.put("threads", threads.count());
            figures.put("config", Map.of("vocab", vocab, "embed", embed, "layers", layers, "ctx", ctx, "batch", batch,
                    "steps", steps));
            figures.put("load", load.figures());
            spec.commandLine().getOut().println(Figures.line(figures));
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%,d parameters on %s: training step %.1f ms (median), "
                            + "%,.0f tokens/s%s (%.0f GFLOP/s, %.0f%% of a %d x %d matmul's %.0f); RNN mode %,.0f "
                            + "tokens/s; peak resident memory %.0f MiB%n", r.parameters(), r.device(), r.stepMsMedian(),
                    r.tokensPerSecond(), gradientCheckpointing ? " with -g" : "", r.achievedGflops(),
                    100 * r.shareOfMatmulPeak(), 1024, 1024, r.matmulGflops(), r.rnnTokensPerSecond(),
                    r.peakResidentBytes() / 1048576.0);
            spec.commandLine().getOut().println(load.text());
        }
        if (profile != null) {
            printProfile(OpProfile.summarize(profile), steps);
        }
        return ExitCodes.OK;
    }

    /** The operators that took the most time, per step, and what lay outside all of them. */
    private void printProfile(OpProfile.Summary summary, int steps) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "Profile of %d steps (%s): %.0f ms a step, %.0f ms inside operators, %.0f ms outside "
                        + "(Java, JNI, autograd between operators)%n", steps, profile, summary.wallMillis() / steps,
                summary.inOpsMillis() / steps, (summary.wallMillis() - summary.inOpsMillis()) / steps);
        err.println("  self ms/step   share   calls/step  operator");
        for (OpProfile.Op op : summary.ops().subList(0, Math.min(PROFILE_ROWS, summary.ops().size()))) {
            err.printf(Locale.ROOT, "  %11.1f  %5.1f%%  %11.0f  %s%n", op.selfMillis() / steps,
                    100 * op.selfMillis() / summary.wallMillis(), (double) op.calls() / steps, op.name());
        }
    }
}
