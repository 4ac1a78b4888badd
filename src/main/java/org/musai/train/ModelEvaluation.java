package org.musai.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musai.io.PartialFiles;
import org.musai.midi.InstrumentFilter;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetException;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;

/** How well a model predicts a dataset: negative log-likelihood per token, beside the unigram baseline. */
public final class ModelEvaluation {

    /** Windows per forward pass, as the trainer validates. */
    private static final int BATCH = 4;

    /**
     * The figures.
     *
     * @param nllPerToken     mean cross-entropy per token, in nats
     * @param unigramPerToken the same for token frequencies of the dataset
     * @param tokens          tokens scored
     */
    public record Result(double nllPerToken, double unigramPerToken, long tokens) {
    }

    /**
     * The figures on the documents a training run held out.
     *
     * @param nllPerToken       mean cross-entropy per scored token, in nats
     * @param nllPerNote        the scored tokens' summed cross-entropy over the notes among them, in nats
     * @param unigramPerToken   the same tokens under the token frequencies of the run's training documents
     * @param tokens            tokens scored
     * @param notes             notes among them (a note's pitch token counts it)
     * @param windows           context windows scored
     * @param windowsInAll      windows that the held-out documents make
     * @param documents         the held-out documents' source files, in the dataset's order
     * @param valFraction       the share of documents the run held out
     * @param splitSeed         the run's seed, which chose them
     * @param runValidationLoss the last validation loss in the run's metrics.csv (over the trainer's first 256
     *                          windows), NaN when there is none
     */
    public record HeldOut(double nllPerToken, double nllPerNote, double unigramPerToken, long tokens, long notes,
                          int windows, int windowsInAll, List<String> documents, double valFraction, long splitSeed,
                          double runValidationLoss) {
    }

