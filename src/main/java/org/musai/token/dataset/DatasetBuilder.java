package org.musai.token.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.musai.io.AtomicFiles;
import org.musai.io.PartialFiles;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.NoteLoss;
import org.musai.token.TokenCodec;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerFile;
import org.musai.token.binidx.BinIdxDtype;
import org.musai.token.binidx.BinIdxReader;
import org.musai.token.binidx.BinIdxWriter;
import org.musai.token.bpe.BpeModel;
import org.musai.token.bpe.BpeTrainer;

/**
 * Turns MIDI files into a training set: binidx tokens (one document per file), {@code tokenizer.json} and
 * {@code manifest.json}. The dataset is built in a hidden folder beside the destination and moved into place only
 * when complete, so a cancelled or failed run leaves the old dataset, or nothing, never half of one.
 * One call at a time per instance; progress comes on the calling thread.
 */
public final class DatasetBuilder {

    /**
     * Files whose document would be longer are skipped. The longest real documents of the shared corpora have
     * about 245,000 REMI tokens (a string quartet) and 461,000 MMM tokens (a test file of all 128 instruments);
     * a million tokens leaves room for both while bounding what one file adds to a dataset (2-4 MB).
     */
    public static final int MAX_DOCUMENT_TOKENS = 1 << 20;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Builds the dataset a request describes. */
    public Manifest build(DatasetRequest request, ProgressListener listener, CancellationToken cancel)
            throws IOException, DatasetException, CancelledException {
        if (request.sources().isEmpty()) {
            throw new DatasetException("no MIDI files to tokenize");
        }
        DatasetFiles.checkReplaceable(request.output());
        Tokenizer tokenizer = Tokenizer.of(request.config());
        Path work = DatasetFiles.newWorkFolder(request.output());
        try {
            ManifestCollector collector = tokenize(request, tokenizer, work, listener, cancel);
            TokenCodec codec = TokenCodec.of(tokenizer);
            if (request.merges() != null && request.merges().hasBpe()) {
                codec = applyMerges(request.merges(), work, request.threads(), listener, cancel);
            } else if (request.bpe()) {
                codec = learnAndApplyBpe(codec, work, request.vocabSize(), request.threads(), listener, cancel);
            } else {
                Files.move(work.resolve("base.bin"), work.resolve(DatasetFiles.TOKENS + ".bin"));
                Files.move(work.resolve("base.idx"), work.resolve(DatasetFiles.TOKENS + ".idx"));
            }
            Manifest manifest = collector.toManifest(codec, work, request.filter());
            TokenizerFile.save(codec, work.resolve(TokenizerFile.FILE_NAME));
            AtomicFiles.write(work.resolve(Manifest.FILE_NAME), JSON.writeValueAsBytes(manifest));
            DatasetFiles.replace(work, request.output());
            listener.finished(manifest.documents() + " documents, " + manifest.tokens() + " tokens, "
                    + manifest.skipped().size() + " files skipped");
            return manifest;
        } catch (IOException e) {
            // the files that are read fail one at a time and are skipped; what escapes is the writing
            throw new IOException("writing the dataset " + request.output() + " failed (" + describe(e) + "); "
                    + (Files.exists(request.output()) ? "the dataset there is unchanged" : "nothing was left there"), e);
        } finally {
            PartialFiles.deleteRecursively(work);
        }
    }

