package org.musai.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.musai.generate.Generation;
import org.musai.generate.GenerationException;
import org.musai.generate.GenerationRequest;
import org.musai.generate.Generator;
import org.musai.generate.ModelBundle;
import org.musai.generate.SamplingSettings;
import org.musai.midi.BarMap;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.Quantization;

/**
 * Regenerates the same bars of pieces the model did not train on, one part (one instrument's tracks) at a time, as
 * Regenerate selection and {@code musai generate --infill} do, and judges the region beside what the piece has there.
 * The judging sees only scores ({@link PieceJudge}, {@link BarRegion}), never the tokens or the fill grammar. Each fill
 * depends only on its seed ({@code seed + n} for the n-th fill), so the figures are the same on every run.
 */
public final class InfillBenchmark {

    /**
     * What to regenerate.
     *
     * @param firstBar the region's first bar, 0-based
     * @param lastBar  its last bar, inclusive
     * @param maxFills the most fills, over all pieces in order
     * @param seed     the first fill's seed
     */
    public record Settings(int firstBar, int lastBar, int maxFills, long seed) {
        public Settings {
            if (firstBar < 0 || lastBar < firstBar) {
                throw new IllegalArgumentException("bars " + (firstBar + 1) + "-" + (lastBar + 1) + " are no region");
            }
            if (maxFills < 1) {
                throw new IllegalArgumentException("at least one fill, not " + maxFills);
            }
        }

        public int bars() {
            return lastBar - firstBar + 1;
        }
    }

    private final ModelBundle model;

    public InfillBenchmark(ModelBundle model) throws GenerationException {
        if (!new Generator(model).infills()) {
            throw new GenerationException("the infill benchmark regenerates bars, which needs an MMM model; "
                    + model.folder() + " uses " + model.codec().tokenizer().config().algorithm() + " tokens");
        }
        this.model = model;
    }

    /** How the model's tokenizer quantizes, for reading the pieces as the model sees them. */
    public Quantization quantization() {
        return new Quantization(model.codec().tokenizer().config());
    }

    /**
     * Fills one part of each piece long enough for the region, then another part of each, and so on, up to the
     * settings' number of fills: so that a few fills already spread over many pieces. The i-th piece starts with
     * its (i mod parts)-th part, so that not every fill begins with the first track.
     */
    public List<FillFigures> run(List<TrainingCorpus.Piece> pieces, UsualRange range, Settings settings,
                                 ProgressListener listener, CancellationToken cancel)
            throws GenerationException, CancelledException {
        PieceJudge judge = new PieceJudge(range);
        Generator generator = new Generator(model);
        List<TrainingCorpus.Piece> longEnough = pieces.stream().filter(p -> p.bars() > settings.lastBar()).toList();
        List<List<Set<Integer>>> parts = longEnough.stream().map(p -> parts(p.opening(), settings)).toList();
        int rounds = parts.stream().mapToInt(List::size).max().orElse(0);
        int total = Math.min(settings.maxFills(), parts.stream().mapToInt(List::size).sum());
        List<FillFigures> fills = new ArrayList<>();
        listener.started("fill", total);
        for (int round = 0; round < rounds && fills.size() < total; round++) {
            for (int i = 0; i < longEnough.size() && fills.size() < total; i++) {
                List<Set<Integer>> ofPiece = parts.get(i);
                if (round >= ofPiece.size()) {
                    continue;
                }
                cancel.throwIfCancelled();
                TrainingCorpus.Piece piece = longEnough.get(i);
                Set<Integer> part = ofPiece.get((i + round) % ofPiece.size());
                Generation filled = generator.infill(piece.opening(), part, settings.firstBar(), settings.lastBar(),
                        SamplingSettings.defaults(settings.seed() + fills.size()),
                        GenerationRequest.DEFAULT_MAX_TOKENS, cancel);
                fills.add(judge(judge, piece, part, filled.score(), settings));
                listener.advanced(fills.size(), total, 0);
            }
        }
        listener.finished(fills.size() + " fills");
        return fills;
    }

