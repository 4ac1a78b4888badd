package org.musai.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.musai.generate.SamplingSettings;

/**
 * What the infill benchmark found: the regenerated region beside the same bars as the pieces have them, with the
 * piece-level rows of the quality benchmark ({@link QualityReport#rowsOf}) and rows of the part that was rewritten.
 * Immutable.
 *
 * @param model    the folder the model was loaded from
 * @param corpus   the corpus folder the pieces came from
 * @param pieces   how many pieces were offered (the held-out ones)
 * @param settings what was regenerated
 * @param fills    each fill's figures, in order
 * @param seconds  time spent filling and judging
 */
public record InfillReport(Path model, Path corpus, int pieces, InfillBenchmark.Settings settings,
                           List<FillFigures> fills, double seconds) {

    public InfillReport {
        fills = List.copyOf(fills);
    }

    /** The region as the pieces have it. */
    public Summary original() {
        return Summary.of(fills.stream().map(FillFigures::original).toList());
    }

    /** The region after the infills. */
    public Summary filled() {
        return Summary.of(fills.stream().map(FillFigures::filled).toList());
    }

    /** The table: each row with the pieces' value, then the infill's. */
    public List<QualityReport.Row> rows() {
        List<QualityReport.Row> rows = new ArrayList<>(QualityReport.rowsOf(List.of(original(), filled())));
        rows.add(row("kept", "everything outside the region and the part kept", QualityReport.Kind.SHARE,
                Double.NaN, mean(f -> f.kept() ? 1 : 0)));
        rows.add(row("part_notes", "notes of the part in the region (mean)", QualityReport.Kind.NUMBER,
                mean(FillFigures::originalNotes), mean(FillFigures::filledNotes)));
        rows.add(row("part_silent", "part silent in the region", QualityReport.Kind.SHARE,
                mean(f -> f.originalNotes() == 0 ? 1 : 0), mean(f -> f.filledNotes() == 0 ? 1 : 0)));
        rows.add(row("pitch_class_fit", "part's notes in a pitch class the rest sounds in that bar",
                QualityReport.Kind.SHARE, mean(FillFigures::originalFit), mean(FillFigures::filledFit)));
        rows.add(row("mean_pitch", "part's mean pitch", QualityReport.Kind.NUMBER,
                mean(FillFigures::originalPitch), mean(FillFigures::filledPitch)));
        rows.add(row("pitch_moved", "part's mean pitch moved (semitones, mean of |change|)",
                QualityReport.Kind.NUMBER, Double.NaN, mean(f -> Math.abs(f.filledPitch() - f.originalPitch()))));
        return rows;
    }

    /** Everything, as maps, lists, strings and numbers; a figure that does not apply is NaN. */
    public Map<String, Object> figures() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model.toString());
        root.put("corpus", corpus.toString());
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("bars", (settings.firstBar() + 1) + "-" + (settings.lastBar() + 1));
        setup.put("max_fills", settings.maxFills());
        setup.put("first_seed", settings.seed());
        SamplingSettings sampling = SamplingSettings.defaults(settings.seed());
        setup.put("sampling", Map.of("temperature", sampling.temperature(), "top_p", sampling.topP(),
                "repetition_penalty", sampling.repetitionPenalty()));
        setup.put("pieces_offered", pieces);
        setup.put("pieces_filled", fills.stream().map(FillFigures::piece).distinct().count());
        root.put("settings", setup);
        Map<String, Object> table = new LinkedHashMap<>();
        for (QualityReport.Row row : rows()) {
            table.put(row.key(), Map.of("pieces", row.values().get(0), "infill", row.values().get(1)));
        }
        root.put("table", table);
        root.put("original_detail", QualityReport.summaryFigures(original()));
        root.put("filled_detail", QualityReport.summaryFigures(filled()));
        List<Object> each = new ArrayList<>();
        for (FillFigures f : fills) {
            Map<String, Object> fill = new LinkedHashMap<>();
            fill.put("piece", f.piece());
            fill.put("part", f.part());
            fill.put("kept", f.kept());
            fill.put("notes", List.of(f.originalNotes(), f.filledNotes()));
            fill.put("pitch_class_fit", List.of(f.originalFit(), f.filledFit()));
            fill.put("mean_pitch", List.of(f.originalPitch(), f.filledPitch()));
            each.add(fill);
        }
        root.put("fills", each);
        root.put("seconds", Map.of("fill_and_judge", seconds, "per_fill_mean", seconds / Math.max(1, fills.size())));
        return root;
    }

    private static QualityReport.Row row(String key, String label, QualityReport.Kind kind, double pieces,
                                         double infill) {
        return new QualityReport.Row(key, label, kind, List.of(pieces, infill));
    }

    /** The mean over the fills where the value is a number; NaN when none is. */
    private double mean(ToDoubleFunction<FillFigures> value) {
        return fills.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
