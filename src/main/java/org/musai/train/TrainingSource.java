package org.musai.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.musai.token.TokenizerFile;
import org.musai.token.binidx.BinIdxReader;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.DatasetException;
import org.musai.token.dataset.DatasetFiles;
import org.musai.token.dataset.Manifest;

/** Where a run's tokens come from: a dataset folder, or a binidx prefix in text mode. Close it to release the files. */
final class TrainingSource implements AutoCloseable {

    /** Text mode has no tokenizer; its config says so in place of a hash. */
    static final String TEXT_MODE = "text";
    /** What to do about a dataset whose ids do not fit its own tokenizer. */
    static final String DAMAGED_DATASET = "the file is damaged or was made with another tokenizer: tokenize again";

    private final Dataset dataset;
    private final BinIdxReader tokens;
    private final TrainingOptions options;

    private TrainingSource(Dataset dataset, BinIdxReader tokens, TrainingOptions options) {
        this.dataset = dataset;
        this.tokens = tokens;
        this.options = options;
    }

    static TrainingSource open(TrainingOptions options) throws TrainingException, IOException {
        if (options.dataset() != null) {
            try {
                Dataset dataset = Dataset.open(options.dataset());
                TrainingSource source = new TrainingSource(dataset, dataset.tokens(), options);
                if (source.infillShare() < 0) {
                    source.close();
                    throw new TrainingException("--infill-share needs an MMM dataset; this one is "
                            + dataset.codec().tokenizer().config().algorithm());
                }
                return source;
            } catch (DatasetException e) {
                throw new TrainingException(e.getMessage());
            }
        }
        return new TrainingSource(null, BinIdxReader.open(options.binidx()), options);
    }

    int vocabSize() {
        return dataset != null ? dataset.codec().vocabSize() : options.textVocabSize();
    }

    String tokenizerHash() {
        return dataset != null ? TokenizerFile.hash(dataset.codec()) : TEXT_MODE + ":" + options.textVocabSize();
    }

    /** Refuses tokens that a model of {@code vocabSize} ids cannot read, naming the file, document and id. */
    void requireIdsBelow(int vocabSize) throws TrainingException {
        if (dataset != null) {
            TokenIdCheck.requireIdsBelow(tokens, vocabSize, tokenFile(dataset), documentNames(dataset.manifest()),
                    DAMAGED_DATASET);
        } else {
            Path prefix = options.binidx();
            TokenIdCheck.requireIdsBelow(tokens, vocabSize, prefix.resolveSibling(prefix.getFileName() + ".bin"),
                    document -> "", "give --vocab-size above the largest id of the file");
        }
    }

    /** The binidx data file of a dataset folder. */
    static Path tokenFile(Dataset dataset) {
        return dataset.folder().resolve(DatasetFiles.TOKENS + ".bin");
    }

    /** " (source.mid)" for a dataset's documents, from its manifest. */
    static IntFunction<String> documentNames(Manifest manifest) {
        Map<Integer, String> names = new HashMap<>();
        if (manifest.files() != null) {
            manifest.files().forEach(file -> names.put(file.document(), file.source()));
        }
        return document -> names.containsKey(document) ? " (" + names.get(document) + ")" : "";
    }

    TrainingData data(int ctxLen) throws IOException {
        if (dataset == null) {
            return TrainingData.byStream(tokens, ctxLen, options.valFraction());
        }
        TrainingData data = TrainingData.byDocument(tokens, ctxLen, options.valFraction(), options.seed(),
                dataset.codec().tokenizer()::isHeader);
        double share = infillShare();
        return share > 0 ? data.withExamples(new InfillExamples(dataset.codec()), share) : data;
    }

    /**
     * The share of infill examples among the training rows: as asked, else MMM's default; none for REMI or text;
     * -1 when a share was asked of a dataset that cannot make them.
     */
    double infillShare() {
        boolean mmm = dataset != null && dataset.codec().tokenizer() instanceof org.musai.token.mmm.MmmTokenizer;
        if (options.infillShare() != null && options.infillShare() > 0 && !mmm) {
            return -1;
        }
        return !mmm ? 0 : options.infillShare() != null ? options.infillShare()
                : TrainingOptions.DEFAULT_MMM_INFILL_SHARE;
    }

    void copyTokenizerTo(RunFolder run) throws IOException {
        if (dataset != null) {
            TokenizerFile.save(dataset.codec(), run.tokenizer());
        }
    }

    @Override
    public void close() throws IOException {
        if (dataset != null) {
            dataset.close();
        } else {
            tokens.close();
        }
    }
}
