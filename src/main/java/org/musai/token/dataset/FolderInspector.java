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
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;

/**
 * Tells what a set of MIDI files holds before anyone tokenizes it: how many are readable, which instrument classes
 * they use and how long they are. {@code musai inspect} and the studio's dataset page both show its report.
 */
public final class FolderInspector {

    /**
     * The report.
     *
     * @param files       files found
     * @param readable    files that parsed
     * @param notes       notes over the readable files
     * @param classFiles  readable files per instrument class (a file counts once per class it uses)
     * @param lengthBeats length statistics over the readable files, in quarter-note beats
     * @param unreadable  each unreadable file with its reason
     */
    public record Report(int files, int readable, long notes, Map<String, Integer> classFiles, LengthStats lengthBeats,
                         List<Manifest.SkippedFile> unreadable) {
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

    private record FileFacts(SourceFile source, Score score, String error) {
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    public Report inspect(List<SourceFile> sources, int threads, ProgressListener listener, CancellationToken cancel)
            throws CancelledException, IOException {
        SmfReader reader = new SmfReader();
        Map<InstrumentClass, Integer> counts = new EnumMap<>(InstrumentClass.class);
        List<Manifest.SkippedFile> unreadable = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        long[] notes = {0};
        int total = sources.size();
        int[] done = {0};
        listener.started("inspect", total);
        OrderedParallel.run(sources, threads, source -> {
            try {
                return new FileFacts(source, reader.read(source.path()), null);
            } catch (MidiFormatException | IOException e) {
                return new FileFacts(source, null, e.getMessage());
            }
        }, facts -> {
            if (facts.score() == null) {
                unreadable.add(new Manifest.SkippedFile(facts.source().name(), facts.error()));
            } else {
                InstrumentFilter.classesOf(facts.score()).forEach(c -> counts.merge(c, 1, Integer::sum));
                lengths.add(facts.score().lengthInBeats());
                notes[0] += facts.score().noteCount();
            }
            listener.advanced(++done[0], total, unreadable.size());
        }, cancel);
        Map<String, Integer> classFiles = new LinkedHashMap<>();
        for (InstrumentClass c : InstrumentClass.values()) {
            classFiles.put(c.displayName(), counts.getOrDefault(c, 0));
        }
        listener.finished(total + " files, " + (total - unreadable.size()) + " readable");
        return new Report(total, total - unreadable.size(), notes[0], classFiles,
                LengthStats.of(toArray(lengths)), unreadable);
    }
}