    /** The parts with a note in the region, each as the tracks one fill regenerates, in track order. */
    private static List<Set<Integer>> parts(Score score, Settings settings) {
        BarMap map = BarMap.of(score, settings.lastBar() + 1);
        int from = map.start(settings.firstBar());
        int to = map.end(settings.lastBar());
        List<Set<Integer>> parts = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int t = 0; t < score.tracks().size(); t++) {
            if (seen.contains(t)) {
                continue;
            }
            Set<Integer> part = Generator.regeneratedTracks(score, Set.of(t));
            seen.addAll(part);
            boolean sounds = part.stream().flatMap(i -> score.tracks().get(i).notes().stream())
                    .anyMatch(n -> n.tick() >= from && n.tick() < to);
            if (sounds) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static FillFigures judge(PieceJudge judge, TrainingCorpus.Piece piece, Set<Integer> part, Score filled,
                                     Settings settings) {
        Score original = piece.opening();
        if (filled.tracks().size() != original.tracks().size()) {
            throw new IllegalStateException(piece.name() + ": the infill changed the number of tracks");
        }
        Score before = BarRegion.of(original, settings.firstBar(), settings.lastBar());
        Score after = BarRegion.of(filled, settings.firstBar(), settings.lastBar());
        Set<InstrumentClass> classes = new TreeSet<>();
        List<String> names = new ArrayList<>();
        for (int t : part) {
            classes.add(original.tracks().get(t).instrumentClass());
            names.add(original.tracks().get(t).name());
        }
        return new FillFigures(piece.name(), String.join(" + ", names), kept(original, filled, part, settings),
                judge.judge(before, settings.bars(), classes), judge.judge(after, settings.bars(), classes),
                notes(before, part), notes(after, part), fit(before, part, settings.bars()),
                fit(after, part, settings.bars()),
                meanPitch(before, part), meanPitch(after, part));
    }

    /** Whether the tracks, tempo map, meters and every note outside the region or the part are as they were. */
    static boolean kept(Score original, Score filled, Set<Integer> part, Settings settings) {
        if (original.tracks().size() != filled.tracks().size() || !original.tempos().equals(filled.tempos())
                || !original.timeSignatures().equals(filled.timeSignatures())
                || original.ticksPerQuarter() != filled.ticksPerQuarter()) {
            return false;
        }
        BarMap map = BarMap.of(original, settings.lastBar() + 1);
        int from = map.start(settings.firstBar());
        int to = map.end(settings.lastBar());
        for (int t = 0; t < original.tracks().size(); t++) {
            Track a = original.tracks().get(t);
            Track b = filled.tracks().get(t);
            if (!a.name().equals(b.name()) || a.program() != b.program() || a.drum() != b.drum()) {
                return false;
            }
            boolean regenerated = part.contains(t);
            if (!outside(a, regenerated, from, to).equals(outside(b, regenerated, from, to))) {
                return false;
            }
        }
        return true;
    }

    private static List<Note> outside(Track track, boolean regenerated, int from, int to) {
        return track.notes().stream().filter(n -> !regenerated || n.tick() < from || n.tick() >= to).sorted()
                .toList();
    }

    private static int notes(Score region, Set<Integer> part) {
        return part.stream().mapToInt(t -> region.tracks().get(t).notes().size()).sum();
    }

    /** The share of the part's pitched notes whose pitch class the rest sounds in the same bar. */
    private static double fit(Score region, Set<Integer> part, int bars) {
        BarMap map = BarMap.of(region, bars);
        List<Set<Integer>> heard = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            heard.add(new HashSet<>());
        }
        boolean rest = false;
        for (int t = 0; t < region.tracks().size(); t++) {
            Track track = region.tracks().get(t);
            if (part.contains(t) || track.drum()) {
                continue;
            }
            for (Note note : track.notes()) {
                rest = true;
                for (int b = map.barAt(note.tick()); b < bars && map.start(b) < Math.max(note.end(), note.tick() + 1);
                     b++) {
                    heard.get(b).add(note.pitch() % 12);
                }
            }
        }
        int fitting = 0;
        int pitched = 0;
        for (int t : part) {
            Track track = region.tracks().get(t);
            if (track.drum()) {
                continue;
            }
            for (Note note : track.notes()) {
                pitched++;
                fitting += heard.get(map.barAt(note.tick())).contains(note.pitch() % 12) ? 1 : 0;
            }
        }
        return !rest || pitched == 0 ? Double.NaN : (double) fitting / pitched;
    }

    private static double meanPitch(Score region, Set<Integer> part) {
        return part.stream().map(t -> region.tracks().get(t)).filter(t -> !t.drum())
                .flatMap(t -> t.notes().stream()).mapToInt(Note::pitch).average().orElse(Double.NaN);
    }
}