    private static String describe(IOException e) {
        String message = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /**
     * Learns BPE over an existing dataset (undoing any earlier merges first) and rewrites its tokens, as the seed's
     * {@code -b} on its own does.
     */
    public Manifest applyBpe(Path dataset, int vocabSize, int threads, ProgressListener listener,
                             CancellationToken cancel) throws IOException, DatasetException, CancelledException {
        if (vocabSize < 0) {
            throw new IllegalArgumentException("vocabulary size must not be negative");
        }
        Dataset existing = Dataset.open(dataset);
        Path work = DatasetFiles.newWorkFolder(dataset);
        try {
            try (existing; BinIdxWriter base = BinIdxWriter.create(work.resolve("base"),
                    BinIdxDtype.forVocabularySize(existing.codec().tokenizer().vocabulary().size()))) {
                try {
                    for (int doc = 0; doc < existing.documentCount(); doc++) {
                        base.add(existing.codec().toBaseIds(existing.document(doc)).ids());
                    }
                } catch (IOException | RuntimeException e) {
                    base.abort();
                    throw e;
                }
            }
            TokenCodec codec = learnAndApplyBpe(TokenCodec.of(existing.codec().tokenizer()), work, vocabSize, threads,
                    listener, cancel);
            Manifest old = existing.manifest();
            ManifestCollector collector = ManifestCollector.from(old);
            Manifest manifest = collector.toManifest(codec, work, old.filter());
            TokenizerFile.save(codec, work.resolve(TokenizerFile.FILE_NAME));
            AtomicFiles.write(work.resolve(Manifest.FILE_NAME), JSON.writeValueAsBytes(manifest));
            DatasetFiles.replace(work, dataset);
            return manifest;
        } finally {
            PartialFiles.deleteRecursively(work);
        }
    }

    private ManifestCollector tokenize(DatasetRequest request, Tokenizer tokenizer, Path work,
                                       ProgressListener listener, CancellationToken cancel)
            throws IOException, DatasetException, CancelledException {
        FileTokenization tokenization = new FileTokenization(tokenizer, request.filter());
        ManifestCollector collector = new ManifestCollector();
        int total = request.sources().size();
        listener.started("tokenize", total);
        BinIdxWriter writer = BinIdxWriter.create(work.resolve("base"),
                BinIdxDtype.forVocabularySize(tokenizer.vocabulary().size()));
        writeInOrder(writer, request.sources(), request.threads(), tokenization::process, result -> {
            collector.add(result);
            listener.advanced(collector.seen(), total, collector.skippedCount());
            return result.ids();
        }, cancel);
        if (collector.usedCount() == 0) {
            throw new DatasetException("none of the " + total + " files could be used: " + collector.reasonSummary());
        }
        return collector;
    }

    private static TokenCodec learnAndApplyBpe(TokenCodec plain, Path work, int vocabSize, int threads,
                                               ProgressListener listener, CancellationToken cancel)
            throws IOException, DatasetException, CancelledException {
        int baseSize = plain.vocabSize();
        int target = vocabSize > 0 ? vocabSize : (int) Math.round(baseSize * DatasetRequest.DEFAULT_BPE_GROWTH);
        if (target < baseSize) {
            throw new DatasetException("vocabulary size " + target + " is below the base vocabulary of " + baseSize);
        }
        BpeTrainer trainer = TokenCodec.bpeTrainer(plain.tokenizer());
        BpeModel model;
        try (BinIdxReader base = BinIdxReader.open(work.resolve("base"))) {
            listener.started("learn BPE", base.documentCount());
            for (int doc = 0; doc < base.documentCount(); doc++) {
                cancel.throwIfCancelled();
                trainer.add(base.document(doc));
            }
            model = trainer.train(target);
        } // on failure the caller removes the whole work folder
        return applyMerges(plain.withBpe(model), work, threads, listener, cancel);
    }

    /** Rewrites the base tokens in {@code work} with a codec's merges; the base files are deleted afterwards. */
    private static TokenCodec applyMerges(TokenCodec codec, Path work, int threads, ProgressListener listener,
                                          CancellationToken cancel) throws IOException, CancelledException {
        try (BinIdxReader base = BinIdxReader.open(work.resolve("base"))) {
            listener.started("apply BPE", base.documentCount());
            List<Integer> docs = new ArrayList<>();
            for (int doc = 0; doc < base.documentCount(); doc++) {
                docs.add(doc);
            }
            BinIdxWriter writer = BinIdxWriter.create(work.resolve(DatasetFiles.TOKENS),
                    BinIdxDtype.forVocabularySize(codec.vocabSize()));
            int[] done = {0};
            writeInOrder(writer, docs, threads, doc -> codec.applyBpe(base.document(doc)), ids -> {
                listener.advanced(++done[0], docs.size(), 0);
                return ids;
            }, cancel);
            return codec;
        } finally {
            Files.deleteIfExists(work.resolve("base.bin"));
            Files.deleteIfExists(work.resolve("base.idx"));
        }
    }

    /** Turns a worker's result into the document to write, or null to write none. */
    private interface DocumentSink<R> {
        int[] document(R result) throws IOException;
    }

    /**
     * Writes the documents that workers make from the items, in the items' order, and closes the writer; on failure or
     * cancellation the writer is aborted, so no half-written file stays.
     */
    private static <T, R> void writeInOrder(BinIdxWriter writer, List<T> items, int threads, Function<T, R> work,
                                            DocumentSink<R> sink, CancellationToken cancel)
            throws IOException, CancelledException {
        try {
            OrderedParallel.run(items, threads, work, result -> {
                int[] ids = sink.document(result);
                if (ids != null) {
                    writer.add(ids);
                }
            }, cancel);
        } catch (IOException | CancelledException | RuntimeException e) {
            writer.abort();
            throw e;
        }
        writer.close();
    }

    /** Gathers the manifest's entries as results arrive in document order. */
    static final class ManifestCollector {
        private final List<Manifest.UsedFile> used = new ArrayList<>();
        private final List<Manifest.SkippedFile> skipped = new ArrayList<>();
        private final Map<String, Integer> classCounts = new LinkedHashMap<>();
        private long baseTokens;
        /** Null only for a dataset written before losses were counted, whose total stays unknown. */
        private NoteLoss loss = NoteLoss.NONE;

        static ManifestCollector from(Manifest manifest) {
            ManifestCollector collector = new ManifestCollector();
            collector.used.addAll(manifest.files());
            collector.skipped.addAll(manifest.skipped());
            collector.classCounts.putAll(manifest.classCounts());
            collector.baseTokens = manifest.baseTokens();
            collector.loss = manifest.loss();
            return collector;
        }

        void add(FileTokenization.Result result) {
            String name = result.source().name();
            if (result.skipped()) {
                skipped.add(new Manifest.SkippedFile(name, result.skipReason()));
                return;
            }
            List<String> classes = result.classes().stream().map(InstrumentClass::displayName).toList();
            classes.forEach(c -> classCounts.merge(c, 1, Integer::sum));
            used.add(new Manifest.UsedFile(name, used.size(), result.ids().length, result.notes(),
                    Math.round(result.beats() * 100) / 100.0, classes, result.loss(), result.warnings()));
            baseTokens += result.ids().length;
            loss = loss.plus(result.loss());
        }

        int seen() {
            return used.size() + skipped.size();
        }

        int usedCount() {
            return used.size();
        }

        int skippedCount() {
            return skipped.size();
        }

        String reasonSummary() {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            skipped.forEach(s -> reasons.merge(s.reason().replaceAll(":.*", ""), 1, Integer::sum));
            return reasons.toString();
        }

        /** The manifest, with each document's token count read back from the final binidx files. */
        Manifest toManifest(TokenCodec codec, Path work, Map<String, Object> filter) throws IOException {
            List<Manifest.UsedFile> files = new ArrayList<>(used.size());
            long tokens;
            try (BinIdxReader reader = BinIdxReader.open(work.resolve(DatasetFiles.TOKENS))) {
                for (Manifest.UsedFile file : used) {
                    files.add(new Manifest.UsedFile(file.source(), file.document(), reader.length(file.document()),
                            file.notes(), file.beats(), file.classes(), file.loss(), file.warnings()));
                }
                tokens = reader.tokenCount();
            }
            return new Manifest(Manifest.FORMAT, codec.tokenizer().config().algorithm().name(),
                    TokenizerFile.hash(codec), files.size(), tokens, baseTokens, classCounts, filter, files, skipped,
                    loss);
        }

        Manifest toManifest(TokenCodec codec, Path work, InstrumentFilter filter) throws IOException {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("keep", filter.keep().stream().map(InstrumentClass::displayName).toList());
            description.put("required", filter.required().stream().map(InstrumentClass::displayName).toList());
            description.put("minBeats", filter.minBeats());
            description.put("mergeSameClass", filter.mergeSameClass());
            return toManifest(codec, work, description);
        }
    }
}
