package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig;

/** Corpus locations, requests and score comparisons that the dataset tests share. */
final class DatasetTestSupport {

    static final SmfReader READER = new SmfReader();

    private DatasetTestSupport() {
    }

    /** The corpus that ships with the tests (src/test/resources/corpus). */
    static Path bundledCorpus() {
        return org.musai.TestCorpus.bundled();
    }

    /** {@code ${musai.corpus}/malformed}, when that folder exists. */
    static Optional<Path> malformedCorpus() {
        String root = System.getProperty("musai.corpus");
        if (root == null) {
            return Optional.empty();
        }
        Path folder = Paths.get(root).resolve("malformed");
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** The files of the bundled corpus, as {@code -m} finds them. */
    static List<SourceFile> bundledSources() throws IOException {
        return SourceFiles.find(bundledCorpus(), null);
    }

    /** A request for the default config of an algorithm, two threads. */
    static DatasetRequest request(List<SourceFile> sources, Path output, TokenizerConfig.Algorithm algorithm,
                                  InstrumentFilter filter, boolean bpe) {
        return new DatasetRequest(sources, output, TokenizerConfig.defaults(algorithm), filter, bpe, 0, 2);
    }

    /** The default filter with no minimum length. */
    static InstrumentFilter noMinimum() {
        return new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 0, false);
    }

    /** A filter that keeps these classes, requires those and has a minimum length. */
    static InstrumentFilter filter(Set<InstrumentClass> keep, Set<InstrumentClass> required, double minBeats) {
        return new InstrumentFilter(keep, required, minBeats, false);
    }

    /** What the filter makes of a source, read independently of the builder; null score when it is skipped. */
    static InstrumentFilter.Outcome outcome(SourceFile source, InstrumentFilter filter) throws IOException {
        Score score;
        try {
            score = READER.read(source.path());
        } catch (MidiFormatException e) {
            return new InstrumentFilter.Outcome(null, "unreadable");
        }
        return filter.apply(score);
    }

    /** The quantized form of the filtered score of a source, which its document must decode to. */
    static Score expectedScore(SourceFile source, InstrumentFilter filter, TokenizerConfig config)
            throws IOException, MidiFormatException {
        Score kept = filter.apply(READER.read(source.path())).score();
        return new Quantizer(new Quantization(config)).quantize(kept);
    }

    /** Sources by their dataset name. */
    static Map<String, SourceFile> byName(List<SourceFile> sources) {
        return sources.stream().collect(Collectors.toMap(SourceFile::name, s -> s, (a, b) -> a, TreeMap::new));
    }

    /**
     * The first difference between the tracks of two scores, or empty when every track has the same program, drum
     * flag and notes (tick, duration, pitch, velocity, in sorted order).
     */
    static Optional<String> firstDifference(Score expected, Score actual) {
        return org.musai.ScoreDifference.first(expected, actual);
    }

    /**
     * Each document of a dataset that does not decode, with 0 skipped tokens, to the quantized filtered score of
     * its source; empty when all do.
     */
    static List<String> decodeMismatches(Path datasetFolder, List<SourceFile> sources, InstrumentFilter filter)
            throws Exception {
        Map<String, SourceFile> byName = byName(sources);
        List<String> mismatches = new ArrayList<>();
        try (Dataset dataset = Dataset.open(datasetFolder)) {
            TokenizerConfig config = dataset.codec().tokenizer().config();
            for (Manifest.UsedFile file : dataset.manifest().files()) {
                var decoded = dataset.codec().decode(dataset.document(file.document()));
                if (decoded.skippedTokens() != 0) {
                    mismatches.add(file.source() + ": " + decoded.skippedTokens() + " skipped tokens");
                    continue;
                }
                Score expected = expectedScore(byName.get(file.source()), filter, config);
                firstDifference(expected, decoded.score()).ifPresent(d -> mismatches.add(file.source() + ": " + d));
            }
        }
        return mismatches;
    }

    /** The names in a folder that a build or a failed build leaves beside an output folder of this name. */
    static List<String> leftovers(Path parent, String outputName) throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + outputName + ".partial-") || n.startsWith("." + outputName + ".old-"))
                    .toList();
        }
    }

    /** Every regular file under a folder with its bytes, by relative path. */
    static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Copies a file to {@code folder/relative}, creating folders. */
    static Path copy(Path file, Path folder, String relative) throws IOException {
        Path target = folder.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.copy(file, target);
    }
}
