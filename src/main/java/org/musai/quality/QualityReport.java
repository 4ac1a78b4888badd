package org.musai.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.musai.generate.GenerationRequest;
import org.musai.generate.SamplingSettings;
import org.musai.midi.InstrumentClass;
import org.musai.midi.MusicMetrics;

/**
 * What the quality benchmark found: the training corpus and the generated pieces side by side per length, each cell
 * of the suite on its own, and the settings. {@link #rows()} is the table people read, {@link #figures()} everything
 * as a tree of maps and lists for JSON. Immutable.
 */
public final class QualityReport {

    /** How a row's values read. */
    public enum Kind { COUNT, SHARE, NUMBER }

    /**
     * One row of the table.
     *
     * @param key    its name in JSON
     * @param label  its name for people
     * @param kind   how its values read
     * @param values per length of the suite, in order: the training corpus's value, then the generated pieces'
     */
    public record Row(String key, String label, Kind kind, List<Double> values) {
    }

    private record Metric(String key, String label, Kind kind, ToDoubleFunction<Summary> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("pieces", "pieces", Kind.COUNT, Summary::pieces),
            new Metric("loop_lock", "loop lock (4+ bars in a row, each a copy of the one before)", Kind.SHARE,
                    Summary::loopLock),
            new Metric("huge_chord", "chord of more than 8 pitched notes", Kind.SHARE, Summary::hugeChord),
            new Metric("one_pitch_class", "one pitch class over 60% of pitched notes", Kind.SHARE,
                    Summary::onePitchClass),
            new Metric("mostly_silent", "25% or more silent beats", Kind.SHARE, Summary::mostlySilent),
            new Metric("above_range", "note above its class's usual range", Kind.SHARE, Summary::aboveRange),
            new Metric("any_defect", "any defect", Kind.SHARE, Summary::anyDefect),
            new Metric("empty_fourth_beat", "empty 4th beat (share of 4/4 bars)", Kind.SHARE,
                    Summary::emptyFourthBeat),
            new Metric("copy_share", "bar-copy share (bars identical to the one before)", Kind.SHARE,
                    Summary::copyShare),
            new Metric("longest_copy_run", "longest copy run (bars, mean)", Kind.NUMBER, Summary::longestCopyRun),
            new Metric("longest_copy_run_max", "longest copy run (bars, max)", Kind.COUNT,
                    Summary::longestCopyRunMax),
            new Metric("all_requested_play", "every requested class plays (pieces)", Kind.SHARE,
                    Summary::allRequestedPlay),
            new Metric("requested_bar_share", "bars in which a requested class plays (mean)", Kind.SHARE,
                    Summary::requestedBarShare),
            new Metric("classes_playing", "classes playing (mean)", Kind.NUMBER, Summary::classesPlaying),
            new Metric("notes_per_bar", "notes per bar", Kind.NUMBER, Summary::notesPerBar),
            new Metric("polyphony", "polyphony", Kind.NUMBER, s -> metric(s, MusicMetrics::polyphony)),
            new Metric("pitch_class_entropy", "pitch-class entropy (bits)", Kind.NUMBER,
                    s -> metric(s, MusicMetrics::pitchClassEntropy)),
            new Metric("scale_consistency", "scale consistency", Kind.NUMBER,
                    s -> metric(s, MusicMetrics::scaleConsistency)),
            new Metric("pitch_range", "pitch range (semitones)", Kind.NUMBER,
                    s -> metric(s, MusicMetrics::pitchRange)),
            new Metric("empty_beat_rate", "empty-beat rate", Kind.NUMBER, s -> metric(s, MusicMetrics::emptyBeatRate)),
            new Metric("groove_consistency", "groove consistency", Kind.NUMBER,
                    s -> metric(s, MusicMetrics::grooveConsistency)));

    private static final String[] METRIC_NAMES = {"pitch_range", "pitch_class_entropy", "polyphony",
            "scale_consistency", "empty_beat_rate", "groove_consistency", "note_density"};

    private final QualitySuite suite;
    private final Path model;
    private final TrainingCorpus corpus;
    private final Map<Integer, Summary> training;
    private final List<QualityBenchmark.CellResult> cells;
    private final Map<Integer, Summary> generated = new TreeMap<>();
    private final double trainingSeconds;
    private final double generationSeconds;
    private final int threads;

