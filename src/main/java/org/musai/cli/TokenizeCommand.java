package org.musai.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerConfig;
import org.musai.token.TokenizerFile;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetException;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.Manifest;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai tokenize}: MIDI files to a training set, with the seed tokenizer's flags. */
@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Turn a folder of MIDI files into a training set (binidx tokens, tokenizer.json, manifest.json).",
                "Example: musai tokenize -m ~/midi -t data/set -a REMI -c 0,4,16 -r 16 -l 32 -b"})
final class TokenizeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--tokens_path"}, required = true, paramLabel = "DIR", description = "Output dataset folder.")
    Path output;

    @Option(names = {"-m", "--midis_path"}, paramLabel = "PATH",
            description = "Folder of MIDI files (searched recursively) or a text file listing paths.")
    Path midis;

    @Option(names = {"-g", "--midis_glob"}, paramLabel = "GLOB", defaultValue = SourceFiles.DEFAULT_GLOB,
            description = "Which files of the folder to take (default: ${DEFAULT-VALUE}).")
    String glob;

    @Option(names = {"-p", "--process"}, description = "Extract tokens from the MIDI files (implied by -m).")
    boolean process;

    @Option(names = {"-b", "--bpe"}, description = "Learn BPE merges (alone: over the existing dataset at -t).")
    boolean bpe;

    @Option(names = {"-a", "--algo"}, paramLabel = "REMI|MMM", defaultValue = "REMI",
            description = "Tokenization: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TokenizerConfig.Algorithm algorithm;

    @Option(names = {"-c", "--classes"}, paramLabel = "LIST", converter = ClassListConverter.class,
            description = "Keep only these instrument classes, by number or name (default: all but 15 Sound Effects).")
    Set<InstrumentClass> classes;

    @Option(names = {"-r", "--classes_req"}, paramLabel = "LIST", converter = ClassListConverter.class,
            description = "Skip files that lack any of these classes (drums count).")
    Set<InstrumentClass> required;

    @Option(names = {"-l", "--length"}, paramLabel = "BEATS", defaultValue = "16",
            description = "Skip files shorter than this many beats (default: ${DEFAULT-VALUE}).")
    double minBeats;

    @Option(names = "--merge-classes", description = "Merge the tracks of one instrument class into one.")
    boolean mergeClasses;

    @Option(names = "--plain-remi", description = "The seed's REMI exactly: no instrument-class header at the start, "
            + "the time signature only where it changes (default: both, so that models follow the band and meter).")
    boolean plainRemi;

    @Option(names = "--vocab-size", paramLabel = "N", defaultValue = "0",
            description = "Vocabulary size that BPE grows to (default: 1.25 x the base vocabulary).")
    int vocabSize;

    @Option(names = "--tokenizer-of", paramLabel = "MODEL_DIR",
            description = {"Tokenize exactly as this model was trained (its tokenization and BPE merges), to "
                    + "fine-tune or score it on these files.", "Example: musai tokenize -m ~/midi/mine -t data/mine "
                    + "--tokenizer-of assets/models/default"})
    Path tokenizerOf;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (midis == null && !bpe) {
            throw new IllegalArgumentException("nothing to do: give -m with the MIDI files to tokenize, or -b to learn "
                    + "BPE over the dataset at -t");
        }
        if (process && midis == null) {
            throw new IllegalArgumentException("-p needs -m, the folder or list of MIDI files");
        }
        Arguments.between("-l", minBeats, 0, 1e6);
        Arguments.atLeast("--vocab-size", vocabSize, 0);
        if (midis != null) {
            Arguments.outputFolder("-t", output);
        }
        if (tokenizerOf != null) {
            refuseWithTokenizerOf();
        }
        long start = System.nanoTime();
        Manifest manifest;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            ConsoleProgress progress = new ConsoleProgress(err, "files");
            if (midis == null) {
                manifest = new DatasetBuilder().applyBpe(output, vocabSize, threads.threads(), progress,
                        interrupt.token());
            } else {
                List<SourceFile> sources = SourceFiles.find(midis, glob);
                if (sources.isEmpty()) {
                    throw new DatasetException("no MIDI files matching " + glob + " in " + midis);
                }
                InstrumentFilter filter = new InstrumentFilter(classes == null ? InstrumentFilter.defaultClasses()
                        : classes, required == null ? Set.of() : required, minBeats, mergeClasses);
                TokenCodec model = tokenizerOf == null ? null : modelCodec();
                TokenizerConfig config = model != null ? model.tokenizer().config()
                        : plainRemi ? TokenizerConfig.defaults(algorithm) : TokenizerConfig.forNewDatasets(algorithm);
                DatasetRequest request = new DatasetRequest(sources, output, config,
                        filter, bpe, vocabSize, threads.threads());
                if (model != null) {
                    request = request.withMergesOf(model);
                }
                manifest = new DatasetBuilder().build(request, progress, interrupt.token());
            }
        }
        printSummary(out, manifest, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    /** A model's tokenization is the model's: flags that would choose another are refused, not ignored. */
    private void refuseWithTokenizerOf() {
        List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(picocli.CommandLine.Model.OptionSpec::longestName)
                .filter(Set.of("--algo", "--bpe", "--vocab-size", "--plain-remi")::contains).toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("--tokenizer-of takes the tokenization and merges from the model; "
                    + "leave out " + String.join(", ", given));
        }
        if (midis == null) {
            throw new IllegalArgumentException("--tokenizer-of needs -m, the MIDI files to tokenize");
        }
    }

    private TokenCodec modelCodec() throws java.io.IOException {
        Path file = tokenizerOf.resolve(TokenizerFile.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(tokenizerOf + " is not a model folder (no " + TokenizerFile.FILE_NAME
                    + ")");
        }
        return TokenizerFile.load(file);
    }

    private void printSummary(PrintWriter out, Manifest manifest, double seconds) {
        int total = manifest.documents() + manifest.skipped().size();
        out.printf(Locale.ROOT, "Tokenized %d of %d files in %.1f s (%.0f files/s) with %s into %s%n",
                manifest.documents(), total, seconds, total / Math.max(seconds, 1e-9), manifest.algorithm(),
                Files.exists(output) ? output.toAbsolutePath() : output);
        out.printf(Locale.ROOT, "  %d documents, %d tokens (%d before BPE)%n", manifest.documents(), manifest.tokens(),
                manifest.baseTokens());
        out.println("  files per class: " + manifest.classCounts());
        if (manifest.loss() != null) {
            out.println("  quantization: " + manifest.loss().describe());
        }
        List<Manifest.UsedFile> damaged = manifest.files().stream().filter(f -> !f.warnings().isEmpty()).toList();
        if (!damaged.isEmpty()) {
            out.println("  damaged, tokenized up to the damage: " + damaged.size());
            for (Manifest.UsedFile file : damaged) {
                out.println("    " + file.source() + ": " + String.join("; ", file.warnings()));
            }
        }
        if (!manifest.skipped().isEmpty()) {
            Map<String, Integer> byReason = new LinkedHashMap<>();
            manifest.skipped().forEach(s -> byReason.merge(s.reason().replaceAll(":.*", ""), 1, Integer::sum));
            out.println("  skipped " + manifest.skipped().size() + ": " + byReason);
            for (Manifest.SkippedFile skipped : manifest.skipped()) {
                out.println("    " + skipped.source() + ": " + skipped.reason());
            }
        }
    }
}
