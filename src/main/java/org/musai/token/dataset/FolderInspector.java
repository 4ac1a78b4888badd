package org.musai.token.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.ReadOutcome;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.NoteLoss;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;

/**
 * Tells what a set of MIDI files holds before anyone tokenizes it: how many are readable, which instrument classes
 * they use, how long they are, which were damaged, and what tokenizing them with the default settings would lose.
 * {@code musai inspect} and the studio's dataset page both show its report. No file ends an inspection: each is
 * read or listed as unreadable with its reason.
 */
public final class FolderInspector {

    /** The settings the report's losses assume: {@code musai tokenize} without options. */
    private static final TokenizerConfig DEFAULT_SETTINGS = TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI);

    /**
     * The report.
     *
     * @param files       files found
     * @param readable    files that parsed (damaged ones included)
     * @param notes       notes over the readable files
     * @param classFiles  readable files per instrument class (a file counts once per class it uses)
     * @param lengthBeats length statistics over the readable files, in quarter-note beats
     * @param unreadable  each unreadable file with its reason
     * @param damaged     each readable file that was damaged, with where and what of it was kept
     * @param loss        the notes of the readable files that tokenizing with the default settings (all classes
     *                    but Sound Effects, pitches 21-108) would drop or change, summed
     */
    public record Report(int files, int readable, long notes, Map<String, Integer> classFiles, LengthStats lengthBeats,
                         List<Manifest.SkippedFile> unreadable, List<DamagedFile> damaged, NoteLoss loss) {
    }

    /**
     * A file that was read up to its damage.
     *
     * @param source   its name
     * @param warnings one line per damaged place
     */
    public record DamagedFile(String source, List<String> warnings) {
    }

    /**
     * Length statistics in beats.
     *
     * @param min    shortest
     * @param median middle
     * @param mean   average
     * @param max    longest
     */
    public record LengthStats(double min, double median, double mean, double max) {
        static LengthStats of(double[] lengths) {
            if (lengths.length == 0) {
                return new LengthStats(0, 0, 0, 0);
            }
            double[] sorted = lengths.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new LengthStats(round(sorted[0]), round(median), round(Arrays.stream(sorted).average().orElse(0)),
                    round(sorted[sorted.length - 1]));
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    private record FileFacts(SourceFile source, Score score, List<String> warnings, NoteLoss loss, String error) {
        static FileFacts unreadable(SourceFile source, String error) {
            return new FileFacts(source, null, List.of(), null, error);
        }
    }

    private final SmfReader reader = new SmfReader();
    private final InstrumentFilter defaultFilter = InstrumentFilter.defaults();
    private final Quantizer quantizer = new Quantizer(new Quantization(DEFAULT_SETTINGS));

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    public Report inspect(List<SourceFile> sources, int threads, ProgressListener listener, CancellationToken cancel)
            throws CancelledException, IOException {
        Map<InstrumentClass, Integer> counts = new EnumMap<>(InstrumentClass.class);
        List<Manifest.SkippedFile> unreadable = new ArrayList<>();
        List<DamagedFile> damaged = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        long[] notes = {0};
        NoteLoss[] loss = {NoteLoss.NONE};
        int total = sources.size();
        int[] done = {0};
        listener.started("inspect", total);
        OrderedParallel.run(sources, threads, this::factsOf, facts -> {
            if (facts.score() == null) {
                unreadable.add(new Manifest.SkippedFile(facts.source().name(), facts.error()));
            } else {
                InstrumentFilter.classesOf(facts.score()).forEach(c -> counts.merge(c, 1, Integer::sum));
                lengths.add(facts.score().lengthInBeats());
                notes[0] += facts.score().noteCount();
                loss[0] = loss[0].plus(facts.loss());
                if (!facts.warnings().isEmpty()) {
                    damaged.add(new DamagedFile(facts.source().name(), facts.warnings()));
                }
            }
            listener.advanced(++done[0], total, unreadable.size());
        }, cancel);
        Map<String, Integer> classFiles = new LinkedHashMap<>();
        for (InstrumentClass c : InstrumentClass.values()) {
            classFiles.put(c.displayName(), counts.getOrDefault(c, 0));
        }
        listener.finished(total + " files, " + (total - unreadable.size()) + " readable");
        return new Report(total, total - unreadable.size(), notes[0], classFiles,
                LengthStats.of(toArray(lengths)), unreadable, damaged, loss[0]);
    }

    /** Reads one file on a worker; never throws, so that every file is reported. */
    private FileFacts factsOf(SourceFile source) {
        if (source.problem() != null) {
            return FileFacts.unreadable(source, source.problem());
        }
        try {
            ReadOutcome read = reader.readWithWarnings(source.path());
            return new FileFacts(source, read.score(), read.warnings(), lossOf(read.score()), null);
        } catch (MidiFormatException e) {
            return FileFacts.unreadable(source, e.getMessage());
        } catch (IOException e) {
            return FileFacts.unreadable(source, "cannot read file: " + IoReasons.of(e));
        } catch (RuntimeException e) {
            // a bug of ours must not end the inspection: the file is reported with the cause
            return FileFacts.unreadable(source, "failed: " + e);
        }
    }

    /** What tokenizing a score with the default settings would drop or change, as {@code musai tokenize} counts it. */
    private NoteLoss lossOf(Score score) {
        InstrumentFilter.Outcome outcome = defaultFilter.apply(score);
        if (outcome.skipped()) {
            return NoteLoss.NONE.withClassesFiltered(score.noteCount()); // no note in a kept class
        }
        Score kept = outcome.score();
        return quantizer.quantizePacked(kept).loss().withClassesFiltered(score.noteCount() - kept.noteCount());
    }
}
