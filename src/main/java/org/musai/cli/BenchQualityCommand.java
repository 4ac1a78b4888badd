package org.musai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.generate.ModelBundle;
import org.musai.midi.TimeSignature;
import org.musai.quality.QualityBenchmark;
import org.musai.quality.QualityReport;
import org.musai.quality.QualitySuite;
import org.musai.quality.TrainingCorpus;
import org.musai.token.Quantization;
import org.musai.train.ModelEvaluation;
import org.musai.train.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai bench quality}: defects and metrics of a seeded suite of generated pieces beside the corpus. */
@Command(name = "quality", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge a seeded suite of generated pieces beside the training corpus.",
                "Class sets all, 0,4,16, 3,4,16, 0,5 and 0; 4/4 and 3/4; 8, 16 and 32 bars; the",
                "default sampling; the corpus cut to as many bars. Also the model's NLL on the",
                "documents its run held out. Example: musai bench quality -o quality.json"})
final class BenchQualityCommand implements Callable<Integer> {

    /** Where the training corpus lies, relative to the installation (the project checkout). */
    static final Path DEFAULT_CORPUS = Path.of("..", "shared", "corpus", "train");
    static final int MAX_PIECES = 1000;
    /** Names of files shown per reason in the text output; the JSON lists them all. */
    private static final int NAMES_SHOWN = 5;

    @Spec
    CommandSpec spec;