    QualityReport(QualitySuite suite, Path model, TrainingCorpus corpus, Map<Integer, Summary> training,
                  List<QualityBenchmark.CellResult> cells, double trainingSeconds, double generationSeconds,
                  int threads) {
        this.suite = suite;
        this.model = model;
        this.corpus = corpus;
        this.training = Map.copyOf(training);
        this.cells = List.copyOf(cells);
        this.trainingSeconds = trainingSeconds;
        this.generationSeconds = generationSeconds;
        this.threads = threads;
        for (int bars : suite.bars()) {
            List<PieceFigures> pieces = new ArrayList<>();
            cells.stream().filter(c -> c.cell().bars() == bars).forEach(c -> pieces.addAll(c.pieces()));
            generated.put(bars, Summary.of(pieces));
        }
    }

    public QualitySuite suite() {
        return suite;
    }

    /** The folder the model was loaded from. */
    public Path model() {
        return model;
    }

    /** The training corpus cut to each length. */
    public Summary training(int bars) {
        return training.get(bars);
    }

    /** All generated pieces of one length, over every class set and meter. */
    public Summary generated(int bars) {
        return generated.get(bars);
    }

    public List<QualityBenchmark.CellResult> cells() {
        return cells;
    }

    public TrainingCorpus corpus() {
        return corpus;
    }

    /** Seconds spent writing the pieces (wall clock) and judging the corpus. */
    public double generationSeconds() {
        return generationSeconds;
    }

    public double trainingSeconds() {
        return trainingSeconds;
    }

    /** The table: one row per metric, a training and a generated value per length. */
    public List<Row> rows() {
        List<Summary> columns = new ArrayList<>();
        for (int bars : suite.bars()) {
            columns.add(training(bars));
            columns.add(generated(bars));
        }
        return rowsOf(columns);
    }

    /** One row per metric with a value per summary, in the order given. */
    static List<Row> rowsOf(List<Summary> columns) {
        List<Row> rows = new ArrayList<>();
        for (Metric metric : METRICS) {
            rows.add(new Row(metric.key(), metric.label(), metric.kind(),
                    columns.stream().map(s -> metric.value().applyAsDouble(s)).toList()));
        }
        return rows;
    }

