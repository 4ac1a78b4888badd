package org.musai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.midi.MidiFormatException;
import org.musai.midi.MusicMetrics;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;
import org.musai.train.ModelEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musai eval}: objective metrics of MIDI files, and a model's NLL per token on a dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Objective metrics (MusPy's) of MIDI files, per file and on average;",
                "with -M and -t, a model's negative log-likelihood per token on a dataset."})
final class EvalCommand implements Callable<Integer> {

    private static final String[] NAMES = {"pitch_range", "pitch_class_entropy", "polyphony", "scale_consistency",
            "empty_beat_rate", "groove_consistency", "note_density"};

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR_OR_FILES", arity = "0..*", description = "MIDI files or folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-M", "--model"}, paramLabel = "DIR", description = "A model to score on the dataset (-t).")
    Path model;

    @Option(names = {"-t", "--dataset"}, paramLabel = "DIR", description = "The dataset the model is scored on.")
    Path dataset;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "0",
            description = "Measure only the first N bars of each file, to compare with generated pieces of N bars.")
    int bars;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Arguments.atLeast("--bars", bars, 0);
        if (paths.isEmpty() && (model == null || dataset == null)) {
            throw new IllegalArgumentException("give MIDI files or folders, or -M MODEL -t DATASET");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        if (!paths.isEmpty()) {
            List<Map<String, Object>> files = new ArrayList<>();
            List<MusicMetrics> all = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (Path path : paths) {
                for (SourceFile source : SourceFiles.find(path, null)) {
                    try {
                        Score score = new SmfReader().read(source.path());
                        MusicMetrics metrics = MusicMetrics.of(bars > 0 ? score.firstBars(bars) : score);
                        all.add(metrics);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("file", source.path().toString());
                        row.putAll(asMap(metrics));
                        files.add(row);
                    } catch (MidiFormatException e) {
                        unreadable.add(source.path() + ": " + e.getMessage());
                    }
                }
            }
            report.put("files", files);
            report.put("mean", asMap(MusicMetrics.mean(all)));
            report.put("unreadable", unreadable);
        }
        if (model != null && dataset != null) {
            ModelEvaluation.Result result = new ModelEvaluation().evaluate(model, dataset);
            report.put("nll_per_token", Figures.round(result.nllPerToken(), 4));
            report.put("unigram_per_token", Figures.round(result.unigramPerToken(), 4));
            report.put("tokens_scored", result.tokens());
        }
        print(report);
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> report) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Figures.line(report));
            return;
        }
        if (report.containsKey("files")) {
            out.println(String.join("\t", "file", String.join("\t", NAMES)));
            for (Map<String, Object> row : (List<Map<String, Object>>) report.get("files")) {
                out.println(row.values().stream().map(String::valueOf).reduce((a, b) -> a + "\t" + b).orElse(""));
            }
            out.println("mean\t" + ((Map<String, Object>) report.get("mean")).values().stream().map(String::valueOf)
                    .reduce((a, b) -> a + "\t" + b).orElse(""));
            ((List<String>) report.get("unreadable")).forEach(line -> out.println("unreadable: " + line));
        }
        if (report.containsKey("nll_per_token")) {
            out.printf(Locale.ROOT, "NLL per token %.4f (unigram baseline %.4f) over %d tokens%n",
                    report.get("nll_per_token"), report.get("unigram_per_token"), report.get("tokens_scored"));
        }
    }

    private static Map<String, Object> asMap(MusicMetrics metrics) {
        Map<String, Object> map = new LinkedHashMap<>();
        double[] values = metrics.values();
        for (int i = 0; i < NAMES.length; i++) {
            map.put(NAMES[i], Figures.round(values[i], 4));
        }
        return map;
    }

}