    @Option(names = {"-M", "--model"}, paramLabel = "DIR", description = "Model or run folder (default: the default model).")
    Path model;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "The training corpus (default: ../shared/corpus/train beside the installation).")
    Path corpus;

    @Option(names = "--pieces", paramLabel = "N", defaultValue = "" + QualitySuite.DEFAULT_PIECES,
            description = "Pieces per cell of the suite (30 cells; default ${DEFAULT-VALUE}).")
    int pieces;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "First seed of every cell (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    HeldOutOptions heldOutOptions;

    @Mixin
    FiguresOutput figuresOutput;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--class-sets", hidden = true, split = ";", description = "Class sets, such as all;0,4,16.")
    List<String> classSets;

    @Option(names = "--meters", hidden = true, split = ",", description = "Meters, such as 4/4,3/4.")
    List<String> meters;

    @Option(names = "--bars", hidden = true, split = ",", description = "Lengths, such as 8,16,32.")
    List<Integer> bars;

    @Override
    public Integer call() throws Exception {
        QualitySuite suite = checkArguments();
        Path corpusFolder = corpus != null ? corpus : defaultCorpus();
        Arguments.existingFolder("--corpus", corpusFolder);
        ModelBundle bundle = model == null ? ModelBundle.loadDefault() : ModelBundle.load(model);
        QualityBenchmark benchmark = new QualityBenchmark(bundle, threads.threads());
        checkMeters(suite, benchmark.quantization());
        PrintWriter err = spec.commandLine().getErr();
        MachineLoad load = MachineLoad.atStart();
        long start = System.nanoTime();
        TrainingCorpus training;
        ModelEvaluation.HeldOut heldOut = null;
        String notMeasured = null;
        QualityReport report;
        double nllSeconds;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            training = TrainingCorpus.read(corpusFolder, benchmark.quantization(), suite.longest(),
                    new ConsoleProgress(err, "files"), interrupt.token());
            long nllStart = System.nanoTime();
            try {
                heldOut = new ModelEvaluation().evaluateHeldOut(bundle.folder(), corpusFolder,
                        heldOutOptions.filter(), heldOutOptions.nllWindows, seed, threads.threads(),
                        new ConsoleProgress(err, "files"), interrupt.token());
            } catch (TrainingException e) {
                notMeasured = e.getMessage(); // said in the report; the pieces can still be judged
            }
            nllSeconds = (System.nanoTime() - nllStart) / 1e9;
            report = benchmark.run(suite, training, new ConsoleProgress(err, "pieces"), interrupt.token());
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = report.figures();
        figures.put("held_out_nll", heldOutFigures(heldOut, notMeasured));
        @SuppressWarnings("unchecked")
        Map<String, Object> seconds = (Map<String, Object>) figures.get("seconds");
        seconds.put("held_out_nll", nllSeconds);
        seconds.put("total", totalSeconds);
        figures.put("load", load.figures());
        PrintWriter out = spec.commandLine().getOut();
        String line = Figures.line(Figures.rounded(figures, 4));
        ModelEvaluation.HeldOut nll = heldOut;
        String reason = notMeasured;
        figuresOutput.print(out, line, () -> {
            printText(out, report, nll, reason, nllSeconds, totalSeconds);
            out.println(load.text());
        });
        return ExitCodes.OK;
    }

    /** Every value, before the model loads. */
    private QualitySuite checkArguments() {
        Arguments.between("--pieces", pieces, 1, MAX_PIECES);
        heldOutOptions.check();
        threads.threads();
        if (model != null) {
            Arguments.existingFolder("-M", model);
        }
        figuresOutput.check();
        if (corpus != null) {
            Arguments.existingFolder("--corpus", corpus);
        }
        QualitySuite standard = QualitySuite.standard(pieces, seed);
        List<QualitySuite.ClassSet> sets = new ArrayList<>();
        for (String text : classSets == null ? List.<String>of() : classSets) {
            sets.add(QualitySuite.ClassSet.parse(text));
        }
        List<TimeSignature> parsedMeters = new ArrayList<>();
        for (String text : meters == null ? List.<String>of() : meters) {
            parsedMeters.add(TimeSignature.parse(text));
        }
        for (int length : bars == null ? List.<Integer>of() : bars) {
            Arguments.between("--bars", length, 1, GenerateCommand.MAX_BARS);
        }
        return new QualitySuite(sets.isEmpty() ? standard.classSets() : sets,
                parsedMeters.isEmpty() ? standard.meters() : parsedMeters, bars == null ? standard.bars() : bars,
                pieces, seed, standard.tempoBpm());
    }

    private static void checkMeters(QualitySuite suite, Quantization quantization) {
        for (TimeSignature meter : suite.meters()) {
            if (quantization.meterIndex(meter) < 0) {
                throw new IllegalArgumentException("--meters " + meter + ": the model has no token for this meter");
            }
        }
    }

    /** The corpus beside the installation (the launcher's musai.home), else beside the working folder. */
    static Path defaultCorpus() {
        String home = System.getProperty("musai.home");
        return (home == null ? DEFAULT_CORPUS : Path.of(home).resolve(DEFAULT_CORPUS)).normalize();
    }

    static Map<String, Object> heldOutFigures(ModelEvaluation.HeldOut h, String notMeasured) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (h == null) {
            figures.put("not_measured", notMeasured);
            return figures;
        }
        figures.put("nll_per_token", h.nllPerToken());
        figures.put("nll_per_note", h.nllPerNote());
        figures.put("unigram_per_token", h.unigramPerToken());
        figures.put("tokens", h.tokens());
        figures.put("notes", h.notes());
        figures.put("windows", h.windows());
        figures.put("windows_in_all", h.windowsInAll());
        figures.put("run_validation_loss", h.runValidationLoss());
        figures.put("split", String.format(Locale.ROOT, "the run's: %s of the documents, shuffled with seed %d "
                        + "(TrainingData.byDocument), of the corpus tokenized with the model's tokenizer",
                Arguments.plain(h.valFraction()), h.splitSeed()));
        figures.put("documents", h.documents());
        return figures;
    }

    private void printText(PrintWriter out, QualityReport report, ModelEvaluation.HeldOut heldOut,
                           String notMeasured, double nllSeconds, double totalSeconds) {
        QualitySuite suite = report.suite();
        out.printf(Locale.ROOT, "Quality benchmark of %s: %d cells x %d pieces (seeds %d-%d), against %s%n",
                report.model(), suite.cells().size(), suite.pieces(), suite.seed(),
                suite.seedOf(suite.pieces() - 1), report.corpus().folder());
        List<List<String>> rows = new ArrayList<>();
        List<String> lengths = new ArrayList<>(List.of(""));
        List<String> sides = new ArrayList<>(List.of("metric"));
        for (int length : suite.bars()) {
            lengths.addAll(List.of(length + " bars:", ""));
            sides.addAll(List.of("training", "generated"));
        }
        rows.add(lengths);
        rows.add(sides);
        for (QualityReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            row.values().forEach(v -> cells.add(format(v, row.kind())));
            rows.add(cells);
        }
        out.print(Figures.table(rows));
        if (heldOut != null) {
            out.printf(Locale.ROOT, "Held-out NLL: %.3f nats per token, %.2f per note (unigram %.3f per token); "
                            + "%,d tokens and %,d notes in %d of the %d windows of %d documents the run held out"
                            + " (its last validation loss: %.3f)%n", heldOut.nllPerToken(), heldOut.nllPerNote(),
                    heldOut.unigramPerToken(), heldOut.tokens(), heldOut.notes(), heldOut.windows(),
                    heldOut.windowsInAll(), heldOut.documents().size(), heldOut.runValidationLoss());
        } else {
            out.println("Held-out NLL: not measured: " + notMeasured);
        }
        printLeftOut(out, report);
        out.printf(Locale.ROOT, "Time: %.0f s in all (corpus %.1f s, held-out NLL %.0f s, %d pieces %.0f s on %d "
                        + "threads)%n", totalSeconds, report.trainingSeconds(), nllSeconds,
                suite.cells().size() * suite.pieces(), report.generationSeconds(), threads.threads());
    }

    private static void printLeftOut(PrintWriter out, QualityReport report) {
        TrainingCorpus corpus = report.corpus();
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (TrainingCorpus.Skipped s : corpus.skipped()) {
            byReason.computeIfAbsent(s.reason().replaceAll(":.*", ""), r -> new ArrayList<>())
                    .add(s.name() + " (" + s.reason() + ")");
        }
        out.printf(Locale.ROOT, "Training files: %d, of which %d left out%s%n",
                corpus.pieces().size() + corpus.skipped().size(), corpus.skipped().size(),
                byReason.isEmpty() ? "" : ":");
        byReason.forEach((reason, names) -> out.println("  " + reason + ": " + names.size() + ": " + shown(names)));
        for (int length : report.suite().bars()) {
            List<String> shorter = corpus.shorterThan(length).stream().map(TrainingCorpus.Piece::name).toList();
            out.printf(Locale.ROOT, "  shorter than %d bars (not judged at %d): %d%s%n", length, length,
                    shorter.size(), shorter.isEmpty() ? "" : ": " + shown(shorter));
        }
    }

    private static String shown(List<String> names) {
        String listed = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? listed + " and " + (names.size() - NAMES_SHOWN) + " more" : listed;
    }

    static String format(double value, QualityReport.Kind kind) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%.0f", value);
            case SHARE -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case NUMBER -> String.format(Locale.ROOT, "%.2f", value);
        };
    }
}
