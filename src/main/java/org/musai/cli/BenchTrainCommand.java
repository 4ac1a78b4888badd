package org.musai.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.model.RwkvConfig;
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

    @Option(names = {"-g", "--grad-cp"}, description = "Time steps with gradient checkpointing, as train -g runs them.")
    boolean gradientCheckpointing;

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
        threads.apply();
        RwkvConfig config = RwkvConfig.of(vocab, embed, layers, ctx);
        MachineLoad load = MachineLoad.atStart();
        TrainBenchmark.Result r = new TrainBenchmark().run(config, batch, steps, gen, device, gradientCheckpointing);
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("params", r.parameters());
            figures.put("step_ms_median", Figures.round(r.stepMsMedian(), 1));
            figures.put("tokens_per_s", Figures.round(r.tokensPerSecond(), 1));
            figures.put("rnn_tokens_per_s", Figures.round(r.rnnTokensPerSecond(), 1));
            figures.put("device", r.device());
            figures.put("grad_cp", gradientCheckpointing);
            figures.put("peak_rss_mb", r.peakResidentBytes() < 0 ? null : Figures.round(r.peakResidentBytes() / 1048576.0, 0));
            figures.put("threads", threads.count());
            figures.put("config", Map.of("vocab", vocab, "embed", embed, "layers", layers, "ctx", ctx, "batch", batch,
                    "steps", steps));
            figures.put("load", load.figures());
            spec.commandLine().getOut().println(Figures.line(figures));
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%,d parameters on %s: training step %.1f ms (median), "
                            + "%,.0f tokens/s%s; RNN mode %,.0f tokens/s; peak resident memory %.0f MiB%n", r.parameters(),
                    r.device(), r.stepMsMedian(), r.tokensPerSecond(), gradientCheckpointing ? " with -g" : "",
                    r.rnnTokensPerSecond(), r.peakResidentBytes() / 1048576.0);
            spec.commandLine().getOut().println(load.text());
        }
        return ExitCodes.OK;
    }
}
