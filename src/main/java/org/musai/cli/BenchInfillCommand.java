package org.musai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.musai.generate.ModelBundle;
import org.musai.quality.FillFigures;
import org.musai.quality.InfillBenchmark;
import org.musai.quality.InfillReport;
import org.musai.quality.QualityReport;
import org.musai.quality.TrainingCorpus;
import org.musai.train.ModelEvaluation;
import org.musai.train.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code musai bench infill}: bars of the pieces an MMM model's run held out, regenerated one part at a time, judged
 * beside the same bars as the pieces have them; with the model's NLL on those pieces.
 */
@Command(name = "infill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Regenerate bars of the pieces an infill (MMM) model never trained on, one part at a",
                "time, and judge them beside the bars the pieces have. Also the model's NLL on them.",
                "Example: musai bench infill --bars-range 5-8 -o infill.json"})
final class BenchInfillCommand implements Callable<Integer> {

    /** Bars after the region that the model sees as well: a piece is cut there to keep prompts short. */
    static final int BARS_AFTER = 4;
    static final int DEFAULT_FILLS = 80;
    static final int MAX_FILLS = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = {"-M", "--model"}, paramLabel = "DIR",
            description = "MMM model or run folder (default: the default infill model).")
    Path model;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "The corpus the model's dataset was made from (default: ../shared/corpus/train).")
    Path corpus;

    @Option(names = "--bars-range", paramLabel = "A-B", defaultValue = "5-8",
            description = "The bars to regenerate in each piece, from 1 (default ${DEFAULT-VALUE}).")
    String barsRange;

    @Option(names = "--fills", paramLabel = "N", defaultValue = "" + DEFAULT_FILLS,
            description = "The most fills, each one part of one piece, pieces in order (default ${DEFAULT-VALUE}).")
    int fills;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "The first fill's seed; the n-th uses S + n (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    HeldOutOptions heldOutOptions;

    @Mixin
    FiguresOutput figuresOutput;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        int[] range = Arguments.barRange("--bars-range", barsRange);
        Arguments.between("--fills", fills, 1, MAX_FILLS);
        heldOutOptions.check();
        threads.threads();
        if (model != null) {
            Arguments.existingFolder("-M", model);
        }
        figuresOutput.check();
        Path corpusFolder = corpus != null ? corpus : BenchQualityCommand.defaultCorpus();
        Arguments.existingFolder("--corpus", corpusFolder);
        ModelBundle bundle = model == null ? ModelBundle.loadDefaultInfill() : ModelBundle.load(model);
        InfillBenchmark benchmark = new InfillBenchmark(bundle);
        InfillBenchmark.Settings settings = new InfillBenchmark.Settings(range[0] - 1, range[1] - 1, fills, seed);
        PrintWriter err = spec.commandLine().getErr();
        MachineLoad load = MachineLoad.atStart();
        long start = System.nanoTime();
        ModelEvaluation.HeldOut heldOut;
        InfillReport report;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            try {
                heldOut = new ModelEvaluation().evaluateHeldOut(bundle.folder(), corpusFolder,
                        heldOutOptions.filter(), heldOutOptions.nllWindows, seed, threads.threads(),
                        new ConsoleProgress(err, "files"), interrupt.token());
            } catch (TrainingException e) {
                throw new TrainingException(e.getMessage() + "; the infill benchmark fills only pieces the model "
                        + "never trained on");
            }
            TrainingCorpus read = TrainingCorpus.read(corpusFolder, benchmark.quantization(),
                    settings.lastBar() + 1 + BARS_AFTER, new ConsoleProgress(err, "files"), interrupt.token());
            Set<String> names = new HashSet<>(heldOut.documents());
            List<TrainingCorpus.Piece> pieces = read.pieces().stream().filter(p -> names.contains(p.name())).toList();
            long fillStart = System.nanoTime();
            List<FillFigures> figures = benchmark.run(pieces, read.range(), settings,
                    new ConsoleProgress(err, "fills"), interrupt.token());
            report = new InfillReport(bundle.folder(), corpusFolder, pieces.size(), settings, figures,
                    (System.nanoTime() - fillStart) / 1e9);
        }
        Map<String, Object> figures = report.figures();
        figures.put("held_out_nll", BenchQualityCommand.heldOutFigures(heldOut, null));
        figures.put("total_seconds", (System.nanoTime() - start) / 1e9);
        figures.put("load", load.figures());
        String line = Figures.line(Figures.rounded(figures, 4));
        PrintWriter out = spec.commandLine().getOut();
        ModelEvaluation.HeldOut nll = heldOut;
        figuresOutput.print(out, line, () -> printText(out, report, nll, load));
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, InfillReport report, ModelEvaluation.HeldOut heldOut,
                                  MachineLoad load) {
        InfillBenchmark.Settings s = report.settings();
        long filledPieces = report.fills().stream().map(FillFigures::piece).distinct().count();
        out.printf(Locale.ROOT, "Infill benchmark of %s: bars %d-%d, %d fills (one part each, seeds %d-%d) in %d of "
                        + "the %d pieces its run held out of %s%n", report.model(), s.firstBar() + 1, s.lastBar() + 1,
                report.fills().size(), s.seed(), s.seed() + Math.max(0, report.fills().size() - 1), filledPieces,
                report.pieces(), report.corpus());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric (the region, all tracks; then the part)", "pieces", "infill"));
        for (QualityReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            row.values().forEach(v -> cells.add(BenchQualityCommand.format(v, row.kind())));
            rows.add(cells);
        }
        out.print(Figures.table(rows));
        out.printf(Locale.ROOT, "Held-out NLL: %.3f nats per token, %.2f per note (unigram %.3f per token); "
                        + "%,d tokens in %d of the %d windows of %d documents (its last validation loss: %.3f)%n",
                heldOut.nllPerToken(), heldOut.nllPerNote(), heldOut.unigramPerToken(), heldOut.tokens(),
                heldOut.windows(), heldOut.windowsInAll(), heldOut.documents().size(), heldOut.runValidationLoss());
        out.printf(Locale.ROOT, "Time: %.0f s filling and judging, %.2f s per fill%n", report.seconds(),
                report.seconds() / Math.max(1, report.fills().size()));
        out.println(load.text());
    }
}
