package org.musai.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.generate.GenerateBenchmark;
import org.musai.generate.ModelBundle;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvRnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai bench generate}: RNN-mode tokens/s at a shape, or whole pieces from a model. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Time generation: RNN-mode steps at a shape (--vocab/--embed/--layers),",
                "or 16-bar pieces from a model (-M, or the default model when no shape is given)."})
final class BenchGenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vocab", description = "Vocabulary size of a random model.")
    Integer vocab;

    @Option(names = "--embed", defaultValue = "256", description = "Embedding size (default ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--layers", defaultValue = "4", description = "Layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = {"-M", "--model"}, paramLabel = "DIR", description = "A model folder.")
    Path model;

    @Option(names = "--tokens", defaultValue = "512", description = "RNN steps to time (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--bars", defaultValue = "16", description = "Bars per piece (default ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--pieces", defaultValue = "5", description = "Pieces to time (default ${DEFAULT-VALUE}).")
    int pieces;

    @Option(names = "--variations", defaultValue = "1", description = {"With --vocab: sequences read together in one "
            + "pass per step, as variations are written (default ${DEFAULT-VALUE}); the figure is per sequence."})
    int variations;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (vocab != null) {
            Arguments.atLeast("--vocab", vocab, 2);
        }
        Arguments.atLeast("--embed", embed, 1);
        Arguments.atLeast("--layers", layers, 1);
        Arguments.atLeast("--tokens", tokens, 1);
        Arguments.atLeast("--bars", bars, 1);
        Arguments.atLeast("--pieces", pieces, 1);
        Arguments.between("--variations", variations, 1, org.musai.generate.GenerationRequest.MAX_VARIATIONS);
        MachineLoad load = MachineLoad.atStart();
        Map<String, Object> figures = new LinkedHashMap<>();
        GenerateBenchmark benchmark = new GenerateBenchmark();
        if (vocab != null) {
            GenerateBenchmark.StepResult r = benchmark.steps(RwkvConfig.of(vocab, embed, layers, 256), tokens,
                    variations);
            figures.put("params", r.parameters());
            figures.put("tokens_per_s", Figures.round(r.tokensPerSecond(), 2));
            figures.put("variations", variations);
            figures.put("tokens_per_s_all_variations", Figures.round(r.tokensPerSecond() * variations, 2));
            figures.put("config", Map.of("vocab", vocab, "embed", embed, "layers", layers));
        } else {
            ModelBundle bundle = model == null ? ModelBundle.loadDefault() : ModelBundle.load(model);
            GenerateBenchmark.PieceResult r = benchmark.pieces(bundle, bars, pieces);
            figures.put("params", r.parameters());
            figures.put("tokens_per_s", Figures.round(r.tokensPerSecond(), 2));
            figures.put("seconds_per_piece", Figures.round(r.secondsPerPiece(), 2));
            figures.put("bars", r.bars());
            figures.put("model", bundle.folder().toString());
        }
        figures.put("simd", RwkvRnn.usesSimd());
        figures.put("load", load.figures());
        Figures.print(spec.commandLine().getOut(), figures, json);
        return ExitCodes.OK;
    }

}