    /** Everything, as maps (insertion-ordered), lists, strings and numbers; a figure that does not apply is NaN. */
    public Map<String, Object> figures() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model.toString());
        root.put("corpus", corpus.folder().toString());
        root.put("settings", settings());
        Map<String, Object> ranges = new LinkedHashMap<>();
        corpus.range().highestByClass().forEach((c, highest) -> ranges.put(c.displayName(),
                Map.of("highest_pitch", highest, "notes", corpus.range().notes(c))));
        root.put("usual_range", ranges);
        root.put("training", trainingFigures());
        Map<String, Object> generatedFigures = new LinkedHashMap<>();
        Map<String, Object> byBars = new LinkedHashMap<>();
        generated.forEach((bars, summary) -> byBars.put(Integer.toString(bars), summaryFigures(summary)));
        generatedFigures.put("by_bars", byBars);
        List<Object> cellFigures = new ArrayList<>();
        for (QualityBenchmark.CellResult cell : cells) {
            cellFigures.add(cellFigures(cell));
        }
        generatedFigures.put("cells", cellFigures);
        root.put("generated", generatedFigures);
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("judge_training", trainingSeconds);
        seconds.put("generate_and_judge", generationSeconds);
        seconds.put("per_piece_mean", cells.stream().mapToDouble(QualityBenchmark.CellResult::seconds).sum()
                / Math.max(1, cells.stream().mapToInt(c -> c.pieces().size()).sum()));
        root.put("seconds", seconds);
        return root;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("pieces_per_cell", suite.pieces());
        settings.put("first_seed", suite.seed());
        settings.put("seeds", "each cell: " + suite.seed() + " to " + suite.seedOf(suite.pieces() - 1));
        Map<String, Object> sets = new LinkedHashMap<>();
        suite.classSets().forEach(s -> sets.put(s.name(), s.classes().stream().map(InstrumentClass::number).toList()));
        settings.put("class_sets", sets);
        settings.put("meters", suite.meters().stream().map(Object::toString).toList());
        settings.put("bars", suite.bars());
        settings.put("tempo_bpm", suite.tempoBpm());
        SamplingSettings s = suite.sampling(suite.seed());
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("temperature", s.temperature());
        sampling.put("top_p", s.topP());
        sampling.put("top_k", s.topK());
        sampling.put("repetition_penalty", s.repetitionPenalty());
        sampling.put("max_penalty", s.maxPenalty());
        sampling.put("penalty_window", s.penaltyWindow());
        sampling.put("penalty_decay", s.penaltyDecay());
        settings.put("sampling", sampling);
        settings.put("max_tokens", GenerationRequest.DEFAULT_MAX_TOKENS);
        settings.put("threads", threads);
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("bars", "counted from the time-signature map; pickups and bars cut short by a change are "
                + "bars; a training piece cut to N bars is its first N bars, and pieces shorter than N are left out");
        definitions.put("training", "every file of the corpus with the dataset's default filter (all classes but "
                + "Sound Effects), quantized as the model's tokenizer quantizes");
        definitions.put("copy", "a bar with notes, the length of the bar before and the same set of (onset in bar, "
                + "pitch, instrument class)");
        definitions.put("loop_lock", PieceJudge.LOOP_LOCK_RUN + " or more copies in a row");
        definitions.put("huge_chord", "more than " + PieceJudge.MAX_CHORD + " pitched notes starting at one tick");
        definitions.put("one_pitch_class", "more than " + PieceJudge.PITCH_CLASS_LIMIT
                + " of the pitched notes in one pitch class");
        definitions.put("mostly_silent", PieceJudge.SILENT_BEAT_LIMIT + " or more of the beats (note values of "
                + "the denominator) with no note sounding");
        definitions.put("above_range", "a pitched note above the " + UsualRange.PERCENTILE * 100
                + "th percentile pitch of its class over all notes of the training corpus");
        definitions.put("empty_fourth_beat", "a full 4/4 bar with no note starting in its fourth quarter");
        definitions.put("requested", "generated: the cell's classes (not judged for 'all', which asks for none in "
                + "particular); training: the classes of the whole piece");
        settings.put("definitions", definitions);
        return settings;
    }

    private Map<String, Object> trainingFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("files", corpus.pieces().size() + corpus.skipped().size());
        figures.put("usable", corpus.pieces().size());
        List<Object> leftOut = new ArrayList<>();
        corpus.skipped().forEach(s -> leftOut.add(Map.of("file", s.name(), "reason", s.reason())));
        figures.put("left_out", leftOut);
        Map<String, Object> byBars = new LinkedHashMap<>();
        for (int bars : suite.bars()) {
            Map<String, Object> entry = summaryFigures(training(bars));
            entry.put("shorter", corpus.shorterThan(bars).stream().map(TrainingCorpus.Piece::name).toList());
            byBars.put(Integer.toString(bars), entry);
        }
        figures.put("by_bars", byBars);
        return figures;
    }

    private static Map<String, Object> cellFigures(QualityBenchmark.CellResult cell) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("class_set", cell.cell().classSet().name());
        figures.put("meter", cell.cell().meter().toString());
        figures.put("bars", cell.cell().bars());
        figures.put("seconds", cell.seconds());
        figures.put("tokens", cell.tokens());
        figures.put("skipped_tokens", cell.skippedTokens());
        figures.putAll(summaryFigures(Summary.of(cell.pieces())));
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("loop_lock", seedsWith(cell, PieceFigures::loopLock));
        seeds.put("huge_chord", seedsWith(cell, PieceFigures::hugeChord));
        seeds.put("one_pitch_class", seedsWith(cell, PieceFigures::onePitchClass));
        seeds.put("mostly_silent", seedsWith(cell, PieceFigures::mostlySilent));
        seeds.put("above_range", seedsWith(cell, PieceFigures::aboveRange));
        figures.put("defect_seeds", seeds);
        return figures;
    }

    private static List<Long> seedsWith(QualityBenchmark.CellResult cell, Predicate<PieceFigures> defect) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < cell.pieces().size(); i++) {
            if (defect.test(cell.pieces().get(i))) {
                seeds.add(cell.seeds().get(i));
            }
        }
        return seeds;
    }

    static Map<String, Object> summaryFigures(Summary summary) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Metric metric : METRICS) {
            figures.put(metric.key(), metric.value().applyAsDouble(summary));
        }
        figures.put("four_four_bars", summary.fourFourBars());
        Map<String, Object> metrics = new LinkedHashMap<>();
        double[] values = summary.metrics() == null ? null : summary.metrics().values();
        for (int i = 0; i < METRIC_NAMES.length; i++) {
            metrics.put(METRIC_NAMES[i], values == null ? Double.NaN : values[i]);
        }
        figures.put("muspy", metrics);
        return figures;
    }

    private static double metric(Summary summary, ToDoubleFunction<MusicMetrics> value) {
        return summary.metrics() == null ? Double.NaN : value.applyAsDouble(summary.metrics());
    }
}