    /** Scores the model on windows of every document of the dataset (all of it counts as held out). */
    public Result evaluate(Path modelFolder, Path datasetFolder) throws TrainingException, IOException {
        RunFolder run = new RunFolder(modelFolder);
        RunFolder.RunConfig config = run.readConfig();
        try (Dataset dataset = Dataset.open(datasetFolder);
             NDManager manager = NDManager.newBaseManager(Device.cpu());
             RwkvWeights weights = Trainer.loadRunWeights(run, config, manager)) {
            checkTokens(dataset, config, modelFolder, datasetFolder);
            int ctx = config.model().ctxLen();
            // every document held out for scoring; the frequencies of all of them for the baseline
            TrainingData data = TrainingData.byDocument(dataset.tokens(), ctx, 0.999999, 0,
                    dataset.codec().tokenizer()::isHeader);
            double[] unigram = TrainingData.byDocument(dataset.tokens(), ctx, 0, 0)
                    .unigramLogProbabilities(config.model().vocabSize());
            Scores scores = score(new RwkvModel(weights), manager, data.validationBatches(BATCH), unigram, null);
            return new Result(scores.perToken(), scores.unigramPerToken(), scores.tokens);
        } catch (DatasetException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    /**
     * Scores the model on the documents its run held out of a dataset (the run's share and seed, as
     * {@link TrainingData#byDocument} chose them for validation): a seeded sample of {@code windows} of their
     * context windows, or all of them for 0. These are truly held out only when the dataset is the run's.
     */
    public HeldOut evaluateHeldOut(Path modelFolder, Path datasetFolder, int windows, long sampleSeed)
            throws TrainingException, IOException {
        RunFolder run = new RunFolder(modelFolder);
        RunFolder.RunConfig config = run.readConfig();
        TrainingOptions options = config.options();
        if (options == null || options.dataset() == null || options.valFraction() <= 0) {
            throw new TrainingException(modelFolder + ": its run held no documents out (no validation share in "
                    + RunFolder.CONFIG + "), so no NLL on held-out documents can be given");
        }
        try (Dataset dataset = Dataset.open(datasetFolder);
             NDManager manager = NDManager.newBaseManager(Device.cpu());
             RwkvWeights weights = Trainer.loadRunWeights(run, config, manager)) {
            checkTokens(dataset, config, modelFolder, datasetFolder);
            int ctx = config.model().ctxLen();
            TrainingData data = TrainingData.byDocument(dataset.tokens(), ctx, options.valFraction(), options.seed(),
                    dataset.codec().tokenizer()::isHeader);
            double[] unigram = data.unigramLogProbabilities(config.model().vocabSize());
            List<TrainingData.Batch> batches = data.sampledValidationBatches(BATCH, windows, sampleSeed);
            Scores scores = score(new RwkvModel(weights), manager, batches, unigram, dataset.codec());
            List<String> documents = new ArrayList<>();
            for (int document : data.validationDocuments()) {
                documents.add(dataset.manifest().files().get(document).source());
            }
            int scored = batches.stream().mapToInt(TrainingData.Batch::size).sum();
            return new HeldOut(scores.perToken(), scores.sum / Math.max(1, scores.notes), scores.unigramPerToken(),
                    scores.tokens, scores.notes, scored, data.validationWindowCount(), documents,
                    options.valFraction(), options.seed(), lastValidationLoss(run));
        } catch (DatasetException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    /**
     * Tokenizes a folder of MIDI files with the model's tokenizer and filter into a temporary dataset (removed
     * afterwards), then scores the documents the model's run held out of it ({@link #evaluateHeldOut}). With the
     * folder and filter the run's dataset was made from, these are exactly the run's validation documents.
     */
    public HeldOut evaluateHeldOut(Path modelFolder, Path corpus, InstrumentFilter filter, int windows,
                                   long sampleSeed, int threads, ProgressListener listener, CancellationToken cancel)
            throws TrainingException, IOException, CancelledException {
        RunFolder run = new RunFolder(modelFolder);
        run.readConfig();
        TokenCodec codec = TokenizerFile.load(run.tokenizer());
        Path work = Files.createTempDirectory("musai-held-out-");
        try {
            Path dataset = work.resolve("dataset");
            // the model's own merges, applied as they are: merges learned again match only on the same corpus
            new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(corpus, null), dataset,
                    codec.tokenizer().config(), filter, false, 0, threads).withMergesOf(codec), listener, cancel);
            return evaluateHeldOut(modelFolder, dataset, windows, sampleSeed);
        } catch (DatasetException e) {
            throw new TrainingException(corpus + ": " + e.getMessage());
        } finally {
            PartialFiles.deleteRecursively(work);
        }
    }

    /** A dataset of other tokens, or with ids beyond the model's vocabulary, is refused before any scoring. */
    private static void checkTokens(Dataset dataset, RunFolder.RunConfig config, Path modelFolder, Path datasetFolder)
            throws TrainingException, IOException {
        if (!TokenizerFile.hash(dataset.codec()).equals(config.tokenizerHash())) {
            throw new TrainingException("the dataset " + datasetFolder + " uses other tokens than the model "
                    + modelFolder);
        }
        TokenIdCheck.requireIdsBelow(dataset.tokens(), config.model().vocabSize(), TrainingSource.tokenFile(dataset),
                TrainingSource.documentNames(dataset.manifest()), TrainingSource.DAMAGED_DATASET);
    }

    /** Sums of cross-entropy over the scored targets, with their number and the notes among them. */
    private static final class Scores {
        double sum;
        double unigramSum;
        long tokens;
        long notes;

        double perToken() {
            return sum / Math.max(1, tokens);
        }

        double unigramPerToken() {
            return unigramSum / Math.max(1, tokens);
        }
    }

    /** Cross-entropy of each batch's unmasked targets; notes are counted when a codec is given. */
    private static Scores score(RwkvModel model, NDManager manager, List<TrainingData.Batch> batches,
                                double[] unigram, TokenCodec codec) {
        Scores scores = new Scores();
        for (TrainingData.Batch batch : batches) {
            try (NDManager scratch = manager.newSubManager()) {
                Shape shape = new Shape(batch.size(), batch.ctx());
                NDArray logits = model.forward(scratch.create(batch.inputs(), shape), false);
                NDArray ce = LossFunction.crossEntropy(logits, scratch.create(batch.targets(), shape),
                        scratch.create(batch.mask(), shape));
                scores.sum += ce.getFloat() * batch.tokenCount();
                scores.tokens += batch.tokenCount();
            }
            int[] targets = new int[batch.tokenCount()];
            int n = 0;
            for (int i = 0; i < batch.targets().length; i++) {
                if (batch.mask()[i] > 0) {
                    scores.unigramSum -= unigram[(int) batch.targets()[i]];
                    targets[n++] = (int) batch.targets()[i];
                }
            }
            if (codec != null) {
                scores.notes += codec.tokenizer().noteCount(codec.toBaseIds(targets).ids());
            }
        }
        return scores;
    }

    private static double lastValidationLoss(RunFolder run) throws IOException {
        if (!Files.isRegularFile(run.metrics())) {
            return Double.NaN;
        }
        List<RunHistory.Step> steps = run.readHistory().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(steps.get(i).validationLoss())) {
                return steps.get(i).validationLoss();
            }
        }
        return Double.NaN;
    }
}
