package org.musai.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;
import org.musai.token.TokenizerFile;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.DatasetException;

/** How well a model predicts a dataset: negative log-likelihood per token, beside the unigram baseline. */
public final class ModelEvaluation {

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
     * Scores the model on windows of every document of the dataset (all of it counts as held out). A dataset of other
     * tokens, or with ids beyond the model's vocabulary, is refused before any scoring.
     */
    public Result evaluate(Path modelFolder, Path datasetFolder) throws TrainingException, IOException {
        RunFolder run = new RunFolder(modelFolder);
        RunFolder.RunConfig config = run.readConfig();
        try (Dataset dataset = Dataset.open(datasetFolder);
             NDManager manager = NDManager.newBaseManager(Device.cpu());
             RwkvWeights weights = Trainer.loadWeights(config.model(), manager, run.model())) {
            if (!TokenizerFile.hash(dataset.codec()).equals(config.tokenizerHash())) {
                throw new TrainingException("the dataset " + datasetFolder + " uses other tokens than the model "
                        + modelFolder);
            }
            TokenIdCheck.requireIdsBelow(dataset.tokens(), config.model().vocabSize(),
                    TrainingSource.tokenFile(dataset), TrainingSource.documentNames(dataset.manifest()),
                    TrainingSource.DAMAGED_DATASET);
            int ctx = config.model().ctxLen();
            // every document held out for scoring; the frequencies of all of them for the baseline
            TrainingData data = TrainingData.byDocument(dataset.tokens(), ctx, 0.999999, 0,
                    dataset.codec().tokenizer()::isHeader);
            double[] unigram = TrainingData.byDocument(dataset.tokens(), ctx, 0, 0)
                    .unigramLogProbabilities(config.model().vocabSize());
            RwkvModel model = new RwkvModel(weights);
            double sum = 0;
            double unigramSum = 0;
            long count = 0;
            for (TrainingData.Batch batch : data.validationBatches(4)) {
                try (NDManager scratch = manager.newSubManager()) {
                    Shape shape = new Shape(batch.size(), batch.ctx());
                    NDArray logits = model.forward(scratch.create(batch.inputs(), shape), false);
                    NDArray ce = LossFunction.crossEntropy(logits, scratch.create(batch.targets(), shape),
                            scratch.create(batch.mask(), shape));
                    sum += ce.getFloat() * batch.tokenCount();
                    count += batch.tokenCount();
                }
                for (int i = 0; i < batch.targets().length; i++) {
                    if (batch.mask()[i] > 0) {
                        unigramSum -= unigram[(int) batch.targets()[i]];
                    }
                }
            }
            return new Result(sum / Math.max(1, count), unigramSum / Math.max(1, count), count);
        } catch (DatasetException e) {
            throw new TrainingException(e.getMessage());
        }
    }
}
